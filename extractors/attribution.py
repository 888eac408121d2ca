"""Whose figure, of what, when, and whether it is a result or a target.

For each mention: `indicator` (the phrase it measures), `entity` (the owning body or place),
`period` (the time it is about), `status` (`actual`/`target`), `compared_to` (the base of a change)
and a change `direction`. Rules read the mention's clause first, then its sentence, then what the
document has said so far (the running period of the section, a paragraph that sets out targets),
then the document's own date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.entities import find_bodies, find_national
from extractors.gazetteer import find_provinces
from extractors.indicators import indicator_of
from extractors.record import Mention
from extractors.sentences import Sentence, sentence_at

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

# --- status ------------------------------------------------------------------------------------
_TARGET_CUE = re.compile(
    r"(?<!\w)(?:mục tiêu|phấn đấu|dự toán|dự kiến|chỉ tiêu chủ yếu|chỉ tiêu lớn|"
    r"đặt ra|đề ra|định hướng|hướng tới|sẽ|cần|phải đạt|kế hoạch(?! 5 năm)|xác định \d+ chỉ tiêu)(?!\w)",
    re.IGNORECASE)
# cues that make the same words a result: `vượt kế hoạch`, `so với dự toán`, `đạt mục tiêu đề ra`
_TARGET_AS_RESULT = re.compile(
    r"(?:vượt|đạt|hoàn thành|so với|bằng)\s+(?:\S+\s+){0,2}?(?:kế hoạch|dự toán|mục tiêu|chỉ tiêu)(?:\s+(?:đề ra|được giao|giao))?",
    re.IGNORECASE)
_ACTUAL_CUE = re.compile(r"(?<!\w)(?:đã|ước đạt|ước thực hiện|thực hiện được|đạt được|kết quả|hoàn thành)(?!\w)",
                         re.IGNORECASE)
_TARGET_RIGHT_BEFORE = re.compile(
    r"(?:mục tiêu|kế hoạch|chỉ tiêu|dự toán)(?:\s+(?:đề ra|được giao|giao|là|đặt ra))?\s*"
    r"(?:từ|trên|dưới|khoảng|tối thiểu|ít nhất|tối đa|không quá|là|:)?\s*$", re.IGNORECASE)
_BODY_WITH_CUE = re.compile(r"Sở Kế hoạch và Đầu tư|Bộ Kế hoạch và Đầu tư|Phòng Tài chính - Kế hoạch|"
                            r"Phòng Tài chính – Kế hoạch|Ban Kinh tế - Ngân sách")
_PAREN_TARGET = re.compile(r"\(\s*(?:kế hoạch|KH|mục tiêu|chỉ tiêu)\s*$", re.IGNORECASE)

# --- compared_to -------------------------------------------------------------------------------
COMPARED = [
    (re.compile(r"so với\s+(?:cùng kỳ|cùng kì)"), "cùng kỳ"),
    (re.compile(r"so với\s+(?:năm\s+|cuối năm\s+|đầu năm\s+)?((?:19|20)\d{2})"), None),
    (re.compile(r"so với\s+(?:\S+\s+){0,2}?dự toán"), "dự toán"),
    (re.compile(r"so với\s+(?:\S+\s+){0,2}?kế hoạch"), "kế hoạch"),
    (re.compile(r"so với\s+(?:\S+\s+){0,2}?chỉ tiêu"), "chỉ tiêu"),
    (re.compile(r"so với\s+(?:\S+\s+){0,2}?mục tiêu"), "mục tiêu"),
    (re.compile(r"so với\s+đầu năm"), "đầu năm"),
    (re.compile(r"so với\s+(?:mức\s+)?(?:bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?cả nước"), "bình quân cả nước"),
    (re.compile(r"so với\s+(?:năm trước|năm ngoái)"), "năm trước"),
    (re.compile(r"so với\s+(?:kết quả\s+(?:thực hiện\s+)?(?:của\s+)?)?(?:cả\s+)?nhiệm kỳ trước"), "nhiệm kỳ trước"),
]
# a share of a total is not a comparison: `6,2% so với tổng số đảng viên`
_SHARE_OF = re.compile(r"so với\s+tổng")
CHANGE_WORDS = [("cao hơn", "increase"), ("thấp hơn", "decrease"), ("tăng", "increase"), ("giảm", "decrease"),
                ("vượt", "exceed"), ("gấp", "increase")]

# --- periods -----------------------------------------------------------------------------------
@dataclass
class _Period:
    pos: int
    value: str
    kind: str  # year | term | quarter | half | nine | vision


def find_periods(text: str) -> list[_Period]:
    """Periods named in `text`, in order; bases of comparison and base-year prices are left out."""
    out: list[_Period] = []
    taken: list[tuple[int, int]] = []

    def add(m, value, kind):
        out.append(_Period(m.start(), value, kind))
        taken.append((m.start(), m.end()))

    for m in re.finditer(r"((?:19|20)\d{2})\s*[-–—‑]\s*((?:19|20)\d{2})", text):
        pre = text[max(0, m.start() - 25):m.start()].lower()
        if "so với" in pre[-15:]:
            continue
        add(m, f"{m.group(1)}-{m.group(2)}", "term")
    for m in re.finditer(r"[Qq]uý\s+(IV|III|II|I|[1-4])\s*(?:/|năm\s+)((?:19|20)\d{2})", text):
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        add(m, f"{m.group(2)}-Q{q}", "quarter")
    for m in re.finditer(r"(?:6|sáu) tháng(?: đầu)? năm\s*((?:19|20)\d{2})?", text):
        add(m, f"{m.group(1)}-H1" if m.group(1) else "H1", "half")
    for m in re.finditer(r"(?:9|chín) tháng(?: đầu)?(?: năm)?\s*((?:19|20)\d{2})?", text):
        add(m, f"{m.group(1)}-9M" if m.group(1) else "9M", "nine")
    # a figure "up to" a date within a year gets the year (ANNOTATION.md): `Tính đến tháng 12/2022`,
    # `đến ngày 30/9/2023`, `Đến hết tháng 9/2023`
    for m in re.finditer(r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|hết\s+)(?:ngày\s+)?"
                         r"(?:\d{1,2}\s*[/.-]\s*)?(?:tháng\s+)?\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)", text,
                         re.IGNORECASE):
        add(m, m.group(1), "year")
    for m in re.finditer(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/-])", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        pre = text[max(0, m.start() - 30):m.start()].lower()
        if re.search(r"so với\s+(?:\S+\s+){0,2}$|(?<!\w)lần\s+(?:năm\s+)?$", pre) or re.search(r"(?:giá so s\w+|giá cố định|gốc)\s*(?:năm\s+)?$", pre):
            continue  # a base of comparison, or base-year prices (`giá so sánh 2010`)
        if re.search(r"tầm nhìn\s+(?:đến\s+|tới\s+)?(?:năm\s+)?$", pre):
            add(m, m.group(1), "vision")
            continue
        if re.search(r"(?:đến|tới|trước)\s+(?:hết\s+|cuối\s+)?năm\s+$", pre):
            add(m, m.group(1), "deadline")  # `đến năm 2022, …`: holds for its own clause only
            continue
        add(m, m.group(1), "year")
    out.sort(key=lambda p: p.pos)
    return [p for p in out if p.kind != "vision"]


def _pick_before(periods: list[_Period], upto: int) -> str | None:
    before = [p for p in periods if p.pos < upto]
    return before[-1].value if before else None


# --- the document's context --------------------------------------------------------------------
@dataclass
class DocContext:
    text: str
    province: str | None
    published: str | None
    sentences: list[Sentence]
    title: str | None = None
    # per sentence: the periods of the last sentence before it that named one (what the document
    # said last): `kết quả năm 2021; nhiệm vụ năm 2022` gives results 2021 and targets 2022
    running: list[list[_Period]] = field(default_factory=list)
    # the same, counting only sentences that report results (a plan's year does not date results)
    running_actual: list[list[_Period]] = field(default_factory=list)
    # per sentence: a target cue earlier in the paragraph (a paragraph that sets out targets)
    para_target: list[bool] = field(default_factory=list)
    sentence_periods: list[list[_Period]] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, sentences: list[Sentence], province: str | None, published: str | None,
              title: str | None = None) -> "DocContext":
        ctx = cls(text, province, published, sentences, title)
        current: list[_Period] = []
        if title:
            current = [p for p in find_periods(title) if p.kind != "deadline"]
        current_actual = current
        target_in_para: dict[int, bool] = {}
        for s in sentences:
            ps = find_periods(s.text)
            ctx.sentence_periods.append(ps)
            ctx.running.append(current)
            ctx.running_actual.append(current_actual)
            ctx.para_target.append(target_in_para.get(s.paragraph, False))
            heading = _is_heading(s, ctx)  # a heading names the period of its section
            carried = [p for p in ps if p.kind != "deadline" and (heading or _topical(s.text, p.pos))]
            if carried:
                current = carried
                if heading or not _TARGET_CUE.search(_TARGET_AS_RESULT.sub(" ", s.text)):
                    current_actual = carried
            if _is_target_sentence(s.text):
                target_in_para[s.paragraph] = True
        return ctx

    @property
    def pub_year(self) -> int | None:
        return int(self.published[:4]) if self.published and self.published[:4].isdigit() else None


_TIME_WORDS = {"năm", "trong", "đến", "tới", "từ", "đầu", "cuối", "hết", "giai", "đoạn", "nhiệm", "kỳ", "thời",
               "quý", "tháng", "sau", "và", "riêng", "cả", "theo", "đó", "tính", "chung", "sáu", "chín", "6", "9"}


def _topical(sentence: str, pos: int) -> bool:
    """A period that sets the time of what follows (`Năm 2021, …`, `Trong năm 2022, …`, `…, năm 2023,
    Tỉnh đặt mục tiêu`), not one that qualifies a noun (`hậu quả thiên tai năm 2020`,
    `tổng kết 5 năm …, giai đoạn 2015 – 2020;`)."""
    before = sentence[:pos]
    head = re.split(r"[,;:(]", before)[-1]
    words = head.split()
    if len(words) > 3 or not all(w.lower() in _TIME_WORDS for w in words):
        return False
    if len(before.split()) <= 6:
        return True  # near the start of the sentence
    # a parenthetical time adverbial: `…, năm 2022, Ban Thường vụ …`
    tail = sentence[pos:]
    m = re.match(r"[\d\s/–-]*(?:\d{4})?", tail)
    rest = tail[m.end():] if m else tail
    return before.rstrip().endswith((",", ":")) is False and rest.lstrip().startswith(",") and \
        re.search(r",\s*(?:\S+\s+){0,2}$", before) is not None


_HERE_AND_NOW = re.compile(r"(?<!\w)(?:đến nay|hiện nay|hiện tại|tính đến nay|cho đến nay)(?!\w)|^\s*Hiện\b",
                           re.IGNORECASE)


def _is_heading(sentence: Sentence, ctx: "DocContext") -> bool:
    """A title or section heading: a short paragraph of its own without final punctuation, in a
    document of several paragraphs (a one-line claim pasted by a journalist is not a heading)."""
    t = sentence.text.strip()
    if not ctx.sentences or ctx.sentences[-1].paragraph == 0:
        return False
    return not t.endswith((".", ";", "!", "?", "…", ":")) and len(t.split()) <= 25 and "\n" not in t


def _is_target_sentence(s: str) -> bool:
    cleaned = _TARGET_AS_RESULT.sub(" ", s)
    return bool(re.search(r"(?<!\w)(?:đặt mục tiêu|mục tiêu|phấn đấu|chỉ tiêu chủ yếu|chỉ tiêu lớn|dự kiến)(?!\w)",
                          cleaned, re.IGNORECASE))


def clause_bounds(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause (between `;`/`:`) of the sentence that holds [start, end)."""
    s = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    cs = 0
    for m in re.finditer(r"[;:]\s|\n", s):
        if m.end() <= rel_s:
            cs = m.end()
    ce = len(s)
    for m in re.finditer(r";|\n", s):
        if m.start() >= rel_e:
            ce = m.start()
            break
    return sentence.start + cs, sentence.start + ce


def attribute_all(mentions: list[Mention], ctx: DocContext) -> None:
    """Fill the attribution fields of every mention of one document, in place."""
    done: list[Mention] = []
    for k, m in enumerate(mentions):
        s = sentence_at(ctx.sentences, m.start)
        if s is None:
            continue
        nxt = mentions[k + 1].start if k + 1 < len(mentions) else None
        attribute(m, s, ctx, done, nxt)
        done.append(m)


def attribute(m: Mention, s: Sentence, ctx: DocContext, done: list[Mention] | None = None,
              next_start: int | None = None) -> None:
    """Attribute one mention; `done` holds the document's mentions before it, already attributed."""
    text = ctx.text
    cs, ce = clause_bounds(s, m.start, m.end)
    clause_before = text[cs:m.start]
    clause_after = text[m.end:ce]
    sent_before = text[s.start:m.start]

    m.status = _status(m, clause_before, sent_before, text[max(s.start, m.start - 20):m.start], ctx, s)
    m.compared_to = _compared_to(m, clause_after, next_start)
    m.direction = _direction(clause_before)
    m.period = _period(m, s, ctx, cs)
    m.entity = _entity(text, cs, m.start, s, ctx)
    prev_sentence = ctx.sentences[s.index - 1].text if s.index > 0 else None
    m.indicator = indicator_of(m, text, s.start, cs, ce, done or [], prev_sentence)


def _status(m: Mention, clause_before: str, sent_before: str, just_before: str, ctx: DocContext,
            s: Sentence) -> str | None:
    # names that hold cue words are not cues: `Sở Kế hoạch và Đầu tư`
    clause_before, sent_before = (_BODY_WITH_CUE.sub(" ", x) for x in (clause_before, sent_before))
    if _is_heading(s, ctx):
        # a title or section heading states no result, but may announce targets
        return "target" if _TARGET_CUE.search(_TARGET_AS_RESULT.sub(" ", sent_before)) else None
    if not sent_before.strip() and re.match(r"[^\d,;.()]{0,40}:", ctx.text[m.end:s.end]):
        return None  # a label that opens a list, `Ba khâu đột phá: (1) …`, states no figure
    if _PAREN_TARGET.search(just_before) or _TARGET_RIGHT_BEFORE.search(just_before):
        return "target"  # `(kế hoạch 8%)`, `chưa đạt mục tiêu từ 20% trở lên`
    if m.kind == "percent" and re.search(r"(?<!\w)chỉ tiêu\s+(?:[^\s,;:\d%]+\s+){1,3}(?:từ|trên|dưới|tối thiểu|ít nhất)?\s*$",
                                         clause_before[-60:]):
        return "target"  # the level a target sets: `hoàn thành chỉ tiêu giải quyết trên 90% đơn thư`
    counts_targets = m.kind == "quantity" and (m.unit or "").lower().startswith(("chỉ tiêu", "nhiệm vụ", "mục tiêu"))
    if m.kind == "fraction":
        # `giải ngân 5.230/6.100 tỷ đồng kế hoạch`: a share of the plan achieved is a result
        cb = _TARGET_AS_RESULT.sub(" ", clause_before)
        return "target" if re.search(r"(?<!\w)(?:phấn đấu|mục tiêu|dự kiến|sẽ)(?!\w)", cb) else "actual"
    cb = _TARGET_AS_RESULT.sub(" ", clause_before)
    sb = _TARGET_AS_RESULT.sub(" ", sent_before)
    paren = sent_before.rfind("(")
    if paren > sent_before.rfind(")") and _TARGET_CUE.search(sent_before[max(0, paren - 50):paren]) \
            and not counts_targets:
        return "target"  # `gần đạt mục tiêu của cả nhiệm kỳ (từ 2 đến 2,5 tỷ USD)`
    if _TARGET_CUE.search(cb) and not counts_targets:
        return "target"
    colon = sb.rfind(":")
    if colon > 0 and _TARGET_CUE.search(sb[:colon]) and not counts_targets and not re.search(r"(?<!\w)đã(?!\w)", cb):
        return "target"  # `một số chỉ tiêu lớn là: … đạt trên 90%; …`
    if _ACTUAL_CUE.search(cb):
        return "actual"
    if _TARGET_CUE.search(sb) and not _ACTUAL_CUE.search(sb[-60:]) and not counts_targets:
        return "target"
    if ctx.para_target[s.index] and not _ACTUAL_CUE.search(sb) and not re.search(r"(?<!\w)đạt(?!\w)", sb) \
            and _future_period(s, ctx):
        return "target"
    if ctx.para_target[s.index] and not _ACTUAL_CUE.search(sb) and _future_period(s, ctx):
        return "target"
    return "actual"


def _future_period(s: Sentence, ctx: DocContext) -> bool:
    """The period in force is after the document's year (targets for the coming year), or unknown."""
    ps = ctx.sentence_periods[s.index] or ctx.running[s.index]
    per = ps[-1].value if ps else None
    if per is None or ctx.pub_year is None:
        return True
    try:
        return int(per[:4]) >= ctx.pub_year or "-" in per and int(per[-4:]) > ctx.pub_year
    except ValueError:
        return True


_BASE_RIGHT_AFTER = re.compile(
    r"^\s*(?:(?:so với|của|bằng)\s+)?(?:(?:mức\s+)?(?:bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?cả nước|"
    r"dự toán|kế hoạch|chỉ tiêu|mục tiêu|cùng kỳ|năm trước|(?:năm\s+)?(?:19|20)\d{2})")


def _compared_to(m: Mention, clause_after: str, next_start: int | None) -> str | None:
    """The base the figure is compared with, stated after it in its clause and before any other
    figure (`đạt 21,6 tỷ USD, tăng 15% so với năm 2022`: the base belongs to the 15%)."""
    seg = clause_after[:90]
    if next_start is not None:
        seg = seg[:max(0, next_start - m.end)]
    if _SHARE_OF.search(seg[:20]):
        return None
    if m.kind in ("percent", "multiplier"):
        # `đạt 108% dự toán`, `gấp 3 lần bình quân cả nước`
        mm = _BASE_RIGHT_AFTER.match(seg)
        if mm and m.kind == "percent" and re.fullmatch(r"\s*(?:năm\s+)?(?:19|20)\d{2}", mm.group(0)):
            mm = None  # `tăng trưởng 9,54% năm 2022`: the year is the period; `gấp 2 lần năm 2020` a base
        if mm:
            base = mm.group(0).strip()
            base = re.sub(r"^(?:so với|của|bằng)\s+", "", base)
            year = re.search(r"(?:19|20)\d{2}", base)
            if year:
                return year.group(0)
            for pat, label in COMPARED:
                if label and label.split()[0] in base:
                    return label
            return "bình quân cả nước" if "cả nước" in base else base
    for pat, label in COMPARED:
        mm = pat.search(seg)
        if mm:
            return label or mm.group(1)
    return None


def _direction(clause_before: str) -> str | None:
    tail = clause_before.lower()[-30:]
    for w, d in CHANGE_WORDS:
        if re.search(rf"(?<!\w){w}(?:\s+(?:thêm|bình quân|hơn|khoảng|gần|trên))?\s*$", tail):
            return d
    return None


def _period(m: Mention, s: Sentence, ctx: DocContext, cs: int) -> str | None:
    rel_cs, rel_m = cs - s.start, m.start - s.start
    periods = ctx.sentence_periods[s.index]
    in_clause = [p for p in periods if rel_cs <= p.pos < rel_m]
    period = in_clause[-1].value if in_clause else None
    if period is None and rel_cs > 0:
        # a period after the figure in its own clause beats one of an earlier clause:
        # `…, thời kỳ 2021-2030; … giải ngân 100% vốn đầu tư được giao trong năm 2023`
        period = _after_in_clause(periods, s, rel_m)
    if period is None:
        period = _pick_before([p for p in periods if p.kind != "deadline"], rel_m)
    if period is None and periods and not any(p.pos < rel_m for p in periods):
        period = _after_in_clause(periods, s, rel_m)  # `… đạt 5% trong năm 2023`
    if period is None and ctx.pub_year and _HERE_AND_NOW.search(text_before_in_sentence(s, m, ctx)):
        period = str(ctx.pub_year)  # `Đến nay, toàn tỉnh đã có 171/182 xã …`: as of the report's date
    run = ctx.running_actual[s.index] if m.status == "actual" else ctx.running[s.index]
    if period is None and run:
        # results take the earliest period the document named last, targets the latest
        period = run[0].value if m.status == "actual" else run[-1].value
        if m.status == "actual" and ctx.pub_year and period[:4].isdigit() and int(period[:4]) > ctx.pub_year:
            period = None
        elif m.status == "actual" and ctx.pub_year and re.fullmatch(r"\d{4}-\d{4}", period) \
                and int(period[:4]) <= ctx.pub_year <= int(period[5:]):
            period = str(ctx.pub_year)  # a result reported within a term belongs to the report's year
    if period in ("H1", "9M"):
        year = next((p.value for p in periods if p.kind == "year"), None) or \
            (str(ctx.pub_year) if ctx.pub_year else None)
        period = f"{year}-{period}" if year else period
    if period is None and ctx.pub_year:
        period = str(ctx.pub_year)
    return period


def _after_in_clause(periods: list[_Period], s: Sentence, rel_m: int) -> str | None:
    clause_end = s.text.find(";", rel_m)
    after = [p for p in periods if p.pos >= rel_m and (clause_end < 0 or p.pos < clause_end) and p.kind != "term"]
    return after[0].value if after else None


def text_before_in_sentence(s: Sentence, m: Mention, ctx: DocContext) -> str:
    return ctx.text[s.start:m.start]


def _entity(text: str, cs: int, ms: int, s: Sentence, ctx: DocContext) -> str | None:
    """The nearest owning body or place named in the clause before the figure, else the
    sentence before it, else the document's province."""
    for lo in (cs, s.start):
        seg = text[lo:ms]
        best = None
        for b in find_bodies(seg, ctx.province):
            if re.search(r"(?<!\w)(?:đại biểu|ứng cử|bầu cử)\s*(?:\S+\s+){0,3}$", seg[:b.start]):
                continue  # `người ứng cử đại biểu Quốc hội và HĐND tỉnh`: what they stand for, not the owner
            if best is None or b.start >= best[0]:
                best = (b.start, b.name)
        for ps, pe, p in find_provinces(seg):
            if best is None or ps > best[0]:
                # `huyện X` of a body wins over the province inside it
                if best is None or not (best[0] <= ps < best[0] + len(best[1]) + 5):
                    best = (ps, p.name)
        if best:
            return best[1]
        if find_national(re.sub(r"đại biểu Quốc hội", " ", seg)):
            return "Việt Nam"
    return ctx.province
