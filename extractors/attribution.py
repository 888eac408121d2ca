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

from extractors.entities import find_bodies, national_at
from extractors.gazetteer import find_places, in_comparison
from extractors.indicator_context import repair as repair_indicator, spell_out
from extractors.indicators import indicator_of
from extractors.record import Mention
from extractors.sentences import Sentence, sentence_at

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_BASE_BEFORE = re.compile(r"(?<!\w)so(?: với)?\s+(?:cùng kỳ\s+)?$")
_MONTH_WORDS = {"ba": 3, "bốn": 4, "năm": 5, "bảy": 7, "tám": 8, "mười": 10, "mười một": 11}

# --- status ------------------------------------------------------------------------------------
_TARGET_CUE = re.compile(
    r"(?<!\w)(?:mục tiêu|phấn đấu|dự toán|dự kiến|chỉ tiêu chủ yếu|chỉ tiêu lớn|"
    r"đặt ra|đề ra|định hướng|hướng tới|sẽ|(?-i:cần)(?! Thơ| Giờ| Đước)|phải đạt|kế hoạch(?! 5 năm)|xác định \d+ chỉ tiêu)(?!\w)",
    re.IGNORECASE)
# cues that make the same words a result: `vượt kế hoạch`, `so với dự toán`, `đạt mục tiêu đề ra`
_TARGET_AS_RESULT = re.compile(
    r"(?:vượt|đạt|hoàn thành|so với|bằng)\s+(?:\S+\s+){0,2}?(?:kế hoạch|dự toán|mục tiêu|chỉ tiêu)"
    r"(?:\s+(?:[^\s,;.()]+\s+){0,5}?(?:đề ra|được giao|giao))?",
    re.IGNORECASE)
# `kế hoạch vốn đầu tư công được giao năm 2022 là 5.556 tỷ đồng`: the value the plan names
_PLAN_IS = re.compile(r"(?<!\w)(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu)(?:\s+[^\s,;.()]+){0,8}?\s+là\s*$", re.IGNORECASE)
_ACTUAL_CUE = re.compile(r"(?<!\w)(?:đã|ước đạt|ước thực hiện|thực hiện được|đạt được|kết quả|hoàn thành)(?!\w)",
                         re.IGNORECASE)
_TARGET_RIGHT_BEFORE = re.compile(
    r"(?:mục tiêu|kế hoạch|chỉ tiêu|dự toán)(?:\s+(?:đề ra|được giao|giao|là|đặt ra))?\s*"
    r"(?:từ|trên|dưới|khoảng|tối thiểu|ít nhất|tối đa|không quá|là|:)?\s*$", re.IGNORECASE)
# a programme named for its targets: a paragraph that names it does not set out targets
_PROGRAMME = re.compile(r"[Cc]hương trình mục tiêu quốc gia|[Cc]hương trình MTQG|[Mm]ục tiêu quốc gia")
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
    kind: str  # year | term | quarter | half | nine | months | month | deadline | vision
    paragraph: int | None = None  # the paragraph of the sentence that named it; -1 for the title
    # a value without a year (`H1`, `9M`, `Q2`, `10M`, `M10`, `Y` for "up to a day of the year")
    # takes the year of its sentence or document: see `with_year`


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
    for m in re.finditer(r"[Qq]uý\s+(IV|III|II|I|[1-4])(?:\s*(?:/|-|năm\s+)((?:19|20)\d{2}))?(?![\w/])", text):
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        add(m, f"{m.group(2)}-Q{q}" if m.group(2) else f"Q{q}", "quarter")
    for m in re.finditer(r"(?<![\d\w])(?:6|sáu) tháng(?:(?: đầu)? năm| qua)\s*((?:19|20)\d{2})?", text):
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `tăng 13,48% so với 6 tháng năm 2019`: a base of comparison
        add(m, f"{m.group(1)}-H1" if m.group(1) else "H1", "half")
    for m in re.finditer(r"(?<![\d\w])(?:9|chín) tháng(?: đầu)?(?: năm| qua)?\s*((?:19|20)\d{2})?", text):
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue
        add(m, f"{m.group(1)}-9M" if m.group(1) else "9M", "nine")
    # `Từ năm 2021 đến nay`: from that year to the document's (`NOW` is filled in with its year)
    for m in re.finditer(r"(?<!\w)[Tt]ừ\s+(?:đầu\s+)?(?:năm\s+)?((?:19|20)\d{2})\s+(?:đến|tới)\s+nay(?!\w)", text):
        add(m, f"{m.group(1)}-NOW", "since")
    # the first N months: `10 tháng đầu năm 2022` is 2022-10M, `3 tháng đầu năm` the first quarter
    for m in re.finditer(r"(?<![\d\w])(2|3|4|5|7|8|10|11|ba|bốn|năm|bảy|tám|mười|mười một) tháng"
                         r"(?: đầu năm| năm(?=\s*(?:19|20)\d{2}))\s*((?:19|20)\d{2})?", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = _MONTH_WORDS.get(m.group(1)) or int(m.group(1))
        part = "Q1" if n == 3 else f"{n}M"
        add(m, f"{m.group(2)}-{part}" if m.group(2) else part, "months")
    # a figure "up to" a date within a year gets the year (ANNOTATION.md): `Tính đến tháng 12/2022`,
    # `đến ngày 30/9/2023`, `Đến hết tháng 9/2023`; without a year (`tính đến ngày 30-6`) the year
    # the document is about
    for m in re.finditer(r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:thời điểm\s+)?(?:hết\s+|cuối\s+)?|hết\s+)(?:ngày\s+)?"
                         r"(?:\d{1,2}\s*[/.-]\s*)?(?:tháng\s+)?\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)|"
                         r"(?<!\w)tính\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?!\d)|"
                         r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:thời điểm\s+)?(?:hết\s+|cuối\s+)?|hết\s+)"
                         r"(?:ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2})?|\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2})(?![\d/.-])",
                         text, re.IGNORECASE):
        if any(s <= m.start() < e for s, e in taken):
            continue
        add(m, m.group(1) or m.group(2) or "Y", "year")
    # one month: `tháng 12/2023`, `trong tháng 10`
    for m in re.finditer(r"(?<!\w)tháng\s+(\d{1,2})(?:\s*(?:/|năm\s+)((?:19|20)\d{2}))?(?![\d/.-])", text):
        if any(s <= m.start() < e for s, e in taken) or not 1 <= int(m.group(1)) <= 12:
            continue
        if not m.group(2) and not re.search(r"(?:^|[,;:]|\b(?:trong|riêng|của|cả|Trong|Riêng))\s*$", text[:m.start()]):
            continue  # `từ tháng 3`, `ngày 5 tháng 10` are dates, not the time of a figure
        month = f"M{int(m.group(1)):02d}"
        add(m, f"{m.group(2)}-{month[1:]}" if m.group(2) else month, "month")
    for m in re.finditer(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/-])", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        pre = text[max(0, m.start() - 30):m.start()].lower()
        if re.search(r"(?<!\w)so(?: với)?\s+(?:\S+\s+){0,3}$|(?<!\w)lần\s+(?:năm\s+)?$", pre) or re.search(r"(?:giá so s\w+|giá cố định|gốc)\s*(?:năm\s+)?$", pre):
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


def _dateline_date(text: str) -> str | None:
    """The date a sentence of the lead opens with, for a document that has no date of its own:
    `LSO-Ngày 7/12/2015, Hội đồng thẩm định …` (not `áp dụng từ ngày 01/01/2024`)."""
    m = re.search(r"(?:^|[.!?]\s+|\n)\W*(?:[\w.]{2,20}\s*\)?\s*[-–—]\s*)?(?:Ngày|Sáng|Chiều|Tối|Trưa)\s+"
                  r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})", text[:400])
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31):
        return None
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


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
    province_source: str | None = None   # where the document's province was found (document_frame.SOURCES)
    # per sentence: the periods of the last sentence before it that named one (what the document
    # said last): `kết quả năm 2021; nhiệm vụ năm 2022` gives results 2021 and targets 2022
    running: list[list[_Period]] = field(default_factory=list)
    # the same, counting only sentences that report results (a plan's year does not date results)
    running_actual: list[list[_Period]] = field(default_factory=list)
    # per sentence: a target cue earlier in the paragraph (a paragraph that sets out targets)
    para_target: list[bool] = field(default_factory=list)
    sentence_periods: list[list[_Period]] = field(default_factory=list)
    # per sentence: the last period any earlier sentence (or the title) named, topical or not
    last_named: list[_Period | None] = field(default_factory=list)
    # per sentence: the spans of its figures, so that a period written right after one figure
    # (`từ 73,26% (2021) xuống còn 61,04%`) is kept for that figure
    figure_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, sentences: list[Sentence], province: str | None, published: str | None,
              title: str | None = None, province_source: str | None = None) -> "DocContext":
        ctx = cls(text, province, published or _dateline_date(text), sentences, title, province_source)
        current: list[_Period] = []
        if title:
            current = [_Period(p.pos, p.value, p.kind, -1) for p in find_periods(title) if p.kind != "deadline"]
        current_actual = current
        target_in_para: dict[int, bool] = {}
        named: list[_Period] = list(current)
        for s in sentences:
            ps = find_periods(s.text)
            for p in ps:
                p.paragraph = s.paragraph
                if p.kind == "deadline" and ctx.pub_year and int(p.value[:4]) <= ctx.pub_year:
                    p.kind = "year"  # `Đến hết năm 2022, toàn tỉnh có 119/119 xã` in 2023: up to a past date
            ctx.sentence_periods.append(ps)
            ctx.last_named.append(named[-1] if named else None)
            named += [p for p in ps if p.kind in ("year", "quarter", "half", "nine", "months", "month")]
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

    def paragraph_start(self, s: Sentence) -> int:
        """Where the paragraph of sentence `s` begins."""
        k = s.index
        while k > 0 and self.sentences[k - 1].paragraph == s.paragraph:
            k -= 1
        return self.sentences[k].start

    @property
    def doc_year(self) -> str | None:
        """The year the document names most, for a document without a date."""
        years = [p.value[:4] for ps in self.sentence_periods for p in ps
                 if p.kind not in ("term", "deadline") and p.value[:4].isdigit()]
        return max(set(years), key=years.count) if years else None

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


_HERE_AND_NOW = re.compile(r"(?<!\w)(?:đến nay|hiện nay|hiện tại|tính đến nay|cho đến nay|hiện có|hiện còn)(?!\w)|^\s*Hiện\b",
                           re.IGNORECASE)


def _is_heading(sentence: Sentence, ctx: "DocContext") -> bool:
    """A title or section heading: a short paragraph of its own without final punctuation, in a
    document of several paragraphs (a one-line claim pasted by a journalist is not a heading)."""
    t = sentence.text.strip()
    if not ctx.sentences or ctx.sentences[-1].paragraph == 0:
        return False
    return not t.endswith((".", ";", "!", "?", "…", ":")) and len(t.split()) <= 25 and "\n" not in t


def _is_target_sentence(s: str) -> bool:
    cleaned = _TARGET_AS_RESULT.sub(" ", _PROGRAMME.sub(" ", s))
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
    for m in mentions:
        s = sentence_at(ctx.sentences, m.start)
        if s is not None:
            ctx.figure_spans.setdefault(s.index, []).append((m.start - s.start, m.end - s.start))
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
    m.period, m.extra["period_source"] = _period(m, s, ctx, cs)
    if m.status == "actual" and _after_the_document(m.period, ctx) and not _ACTUAL_CUE.search(clause_before):
        m.status = "target"  # `Đến năm 2030, thu nhập bình quân … từ 75-80 triệu đồng`: no result yet
        m.period, m.extra["period_source"] = _period(m, s, ctx, cs)
    m.entity, m.extra["entity_source"] = _entity(text, cs, m.start, s, ctx, m.unit if m.kind == "quantity" else None)
    prev_sentence = ctx.sentences[s.index - 1].text if s.index > 0 else None
    m.indicator = indicator_of(m, text, s.start, cs, ce, done or [], prev_sentence)
    repair_indicator(m, text, s.start, ctx.paragraph_start(s), done or [], ctx.title)
    m.indicator = spell_out(m.indicator, m.unit)


def _status(m: Mention, clause_before: str, sent_before: str, just_before: str, ctx: DocContext,
            s: Sentence) -> str | None:
    # names that hold cue words are not cues: `Sở Kế hoạch và Đầu tư`
    clause_before, sent_before = (_BODY_WITH_CUE.sub(" ", x) for x in (clause_before, sent_before))
    if _is_heading(s, ctx):
        # a title or section heading states no result, but may announce targets
        return "target" if _TARGET_CUE.search(_TARGET_AS_RESULT.sub(" ", sent_before)) else None
    if not sent_before.strip() and re.match(r"[^\d,;.()]{0,40}:", ctx.text[m.end:s.end]):
        return None  # a label that opens a list, `Ba khâu đột phá: (1) …`, states no figure
    if _PAREN_TARGET.search(just_before) or _TARGET_RIGHT_BEFORE.search(just_before) \
            or _PLAN_IS.search(clause_before[-90:]):
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
    if paren > sent_before.rfind(")") and _names_target(sent_before[max(0, paren - 50):paren]) \
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


def _names_target(before_paren: str) -> bool:
    """A parenthesis that gives a target's value: `so với mục tiêu (95%)`, `kế hoạch năm (400 triệu
    USD)`, `mục tiêu của cả nhiệm kỳ (từ 2 đến 2,5 tỷ USD)`; not one after a new predicate (`vượt kế
    hoạch và đứng thứ 2 cả nước (sau …)`)."""
    cues = list(_TARGET_CUE.finditer(before_paren))
    if not cues:
        return False
    between = before_paren[cues[-1].end():]
    return not re.search(r"(?<!\w)(?:và|đứng|xếp|tăng|giảm|đạt|là|có)(?!\w)|[;()\d]", between)


def _after_the_document(period: str | None, ctx: DocContext) -> bool:
    """A period that begins after the year the document was published: nothing in it is a result yet."""
    return bool(period and ctx.pub_year and period[:4].isdigit() and int(period[:4]) > ctx.pub_year)


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


def _period(m: Mention, s: Sentence, ctx: DocContext, cs: int) -> tuple[str | None, str | None]:
    """The period of a figure, and where it was found: `sentence`, `paragraph` (an earlier sentence
    of its paragraph), `document` (the title, an earlier paragraph or heading, the document's date)."""
    rel_cs, rel_m = cs - s.start, m.start - s.start
    own = _own_period(ctx.sentence_periods[s.index], s.text, rel_m, m.end - s.start, ctx)
    if own is not None:
        return own, "sentence"
    periods = [p for p in ctx.sentence_periods[s.index]
               if not _owned_by_other(s.text, p, ctx.figure_spans.get(s.index, ()), rel_m)]
    source = "sentence"
    in_clause = [p for p in periods if rel_cs <= p.pos < rel_m]
    period = in_clause[-1].value if in_clause else None
    if period is None and rel_cs > 0:
        # a period after the figure in its own clause beats one of an earlier clause:
        # `…, thời kỳ 2021-2030; … giải ngân 100% vốn đầu tư được giao trong năm 2023`
        period = _after_in_clause(periods, s, rel_m)
    if period is None:
        period = _pick_before([p for p in periods if p.kind != "deadline"], rel_m)
    if period is None and m.status == "target":
        # `Tỉnh phấn đấu đến năm 2025, có …; có ít nhất 80% xã …`: the deadline the targets are set for,
        # unless it is a milestone inside the term the document sets targets for
        deadline = _pick_before([p for p in periods if p.kind == "deadline"], rel_m)
        terms = [p.value for p in ctx.running[s.index] if p.kind == "term"]
        if deadline and not any(t[:4] <= deadline <= t[5:] for t in terms):
            period = deadline
    if period is None and periods and not any(p.pos < rel_m for p in periods):
        period = _after_in_clause(periods, s, rel_m)  # `… đạt 5% trong năm 2023`
    if period is None and (ctx.pub_year or ctx.doc_year) \
            and _HERE_AND_NOW.search(text_before_in_sentence(s, m, ctx).replace("từ trước đến nay", "")):
        period = str(ctx.pub_year or ctx.doc_year)  # `Đến nay, toàn tỉnh đã có 171/182 xã …`: as of the report's date
    run = ctx.running_actual[s.index] if m.status == "actual" else ctx.running[s.index]
    if period is None and run:
        # results take the earliest period the document named last, targets the latest
        chosen = run[0] if m.status == "actual" else run[-1]
        period = chosen.value
        source = "paragraph" if chosen.paragraph == s.paragraph else "document"
        if m.status == "actual" and ctx.pub_year and period[:4].isdigit() and int(period[:4]) > ctx.pub_year:
            period = None
        elif m.status == "actual" and ctx.pub_year and re.fullmatch(r"\d{4}-\d{4}", period) \
                and int(period[:4]) <= ctx.pub_year <= int(period[5:]):
            period = str(ctx.pub_year)  # a result reported within a term belongs to the report's year
    if period is not None and period.endswith("-NOW"):
        start = period[:4]
        year = str(ctx.pub_year) if ctx.pub_year else None
        period = f"{start}-{year}" if year and year > start else start
    if period is not None and not re.match(r"(?:19|20)\d{2}", period):
        period = with_year(period, periods, ctx, s)
    if period is None and ctx.last_named[s.index] is not None:
        named = ctx.last_named[s.index]
        period = named.value if re.match(r"(?:19|20)\d{2}(?!.*NOW)", named.value) else with_year(named.value, periods, ctx, s)
        source = "paragraph" if named.paragraph == s.paragraph else "document"
        if period and m.status == "actual" and ctx.pub_year and re.fullmatch(r"\d{4}-\d{4}", period) \
                and int(period[:4]) <= ctx.pub_year <= int(period[5:]):
            period = str(ctx.pub_year)
    if period is None and ctx.pub_year:
        period, source = _pub_year_reviewed(ctx), "document"
    return period, source if period is not None else None


def _own_period(periods: list[_Period], sentence: str, rel_s: int, rel_e: int, ctx: DocContext) -> str | None:
    """A period written as the figure's own label: `năm 2021: 9,44%`, `73,26% (2021)`, `31,17% vào cuối
    năm 2018`."""
    for p in periods:
        if p.pos < rel_s and _labels(sentence, p, rel_s):
            return p.value if re.match(r"(?:19|20)\d{2}", p.value) else None
        if p.pos >= rel_e and _right_after(sentence[rel_e:p.pos]) and \
                not re.match(r"[\d\s/QIV-]*\s*(?:tăng|giảm|đạt|là|còn|[:=])\s*\d", sentence[p.pos:]):
            return p.value if re.match(r"(?:19|20)\d{2}", p.value) else None  # not `(năm 2020 tăng 6,97%`
    return None


def _right_after(gap: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:\(\s*(?:năm\s+)?|(?:vào\s+)?(?:cuối|đầu|hết)\s+(?:năm\s+)?|"
                             r"(?:vào|trong|của)\s+năm\s+|năm\s+)", gap))


def _labels(sentence: str, p: _Period, rel_s: int) -> bool:
    """Whether period `p` labels the figure starting at `rel_s`: `năm 2021: 9,44%`, `(năm 2020 tăng 6,97%`."""
    gap, before = sentence[p.pos:rel_s], sentence[:p.pos]
    if not re.search(r"(?:^|[(,;]\s*|năm\s+)$", before):
        return False
    if re.fullmatch(r"\(?(?:năm\s+)?[\d\s/QIV-]*\s*[:=]\s*", gap):
        return True
    # inside brackets a verb may stand between: `(năm 2020 tăng 6,97%, năm 2021 tăng 7,7%)`
    return before.count("(") > before.count(")") and \
        re.fullmatch(r"[\d\s/QIV-]*\s*(?:tăng|giảm|đạt|là|còn)\s*", gap) is not None


def _owned_by_other(sentence: str, p: _Period, spans, rel_m: int) -> bool:
    """A period written right after another figure of the sentence, or as another figure's label,
    belongs to that figure."""
    return any(s != rel_m and (e <= p.pos and _right_after(sentence[e:p.pos]) or p.pos < s and _labels(sentence, p, s))
               for s, e in spans)


def _context_year(periods: list[_Period], ctx: DocContext, s: Sentence) -> str | None:
    """The year a period without one belongs to: the sentence's, else what the document named
    last, else the title's, else the document's date (a review published early in a year looks back
    at the year before)."""
    for pool in (periods, ctx.running[s.index]):
        years = [p.value[:4] for p in pool if p.value[:4].isdigit() and p.kind != "term"]
        if years:
            return years[-1]
    if ctx.pub_year:
        return _pub_year_reviewed(ctx)
    return ctx.doc_year


def _pub_year_reviewed(ctx: DocContext) -> str:
    month = ctx.published[5:7] if ctx.published and len(ctx.published) >= 7 else ""
    return str(ctx.pub_year - 1) if month in ("01", "02") else str(ctx.pub_year)


def with_year(period: str, periods: list[_Period], ctx: DocContext, s: Sentence) -> str | None:
    """`H1`, `9M`, `Q2`, `10M`, `M10`, `Y` (and `R`, the year a review looks back on) with their year."""
    if period == "R":
        return _pub_year_reviewed(ctx) if ctx.pub_year else None
    year = _context_year(periods, ctx, s)
    if year is None:
        return None
    if period == "Y":
        return year
    if period.startswith("M"):
        return f"{year}-{period[1:]}"
    return f"{year}-{period}"


def _after_in_clause(periods: list[_Period], s: Sentence, rel_m: int) -> str | None:
    clause_end = s.text.find(";", rel_m)
    after = [p for p in periods if p.pos >= rel_m and (clause_end < 0 or p.pos < clause_end) and p.kind != "term"]
    return after[0].value if after else None


def text_before_in_sentence(s: Sentence, m: Mention, ctx: DocContext) -> str:
    return ctx.text[s.start:m.start]


def _governs(between: str) -> bool:
    """A place named just before a figure, with no clause break between, owns it even inside a
    comparison: `(sau tỉnh Bắc Giang tăng trưởng 13,85%)`."""
    return len(between.split()) <= 6 and not re.search(r"[,;:()]", between)


# counted nouns that count provinces or ministries: such a count is the country's
_COUNTS_PROVINCES = re.compile(r"(?:tỉnh|tỉnh, thành(?: phố)?|tỉnh, thành phố trực thuộc Trung ương|"
                               r"bộ, ngành|Bộ|Bộ, ngành)")
_COUNTRY = re.compile(r"(?<!\w)(?:cả nước|toàn quốc|nước ta)(?!\w)")


def _entity(text: str, cs: int, ms: int, s: Sentence, ctx: DocContext, unit: str | None = None
            ) -> tuple[str | None, str | None]:
    """The nearest owning body or place named in the clause before the figure, else the
    sentence before it, else the document's province; with where it was found (`sentence`,
    `document`, `site`)."""
    if _COUNTS_PROVINCES.fullmatch(unit or "") or unit == "địa phương" and _COUNTRY.search(s.text):
        return "Việt Nam", "sentence"  # `12 Bộ`, `54 tỉnh, thành phố trên cả nước`: a count across the country
    for lo in (cs, s.start):
        seg = text[lo:ms]
        best = None
        for b in find_bodies(seg, ctx.province):
            if re.search(r"(?<!\w)(?:đại biểu|ứng cử|bầu cử)\s*(?:\S+\s+){0,3}$", seg[:b.start]):
                continue  # `người ứng cử đại biểu Quốc hội và HĐND tỉnh`: what they stand for, not the owner
            if best is None or b.start >= best[0]:
                best = (b.start, b.name)
        for ps, pe, p in find_places(seg, comparisons=True):
            if in_comparison(seg, ps) and not _governs(seg[pe:]):
                continue  # `đứng trên Nam Định, Thái Bình`: a standard of comparison owns nothing
            if best is None or ps > best[0]:
                # `huyện X` of a body wins over the province inside it
                if best is None or not (best[0] <= ps < best[0] + len(best[1]) + 5):
                    best = (ps, p.name)
        if best:
            later = [c.start() for c in _COUNTRY.finditer(seg[best[0]:])] if lo == cs else []
            if not later or best[0] + later[-1] < len(seg) - 40 or national_at(seg[best[0]:]) is None:
                return best[1], "sentence"
            return "Việt Nam", "sentence"  # `… của cả nước (10,13 tỉ USD)`: the country's, named after the place
        if national_at(re.sub(r"đại biểu Quốc hội", " ", seg)) is not None:
            return "Việt Nam", "sentence"
    if ctx.province is None:
        return None, None
    return ctx.province, "site" if ctx.province_source == "site" else "document"
