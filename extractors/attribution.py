"""Whose figure, of what, when, and whether it is a result or a target.

For each mention: `indicator` (the phrase it measures), `entity` (the owning body or place),
`period` (the time it is about), `status` (`actual`/`target`), `compared_to` (the base of a change)
and a change `direction`. Rules read the mention's clause first, then its sentence, its paragraph
and the document.
"""
from __future__ import annotations

import re

from extractors.gazetteer import find_provinces
from extractors.normalize import fold, new_style_tones
from extractors.record import Mention
from extractors.sentences import Sentence

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
TARGET_WORDS = ["mục tiêu", "phấn đấu", "kế hoạch", "chỉ tiêu giao", "được giao", "dự toán", "dự kiến",
                "đặt ra", "đề ra", "định hướng", "hướng tới", "sẽ", "cần", "phải đạt", "tầm nhìn", "giao chỉ tiêu"]
ACTUAL_WORDS = ["đạt", "ước đạt", "thực hiện", "hoàn thành", "còn", "có", "tăng", "giảm", "kết nạp", "thu",
                "giải ngân", "đã", "được", "xếp", "đứng"]
CHANGE_WORDS = {"tăng": "increase", "giảm": "decrease", "vượt": "exceed", "cao hơn": "increase",
                "thấp hơn": "decrease", "gấp": "increase"}
COMPARED = [
    (re.compile(r"so với\s+(?:cùng kỳ|cùng kì)"), "cùng kỳ"),
    (re.compile(r"so với\s+(?:năm\s+)?((?:19|20)\d{2})"), None),
    (re.compile(r"so với\s+(?:dự toán)"), "dự toán"),
    (re.compile(r"so với\s+(?:kế hoạch)"), "kế hoạch"),
    (re.compile(r"so với\s+(?:chỉ tiêu)"), "chỉ tiêu"),
    (re.compile(r"so với\s+(?:mục tiêu)"), "mục tiêu"),
    (re.compile(r"so với\s+(?:đầu năm)"), "đầu năm"),
    (re.compile(r"so với\s+(?:bình quân|mức bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?cả nước"),
     "bình quân cả nước"),
    (re.compile(r"so với\s+(?:năm trước|năm ngoái)"), "năm trước"),
    (re.compile(r"so với\s+(?:nhiệm kỳ trước)"), "nhiệm kỳ trước"),
    (re.compile(r"(?:vượt|đạt)\s+(?:\S+\s+){0,3}?so với\s+dự toán"), "dự toán"),
]
# Indicators that recur in provincial reports; the key groups spellings of the same indicator.
INDICATORS = [
    ("tốc độ tăng trưởng kinh tế", "grdp_growth"), ("tăng trưởng kinh tế", "grdp_growth"),
    ("tăng trưởng grdp", "grdp_growth"), ("grdp bình quân đầu người", "grdp_per_capita"),
    ("thu nhập bình quân đầu người", "income_per_capita"), ("tổng sản phẩm trên địa bàn", "grdp_growth"),
    ("tổng thu ngân sách nhà nước", "budget_revenue"), ("thu ngân sách nhà nước", "budget_revenue"),
    ("thu ngân sách", "budget_revenue"), ("thu nội địa", "domestic_revenue"), ("chi ngân sách", "budget_spending"),
    ("tỷ lệ hộ nghèo", "poverty_rate"), ("tỷ lệ hộ cận nghèo", "near_poverty_rate"), ("hộ nghèo", "poor_households"),
    ("kết nạp đảng viên", "party_admissions"), ("kết nạp", "party_admissions"), ("phát triển đảng viên", "party_admissions"),
    ("nông thôn mới nâng cao", "ntm_advanced"), ("nông thôn mới kiểu mẫu", "ntm_model"), ("nông thôn mới", "ntm"),
    ("đạt chuẩn ntm", "ntm"), ("vốn fdi", "fdi"), ("thu hút đầu tư", "investment_attracted"),
    ("vốn ddi", "ddi"), ("giải ngân vốn đầu tư công", "public_investment_disbursement"),
    ("vốn đầu tư thực hiện toàn xã hội", "total_investment"), ("tỷ lệ dân số đô thị", "urbanization_rate"),
    ("tỷ lệ lao động qua đào tạo", "trained_labour_rate"), ("giải quyết việc làm", "jobs_created"),
    ("việc làm mới", "jobs_created"), ("tạo việc làm", "jobs_created"), ("chỉ số pci", "pci_rank"),
    ("pci", "pci_rank"), ("chỉ số par index", "par_index_rank"), ("chuyển đổi số", "digital_transformation"),
    ("kim ngạch xuất khẩu", "exports"), ("xuất khẩu", "exports"), ("giá trị sản xuất công nghiệp", "industrial_output"),
    ("chỉ số sản xuất công nghiệp", "iip"), ("tổng mức bán lẻ", "retail_sales"), ("khách du lịch", "tourists"),
    ("tỷ lệ bao phủ bảo hiểm y tế", "health_insurance_coverage"), ("bảo hiểm y tế", "health_insurance_coverage"),
    ("tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "party_org_good_rate"),
    ("tỷ lệ tccsđ hoàn thành tốt nhiệm vụ", "party_org_good_rate"),
    ("tỷ lệ chính quyền cơ sở hoàn thành tốt nhiệm vụ", "local_gov_good_rate"),
    ("doanh nghiệp thành lập mới", "new_enterprises"), ("tổ chức đảng", "party_organisations"),
    ("tỷ lệ đô thị hóa", "urbanization_rate"), ("tốt nghiệp thpt", "graduation_rate"),
    ("tỷ lệ che phủ rừng", "forest_cover"), ("sản lượng lương thực", "food_output"),
]
_INDICATOR_KEYS = {fold(p): k for p, k in INDICATORS}
BODY_RE = re.compile(
    r"(?:Ban Thường vụ|BTV|Ban Chấp hành Đảng bộ|Ban chấp hành Đảng bộ|Ban Chấp hành|Thường trực)\s+(?:Tỉnh ủy|Thành ủy|Huyện ủy)"
    r"(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)?"
    r"|(?:Tỉnh ủy|Thành ủy|HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Công an|Bộ Chỉ huy Quân sự)"
    r"\s+(?:tỉnh|thành phố|huyện|thị xã)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)?"
    r"|Sở\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+(?:và\s+)?[A-ZĐÀ-Ỹa-zđà-ỹ][\wÀ-ỹ]*){0,5}?\s+tỉnh\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)?"
    r"|(?:huyện|thị xã|thành phố|Huyện|Thị xã)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,2}"
)
NATIONAL_RE = re.compile(r"\b(?:cả nước|toàn quốc|Việt Nam|nước ta|quốc gia)\b")
CLAUSE_BREAK = re.compile(r"[;:]|\.\s|,\s(?=(?:trong đó|riêng|còn|và)\s)|\n")


def clause_bounds(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause (between `;`/`:`) of the sentence that holds [start, end)."""
    s = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    cs = 0
    for m in re.finditer(r"[;:]|\n", s):
        if m.end() <= rel_s:
            cs = m.end()
    ce = len(s)
    for m in re.finditer(r"[;]|\n", s):
        if m.start() >= rel_e:
            ce = m.start()
            break
    return sentence.start + cs, sentence.start + ce


def find_period(text: str, upto: int | None = None) -> str | None:
    """The period named in `text` (before `upto` if given, nearest first)."""
    seg = text if upto is None else text[:upto]
    cands: list[tuple[int, str]] = []
    for m in re.finditer(r"(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch)?\s*\(?((?:19|20)\d{2})\s*[-–—‑]\s*((?:19|20)\d{2})", seg):
        cands.append((m.start(), f"{m.group(1)}-{m.group(2)}"))
    for m in re.finditer(r"[Qq]uý\s+(IV|III|II|I|[1-4])\s*(?:/|năm\s+)((?:19|20)\d{2})", seg):
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        cands.append((m.start(), f"{m.group(2)}-Q{q}"))
    for m in re.finditer(r"(6|sáu) tháng đầu năm\s*((?:19|20)\d{2})?", seg):
        cands.append((m.start(), f"{m.group(2)}-H1" if m.group(2) else "H1"))
    for m in re.finditer(r"(9|chín) tháng(?: đầu)?(?: năm)?\s*((?:19|20)\d{2})?", seg):
        cands.append((m.start(), f"{m.group(2)}-9M" if m.group(2) else "9M"))
    for m in re.finditer(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/-])", seg):
        if any(c[0] <= m.start() < c[0] + 40 and m.group(1) in c[1] for c in cands):
            continue
        pre = seg[max(0, m.start() - 8):m.start()].lower()
        if "so với" in seg[max(0, m.start() - 14):m.start()].lower():
            continue  # `so với năm 2021` is the base, not the period
        if "đến năm" in seg[max(0, m.start() - 10):m.start()].lower() or "tầm nhìn" in seg[max(0, m.start() - 25):m.start()]:
            cands.append((m.start(), m.group(1)))
            continue
        cands.append((m.start(), m.group(1)))
        del pre
    if not cands:
        return None
    cands.sort()
    # complete a bare `9M`/`H1` with a year named after it
    if upto is None:
        return cands[0][1]
    return cands[-1][1]


def attribute(m: Mention, sentence: Sentence, paragraph_text: str, doc_text: str, doc_province: str | None,
              doc_published: str | None) -> None:
    """Fill the attribution fields of `m` in place."""
    s = sentence.text
    rel_s, rel_e = m.start - sentence.start, m.end - sentence.start
    cs, ce = clause_bounds(sentence, m.start, m.end)
    clause_before = doc_text[cs:m.start]
    clause_after = doc_text[m.end:ce]
    low_before = clause_before.lower()

    # status
    status = None
    tw = [w for w in TARGET_WORDS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low_before)]
    if tw or re.search(r"\((?:kế hoạch|KH|mục tiêu)\s", doc_text[max(cs, m.start - 15):m.start]) \
            or re.search(r"^\s*(?:trở lên)?\s*(?:vào|đến|tới)? ?năm \d{4}", ""):
        status = "target"
    elif re.search(r"(?:mục tiêu|phấn đấu|kế hoạch|dự toán|dự kiến)", s[:rel_s].lower()) and \
            not re.search(r"\b(?:đạt|hoàn thành|thực hiện được)\b", low_before):
        status = "target"
    else:
        status = "actual"
    if status == "target" and re.search(r"(?:vượt|đạt)\s+(?:\S+\s+){0,2}(?:kế hoạch|dự toán|chỉ tiêu)", low_before) \
            and not re.search(r"mục tiêu|phấn đấu", low_before):
        status = "actual"
    m.status = status

    # compared_to
    m.compared_to = None
    for pat, label in COMPARED:
        mm = pat.search(clause_after[:80])
        if mm:
            m.compared_to = label or mm.group(1)
            break
    # direction
    m.direction = None
    for w, d in CHANGE_WORDS.items():
        if re.search(rf"(?<!\w){w}(?:\s+\w+)?\s*$", low_before[-25:]):
            m.direction = d
            break

    # period: clause, then sentence before, then sentence, paragraph, document date
    period = find_period(clause_before, upto=None) if False else None
    period = find_period(doc_text[cs:m.start], upto=m.start - cs) or find_period(doc_text[m.end:ce]) \
        or find_period(s[:rel_s], upto=rel_s) or find_period(s) or find_period(paragraph_text, upto=None)
    if period in ("H1", "9M"):
        year = find_period(s) or (doc_published[:4] if doc_published else None)
        period = f"{year}-{period}" if year and len(year) == 4 else period
    if period is None and doc_published:
        period = doc_published[:4]
    m.period = period

    # entity: a body or place named in the clause before the figure, nearest first; national words;
    # else the document's province
    entity = None
    best = -1
    for bm in BODY_RE.finditer(doc_text[cs:m.start]):
        if bm.start() > best:
            best, entity = bm.start(), _canonical_body(bm.group())
    for ps, pe, p in find_provinces(doc_text[cs:m.start]):
        if ps > best:
            best, entity = ps, p.name
    if entity is None and NATIONAL_RE.search(doc_text[cs:m.start]) and not re.search(r"so với|toàn quốc\)", clause_before):
        entity = "Việt Nam"
    if entity is None:
        entity = doc_province
    m.entity = entity

    # indicator: a known indicator in the clause before the figure, else the noun phrase before the verb
    m.indicator = _indicator(clause_before, clause_after, m)


def _canonical_body(s: str) -> str:
    s = new_style_tones(re.sub(r"\s+", " ", s.strip()))
    s = re.sub(r"^BTV\b", "Ban Thường vụ", s)
    s = re.sub(r"^(Huyện|Thị xã)\b", lambda mm: mm.group(1).lower(), s)
    return s


def _indicator(before: str, after: str, m: Mention) -> str | None:
    fb = fold(before)
    best = None
    for phrase in sorted(_INDICATOR_KEYS, key=len, reverse=True):
        k = fb.rfind(phrase)
        if k >= 0 and (best is None or k > best[0] + 3):
            best = (k, phrase)
    if best is not None:
        k, phrase = best
        return before[k:k + len(phrase)]
    # fall back: the words of the clause before the figure, trimmed of verbs and connectives
    seg = re.split(r"[,;:(]\s*", before)[-1] if before.strip() else ""
    seg = re.sub(r"\b(?:đạt|đạt được|ước đạt|tăng|giảm|là|có|với|còn|chiếm|được|đã|thực hiện|hoàn thành|"
                 r"khoảng|xấp xỉ|gần|trên|dưới|hơn|từ|bình quân|hằng năm|hàng năm|phấn đấu|mục tiêu|"
                 r"xếp|thứ|đứng)\s*$", "", seg.strip(), flags=re.IGNORECASE).strip()
    seg = re.sub(r"\b(?:đạt|đạt được|ước đạt|tăng|giảm|là|có|với|còn|chiếm|được|đã)\s*$", "", seg).strip()
    words = seg.split()
    if not words:
        return None
    return " ".join(words[-6:])


def indicator_key(indicator: str | None) -> str | None:
    """The canonical key of an indicator phrase, so spellings group together."""
    if not indicator:
        return None
    f = fold(indicator)
    for phrase in sorted(_INDICATOR_KEYS, key=len, reverse=True):
        if phrase in f:
            return _INDICATOR_KEYS[phrase]
    return re.sub(r"[^a-z0-9]+", "_", f).strip("_")[:60] or None
