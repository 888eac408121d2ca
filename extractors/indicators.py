"""What a figure measures: a mention's `indicator` (the canonical key that groups its spellings is in
indicator_keys).

The indicator is the phrase as written (ANNOTATION.md). Rules, in order:

1. a lexicon indicator leading to the figure (`tỷ lệ hộ nghèo còn 4,68%`), or `vốn FDI` after money;
2. what the sentence already said: the figure restated in brackets (`(kế hoạch 8%)`, `(tỷ lệ 94%)`),
   the percentage of the fraction before it, what a rank is about (`xếp thứ 3 về …`);
3. for counts, the sentence's structure. A count of people, bodies or places (`đồng chí`, `sở`,
   `huyện`) measures an activity: the verb that governs it (`bổ nhiệm lại 7 đồng chí` -> `bổ nhiệm
   lại`; `giao nhiệm vụ … cho 3 nhóm đối tượng`), which the rest of its list shares (`…, gồm 11
   người đứng đầu …; 12 Giám đốc sở`), and which a later mention of the same group inherits. A count
   of things measures the verb and the thing (`xây dựng 364 nhà Đại đoàn kết`). A predicate after
   the count names it when no verb leads to it (`171/182 xã đạt chuẩn nông thôn mới`);
4. for a percentage, the noun phrase or predicate after it (`giải quyết trên 90% đơn thư …`,
   `89% đã tiêm đủ 2 mũi`, `100% các huyện … hoàn thành chỉ tiêu …`);
5. else the noun phrase that leads the clause to the figure, without its owner and time; a clause
   that only says `dự toán`/`kinh phí` after `Theo đó, …` takes the topic of the sentence before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import lexicon
from extractors.cues import OF_TARGET_COMPARED, PAREN_TARGET, first_letters, word_tree
from extractors.entities import find_bodies
from extractors.gazetteer import find_provinces
from extractors.indicator_keys import INDICATOR_NAMES, INDICATORS, KEY_ALIASES, indicator_key, known_indicator
from extractors.record import Mention
from extractors.units import MEASURES
from extractors.wordless import wordless

# the lexicon's indicators and their keys live in extractors/indicator_keys.py; imported from here by the checks,
# the store and the views
__all__ = ["INDICATORS", "INDICATOR_NAMES", "KEY_ALIASES", "indicator_key", "indicator_of"]

# Verbs that, before a count, name what was done: `hoàn thành 20/23 nhiệm vụ`, `tặng bằng khen cho`.
ACTION_VERBS = [
    "thành lập mới", "thành lập", "hoàn thành", "kết nạp", "ban hành", "xây dựng", "phê duyệt", "giải quyết",
    "thu hút", "giải ngân", "tiêm", "hỗ trợ", "đào tạo", "khen thưởng", "xử lý", "kiểm tra", "thi hành kỷ luật",
    "kỷ luật", "tặng bằng khen", "tặng quà", "trao tặng", "tặng", "trao", "tổ chức", "triển khai", "cấp mới",
    "cấp", "sửa chữa", "bàn giao", "trồng", "giới thiệu", "luân chuyển", "bổ nhiệm", "điều động", "tuyển dụng",
    "khởi công", "đưa vào sử dụng", "thông qua", "tiếp nhận", "đăng ký", "chi", "tạo", "duy trì", "giao",
    "đánh giá", "mở rộng", "bổ sung", "trợ cấp", "rà soát", "thẩm định", "kết luận", "điều trị", "kêu gọi",
    "huy động", "vận động", "ủng hộ", "quyên góp", "thăm", "tuyên truyền", "tập huấn", "bồi dưỡng",
    "tuyển sinh", "xét nghiệm", "cách ly", "xử phạt", "phạt", "thu giữ", "bắt giữ", "khởi tố", "xét xử",
    "thụ lý", "phát hiện", "cho vay", "lắp đặt", "nâng cấp", "cải tạo", "sáp nhập", "giải thể", "đưa",
    "tiếp xúc", "giám sát", "thanh tra", "cứu trợ", "di dời", "sắp xếp", "kiện toàn", "công nhận",
    "khám chữa bệnh", "khám", "đón", "giành được", "giành", "thu về", "thu được", "xuất bán", "chuyển đổi",
    "cứng hóa", "bê tông hóa", "khai thác", "từ chối thanh toán", "củng cố", "kết nối", "vận hành",
    "xuất khẩu", "làm chết", "làm bị thương",
]
_VERB_ALT = word_tree(sorted(ACTION_VERBS, key=len, reverse=True))   # `a|b|…` as a tree (cues.word_tree)
# a verb as a word: not `giao thông`, `chi bộ`, `tổ chức đảng`, `cấp tỉnh`, `các tổ chức`
_VERB_RE = re.compile(
    rf"{first_letters(ACTION_VERBS)}(?<![\w-])(?<!các )(?<!những )(?<!cơ quan )({_VERB_ALT})(?![\w-])"
    r"(?!\s+(?:thông|bộ|đảng|chính trị|xã hội|cơ sở|tỉnh|huyện|xã|ủy|trưởng|nhánh|đoàn|quốc tế|tín dụng|"
    r"hội|của|Đảng|đầu tư|học|tiểu học|mầm non|trung học|THCS|THPT)\b)", re.IGNORECASE)
# Counted nouns that name who or where took part, not what was done: for them the indicator is the
# activity (`bổ nhiệm lại 7 đồng chí` -> `bổ nhiệm lại`).
PARTICIPANTS = {
    "người", "người đứng đầu", "đồng chí", "cán bộ", "công chức", "viên chức", "đại biểu", "quần chúng ưu tú",
    "đảng viên", "đảng viên mới", "cá nhân", "tập thể", "nhóm", "nhóm đối tượng", "đối tượng", "cơ quan",
    "đơn vị", "sở", "ngành", "ban", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "thành ủy",
    "huyện ủy", "thị ủy", "đảng bộ", "chi bộ", "đảng bộ cơ sở", "chi bộ cơ sở", "tổ chức cơ sở đảng",
    "giám đốc", "giám đốc sở", "bí thư", "bí thư đảng ủy khối", "chủ tịch", "phó chủ tịch", "em", "học sinh",
    "sinh viên", "ca", "ca mắc", "bệnh nhân", "hộ", "hộ gia đình", "địa phương", "đoàn viên", "hội viên",
    "thành viên", "người dân", "trẻ em", "lao động", "người lao động", "lượt người", "điểm cầu", "bị can",
    "tổ chức đảng", "đoàn viên thanh niên", "hộ dân", "hộ nghèo", "hộ cận nghèo",
}
# Units that count targets or tasks: with most verbs the verb alone is the indicator
# (`kết nạp được 2.101/2.000 chỉ tiêu` measures admissions, not targets).
# (extractors/lexicon/status_words.tsv)
_TARGET_UNITS = lexicon.role_words("status_words", "target_unit")
_TAKES_TARGETS = lexicon.role_words("status_words", "takes_targets")

# (`\s*+`, `\s++`: possessive, so that a run of spaces is not split between them in every way)
_COPULAS = re.compile(
    r"(?<!\w)\s*+(?:(?:bình quân|hằng năm|hàng năm|trở lên|cả năm|trong năm|ước tính|ước thực hiện|ước|"
    r"dự kiến|phấn đấu|chỉ|đến|tới)\s++)*"
    r"(?:đạt được|ước đạt|đạt tới|đạt mức|đạt|tăng thêm|tăng tới|tăng đến|tăng|giảm còn|giảm|còn|là|chiếm|lên tới|"
    r"lên đến|lên|xuống|ở mức|vượt|với|có|khoảng|"
    r"xấp xỉ|gần|trên|dưới|hơn|từ|bằng|xếp thứ|xếp|đứng thứ|đứng|gấp|thứ)?\s*+$", re.IGNORECASE)
_ENDS_WITH_COPULA = re.compile(r"(?<!\w)(?:là|lên|đạt|còn|chiếm|ở mức|tăng lên|giảm xuống)\s*$", re.IGNORECASE)
_LEAD_TRIM = re.compile(
    r"^(?:trong đó|cụ thể|đặc biệt|đồng thời|riêng|ngoài ra|theo đó|tính đến nay|đến nay|hiện nay|hiện|tính chung|"
    r"nếu|có thể nhận thấy|có thể thấy|nhìn chung|"
    r"năm \d{4}|toàn tỉnh|tỉnh|và|với|các|những|cùng với đó|thực hiện|tiếp tục|đã|trong khi|nhưng|song|"
    r"tuy nhiên|mà|có|về|đối với|đến hết|tính đến hết|cũng theo[^,]*,|theo[^,]{0,60},)\s*,?\s*", re.IGNORECASE)
_TIME_PHRASES = re.compile(
    r"(?:tính chung\s+)?(?:sau\s+\d+\s+năm|(?:đầu|cuối) năm|(?:\d{1,2}|sáu|chín) tháng(?: đầu)?(?: năm| qua)?|qu[ýí] [IVX\d]+(?:\s*/\s*\d{4})?|"
    r"niên vụ|năm (?:ngoái|nay|qua|vừa qua)|năm|giai đoạn|nhiệm kỳ|thời kỳ|cả năm|trong năm|"
    r"(?<!\d\s)tháng\s+\d{1,2}(?:\s*[/.-]\s*(?:19|20)\d{2})?(?![\d/.-]))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?", re.IGNORECASE)
_OWNER_TAIL = re.compile(
    r"(?<!\w)\s*(?:của|trên địa bàn|tại|ở|toàn)\s+(?:(?:tỉnh|thành phố|huyện|thị xã|cả nước|toàn quốc|Việt Nam)\b)?"
    r"(?:\s*[A-ZĐÀ-Ỹ][^\s,;:()]*)*\s*$")
# (`\d++`, `\s*+`: possessive, so that a run of digits is not tried split in every way: exponential)
_FILLER_ONLY = re.compile(r"^(?:(?:tiếp tục|vẫn|đã|cũng|đều|chỉ|còn|lần lượt|tương ứng|và|hơn|được|bằng|bình quân|"
                          r"thấp|cao|nhiều|ít|sau|nhưng|hiện|mạnh|khi|mức|sơ bộ|ước tính|ước|trong|sẽ|kết quả|"
                          r"con số|tổng cộng|số liệu|trên địa bàn(?:\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã))?|"
                          r"\d++|[^\w\s]++)\s*+)*$", re.IGNORECASE)
# A subject that only says it is a target, or a comparison: `chưa đạt mục tiêu`, `thấp hơn mục tiêu Nghị
# quyết đề ra`, `phấn đấu đến`, `dưới mức mục tiêu … mà HĐND tỉnh đề ra`, `trong khi kế hoạch đặt ra`.
_TARGET_WORDS = re.compile(
    r"(?<!\w)(?:chưa đạt|đạt|thấp hơn|cao hơn|dưới mức|trên mức|vượt|so với|mục tiêu|kế hoạch|kịch bản|chỉ tiêu|"
    r"phấn đấu|đề ra|đặt ra|theo|Nghị quyết(?: số)?(?: \d[\w/-]*)?|HĐND(?: tỉnh)?|đến|tới|đã|là|mà|của|tỉnh|cả|và|trong khi|nhưng|"
    r"năm|có)(?!\w)",
    re.IGNORECASE)
# What may open a bracket that restates the figure before it: `(tỷ lệ 94%)`, `(từ 2 đến 2,5 tỷ USD)`.
_PAREN_RESTATES = re.compile(r"\(\s*(?:(?:tỷ lệ|tỉ lệ|bằng|đạt|tương đương|khoảng)\s*)?$", re.IGNORECASE)
# between a fraction and the percentage that restates it: `20/23 nhiệm vụ, đạt xấp xỉ 87%`
_RESTATES = re.compile(r"^\s*[,(]?\s*(?:(?:đạt|bằng|tương đương|chiếm|tỷ lệ|tỉ lệ)\s*)?"
                       r"(?:(?:xấp xỉ|khoảng|gần|trên|hơn)\s*)?$", re.IGNORECASE)
# between a figure and the same said another way: ` hay tăng `, `, tương đương `, ` (tương ứng `, `, tức là `
_SAID_AGAIN = re.compile(r"\s*[,(]?\s*(?:hay|tức là|tương đương(?:\s+với)?|tương ứng(?:\s+với)?)\s+"
                         r"(?:(?:tăng|giảm)\s+)?(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s+)?", re.IGNORECASE)
# between a figure and the percentage of its change: ` (tăng `, `, tăng `, ` (giảm hơn `
_CHANGE_OF_BEFORE = re.compile(r"\s*[,(]?\s*(?:(?:ước|đã)\s+)?(?:tăng|giảm)(?:\s+(?:thêm|khoảng|gần|hơn|trên|xấp xỉ))?\s*",
                               re.IGNORECASE)
# between a figure and a percentage comparing it: `; so với dự toán Trung ương giao đạt `, ` so với dự toán (tăng `
_COMPARES_BEFORE = re.compile(
    r"^[^\d]{0,12}?(?:[;,]\s*)?so\s+(?:với\s+)?(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu|cùng kỳ)[^\d;.()]{0,40}?"
    r"(?:(?:đạt|bằng|tăng|giảm|vượt)\s*(?:khoảng|gần|hơn|trên)?\s*|\(\s*(?:tăng|giảm|bằng|đạt|vượt)\s*)$",
    re.IGNORECASE)


_PREPOSITION_CUT = re.compile(
    r"\s+(?:của|tại|trên địa bàn|ở|thuộc|đến ngày|đến nay|từ đợt|tính đến|tính từ|chuyển về|từ đầu năm|so với|"
    r"trong năm|trong|toàn tỉnh|toàn huyện|cả tỉnh|với|cho|để|nhằm|"
    r"(?:đến|về|vào)\s+(?:tỉnh|thành phố|huyện|địa bàn)|(?:tỉnh|thành phố|huyện)\s+[A-ZĐÀ-Ỹ])\b.*$")
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|[Tt]hị xã|TP\.?)\s+(?:[A-ZĐÀ-Ỹ][^\s,;:()]*\s*)+|(?:toàn tỉnh|cả tỉnh|cả nước|"
    r"toàn quốc)\s+|(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện)\s+(?=[a-zđ])(?!ủy|uỷ|đoàn|lộ|đội|bộ|lỵ))")
_MEASURES_LOW = {u.lower() for u in MEASURES}
# a connective that opens a clause with no comma after it: no part of its subject
_DISCOURSE_LEAD = re.compile(r"^\s*(?:[Bb]ên cạnh đó|[Nn]goài ra|[Đđ]ồng thời|[Tt]uy nhiên|[Mm]ặt khác|[Nn]hư vậy|[Tt]heo đó|"
                             r"[Bb]ên cạnh|[Cc]ùng với đó)\s+(?!,)")
# Words that cannot start the noun after a measure (`64.000 ha đất …` but not `64.000 ha của …`).
_NOT_A_NOUN_START = {"có", "với", "cho", "gồm", "là", "của", "và", "tại", "ở", "trên", "trong", "đối", "thuộc",
                     "từ", "đến", "tới", "theo", "về", "khoảng", "gần", "hơn", "dưới", "được", "đã", "đạt",
                     "còn", "tổng", "số", "so", "tăng", "giảm", "chiếm", "bằng", "năm", "trong", "mỗi"}
_AFTER_VERBS = (r"tử vong|thành lập mới|thành lập|đạt chuẩn|đạt|hoàn thành|được tặng|được hỗ trợ|được trao|"
                r"được|tham gia|thoát nghèo|ra quân|hưởng|nhận|tham dự|bị|vi phạm|xếp loại|đi làm việc|hoạt động|"
                r"mắc mới|mắc|khỏi bệnh|xuất khẩu|nhập khẩu|có|tiêm|ứng cử")
_AFTER_MODIFIER = re.compile(
    rf"^\s*(?:\([^()]*\)\s*)?(?P<vp>(?:(?:đã|được|đều|cũng|chưa|không)\s+)*(?:{_AFTER_VERBS}|{_VERB_ALT})\b"
    r"[^,;:.()]{0,80})")
# counts listed together before the predicate they share: `91 xã, 118 thôn, làng đạt chuẩn nông thôn mới`,
# `45/89 xã và 1 đơn vị cấp huyện được công nhận hoàn thành nhiệm vụ …`
_SHARED_PREDICATE = re.compile(
    r"(?:\s*(?:,|và)\s*\d[\d.,/]*\s+[^\W\d][^\d;:.()]{0,30}?)+"
    rf"\s+((?:(?:đã|được|đều|cũng)\s+)*(?:{_AFTER_VERBS})\b[^,;:.()]{{0,80}})")
# Connectives that open a sentence continuing the one before: `Theo đó, năm 2023 giao dự toán …`.
_CONTINUES = re.compile(r"^\s*(?:Theo đó|Trong đó|Cụ thể|Qua đó|Với đó)\b", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(r"^(?:(?:giao|tổng|được giao|bố trí)\s+)?(?:dự toán|kinh phí|số tiền|tổng số|tổng)$",
                              re.IGNORECASE)
# Words that end the modifiers of a counted noun: `2.700 câu lạc bộ thể thao quần chúng và …`.
_MODIFIER_STOP = {"và", "với", "cho", "của", "tại", "ở", "trong", "trên", "dưới", "từ", "đến", "tới", "theo",
                  "về", "để", "nhằm", "được", "đã", "đạt", "tăng", "giảm", "so", "là", "có", "thuộc", "gồm",
                  "năm", "nhưng", "hoặc", "bằng", "khi", "như", "đều", "sẽ", "cần", "chiếm", "mỗi", "này"}


_CURRENCY = re.compile(r"^(?:VND|USD|EUR|JPY|CNY|KRW|[A-Z]{3})$")


def _ws(s: str | None) -> str | None:
    """One plain space between words (a no-break space in the page is still a space)."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s).strip(" ,;:-–“”\"'‘’")
    # what is left of a bracket closed before it, a verb before the noun (`) và cao hơn …`, `chiếm tỉ lệ`, `có số …`)
    s = re.sub(r"^(?:\)\s*(?:và\s+|,\s*)?|(?:có|chiếm|chiến|đạt)\s+(?=(?:số|tỷ lệ|tỉ lệ|tổng số)\b)|là\s+(?=\w)|(?:(?:đã|đang|sẽ|vẫn|cũng|đều)\s+)+(?=\w))", "", s).strip()
    return s or None


class Attributed(list):
    """A document's figures attributed so far, in order, and the one index a rule looks up instead of
    rescanning them all: per value and counted noun, the last figure whose indicator is an activity
    (from its verb, or inherited), which a later mention of the same group inherits."""

    def __init__(self, mentions=()):
        super().__init__()
        self._activities: dict[float, dict[str, tuple[int, Mention]]] = {}
        for m in mentions:
            self.append(m)

    def append(self, m: Mention) -> None:
        super().append(m)
        if m.unit and m.indicator and m.extra.get("indicator_source") in ("verb", "inherited") \
                and m.value == m.value:   # (not NaN)
            self._activities.setdefault(m.value, {})[m.unit.lower().split("/")[0]] = (len(self), m)

    def last_activity(self, value: float | None, unit: str) -> Mention | None:
        """The last figure of `value` whose counted noun is of `unit`'s group and whose indicator is an
        activity; a value has few counted nouns, so this costs no scan of the document."""
        best = None
        for key, (k, d) in self._activities.get(value, {}).items():
            if _same_group(key, unit) and (best is None or k > best[0]):
                best = (k, d)
        return best[1] if best else None


def indicator_of(m: Mention, text: str, s_start: int, cs: int, ce: int, done: list[Mention],
                 prev_sentence: str | None = None) -> str | None:
    """The indicator of mention `m`, whose clause is text[cs:ce] and sentence starts at `s_start`;
    `done` holds the document's mentions before it, already attributed."""
    ind, source = _indicator(m, text, s_start, cs, ce, done, prev_sentence)
    m.extra["indicator_source"] = source
    return _ws(_without_owner(ind))


def _without_owner(ind: str | None) -> str | None:
    """The indicator without the province that owns it written inside it: `Kinh tế tỉnh Nam Định tăng trưởng`
    -> `Kinh tế tăng trưởng`, `Quy mô GRDP của tỉnh Nam Định theo giá hiện hành` -> `Quy mô GRDP theo giá hiện
    hành`; a place after a preposition is what is measured and stays (`khách du lịch đến Quảng Ninh`)."""
    if not ind or len(ind) > 300:
        return ind
    for ps, pe, _ in reversed(find_provinces(ind)):
        head = ind[:ps]
        if not head.strip() or re.search(r"(?<!\w)(?:đến|tới|tại|ở|vào|qua|về|từ|cho|với|trên|và|hoặc)\s+"
                                         r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?$", head):
            continue
        if not re.search(r"\w", re.sub(r"\(\s*(?:cũ|mới)\s*\)", "", ind[pe:])):
            continue   # at the end (`khu vực Hải Dương (cũ)`): the owner's tail, which the context rules read
        kept = head[:re.search(r"(?:\s+của)?(?:\s+(?:tỉnh|thành phố|TP\.?))?\s*$", head).start()]
        if len(kept.split()) < 2:
            continue   # `đưa Lai Châu dẫn đầu …`, `đó Bắc Ninh vươn lên`: a clause cut short, for the context rules
        ind = kept + ind[pe:]
    return ind


def _indicator(m, text, s_start, cs, ce, done, prev_sentence):
    before, after = text[cs:m.start], text[m.end:ce]
    # the two figures before it in this sentence (walking back over two, not the sentence's or document's)
    sprev = done[-1] if done and done[-1].start >= s_start else None
    pprev = done[-2] if sprev is not None and len(done) > 1 and done[-2].start >= s_start else None
    unit = (m.unit or "").split("/")[0].replace("\u00a0", " ")
    money = m.kind == "money" or bool(_CURRENCY.match(unit))
    is_measure = unit in MEASURES or unit.lower() in _MEASURES_LOW   # (`2.204,22Km`)
    counted = m.kind in ("quantity", "fraction", "range") and bool(unit) and unit != "%" and not money \
        and not is_measure
    measured = m.kind in ("quantity", "range") and is_measure
    participant = counted and _is_participant(unit)
    # the part of the clause since the figure before it in the same clause
    seg_from = max(cs, sprev.end) if sprev else cs
    seg = text[seg_from:m.start]
    comma = seg.rfind(",")
    if comma > 0 and _ADMIN_LIST.search(seg, max(0, comma - 12), comma + 14):
        # `tỷ lệ xã, phường, thị trấn … đạt …`, `9/9 huyện, thành phố`: a list of kinds of unit is one noun
        comma = max((k for k in range(comma) if seg[k] == "," and not _ADMIN_LIST.search(seg, max(0, k - 12), k + 14)),
                    default=-1)
    last = seg[max(comma, seg.rfind(";"), seg.rfind(":")) + 1:]   # (`re.split(r"[,;:]", seg)[-1]`)
    if seg_from == cs and (seg.endswith("... ") or seg.endswith("… ")):
        # `Đưa lao động … ở các thị trường như: Hàn Quốc, …, Trung Đông... 250 người`: an open list of examples
        # (its clause starts after the colon) says where; what is counted is named before the list
        enum = _ENUM_BEFORE.search(text, max(s_start, cs - 200), m.start)
        if enum:
            head = text[max(s_start, cs - 200):enum.start()]
            last = head[max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(".")) + 1:]

    opened = seg.rfind("(")
    if opened >= 0 and sprev is not None and sprev.indicator and sprev.end <= seg_from + opened \
            and _TIME_IN_BRACKET.fullmatch(seg, opened):
        # `tăng 9,14% …, tiếp tục có xu hướng tăng trưởng tích cực (quý I tăng 9,42%, …)`: the figure before the
        # bracket broken down by time
        return sprev.indicator, "inherited"
    label = _label_before(text, cs, m.start) if seg_from == cs else None
    if label:
        return label, "label"                                 # `- Thu ngân sách trên địa bàn: 4.856 tỷ đồng`
    raised = _RAISED_FROM.search(text, max(cs, m.start - 160), m.start) \
        if "từ" in text[max(cs, m.start - 160):m.start] else None   # (its `từ` is written there)
    if raised and not _names_owner(raised.group(1)):
        # `nâng tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh từ 53% …` (`đưa tỷ lệ hộ nghèo giảm từ …`: without the verb)
        return re.sub(r"\s+(?:giảm|tăng)$", "", raised.group(1).strip()), "subject"
    if sprev is not None and sprev.indicator and _TO_LEVEL.fullmatch(text[sprev.end:m.start]) \
            and re.search(r"(?<!\w)từ\s*(?:mức\s+)?$", text[max(cs, sprev.start - 12):sprev.start]):
        return sprev.indicator, "inherited"                   # `… từ 53% lên 65%`: the level it went to
    criterion = _criterion_before(text, s_start, m.start)
    if criterion:
        return criterion, "label"                             # `ở 3 tiêu chí: Công khai, minh bạch … (6,499 điểm)`

    if money:
        vm = re.match(r"\s*(vốn|nguồn vốn)(\s+[^,;:.()\d]+)", after)
        if vm:
            capital = vm.group(1) + _modifiers(after[vm.start(2):])
            verb = _verb_phrase(last, first=False)
            return (f"{verb} {capital}" if verb else capital), "after"  # `thu hút 400 triệu USD vốn FDI`
    # a share of the plan after the figure it measures (`thu nội địa đạt 58.000 tỷ đồng, tăng 37,7% và hoàn
    # thành hơn 78% chỉ tiêu năm`, `…, tương đương 62% dự toán`): that figure's indicator
    if m.kind == "percent" and sprev is not None and sprev.indicator and OF_TARGET_COMPARED.match(after) \
            and not re.search(r"[;.]", text[sprev.end:m.start]):
        return sprev.indicator, "inherited"
    # a percentage that compares the figure before with its plan or past, in a part of its own
    # (`… là 2.542.357 triệu đồng; so với dự toán Trung ương giao đạt 151%`, `tăng 3.488 tỷ đồng so với dự
    # toán (tăng 38%)`): that figure's indicator
    if m.kind == "percent" and sprev is not None and sprev.indicator \
            and (sprev.kind != "percent" or sprev.extra.get("compares_before")) \
            and _COMPARES_BEFORE.search(text[sprev.end:m.start]):
        m.extra["compares_before"] = True
        return sprev.indicator, "inherited"
    # a lexicon phrase before the figure before is that figure's, and so is one between them when
    # they are listed (`48 xã đạt chuẩn nông thôn mới nâng cao và 07 xã đạt chuẩn …`)
    listed_after = sprev is not None and seg_from > cs and "và" in seg and re.search(r"(?<!\w)và\s*$", seg)
    known = None if listed_after else known_indicator(seg)
    if known:
        return known, "lexicon"
    if sprev and sprev.indicator:
        between = text[sprev.end:m.start]
        if PAREN_TARGET.search(before[-20:]) or (_PAREN_RESTATES.search(between) and "(" in between
                                                  and not counted):
            return sprev.indicator, "inherited"               # `tăng 7,2% (kế hoạch 8%)`, `(tỷ lệ 94%)`
        paren = before.rfind("(")
        if paren > before.rfind(")") and _PAREN_RESTATES.search(before[paren:]) and not counted and \
                re.search(r"(?:mục tiêu|kế hoạch|chỉ tiêu)[^,;()]{0,40}$", before[:paren]):
            return sprev.indicator, "inherited"               # `gần đạt mục tiêu của cả nhiệm kỳ (từ 2 …)`
        # the same figure said another way (`tăng 0,38% hay tăng 218 ha`, `…, tương đương 5,2 tỷ đồng`): that figure's
        if _SAID_AGAIN.fullmatch(between):
            if (sprev.unit or "").startswith("%") and not (m.unit or "").startswith("%"):
                # a count that says a rate again (`giảm từ 6,5-7,2% (tương ứng từ 840-930 hộ)`): what the rate is of
                return re.sub(r"^(?:tỷ|tỉ) lệ\s+", "", sprev.indicator, flags=re.IGNORECASE), "inherited"
            return sprev.indicator, "inherited"
        # the change of the figure before, in brackets or after a comma (`đạt 11,52 tỷ USD (tăng 9,9% so với
        # cùng kỳ)`): that figure's
        if m.kind == "percent" and sprev.kind != "percent" and _CHANGE_OF_BEFORE.fullmatch(between) \
                and not re.match(r"\s*về\s", after):   # (`tăng 66,7% về số dự án`: what follows `về`, below)
            return sprev.indicator, "inherited"
        # a percentage right after a fraction (`20/23 nhiệm vụ, đạt xấp xỉ 87%`) measures the same
        if sprev.kind == "fraction" and m.kind == "percent" and _RESTATES.match(between):
            return sprev.indicator, "inherited"
        # the base of a comparison (`giảm mạnh so với hơn 3.000 hộ của năm 2021`), or a change of the
        # figure before (`…, tăng 2 đơn vị so với năm 2021`)
        if re.search(r"(?<!\w)so với\s*$", last) or \
                (re.fullmatch(r"\s*(?:và\s+)?(?:tăng|giảm)(?:\s+thêm)?\s*", last) and (counted or measured)
                 and sprev.unit and _same_group(sprev.unit, unit)):
            return sprev.indicator, "inherited"
    # `xếp thứ 3/63 địa phương về thu hút đầu tư …`: what a rank is about follows `về`
    rm = re.match(r"\s*(?:(?:(?:của\s+)?cả nước|toàn quốc|trong (?:cả )?nước|khu vực[^,;:.()]{0,30}|"
                  r"của\s+(?:tỉnh|thành phố|huyện)?\s*(?:[A-ZĐÀ-Ỹ]\w*\s*)+)\s+)?về\s+([^,;:.()]{3,80})",
                  after) if "về" in after else None
    if rm and m.kind in ("rank", "percent", "quantity", "money"):
        # up to the next figure or comparison: `tăng 66,7% về số dự án và gấp 17,4 lần vốn đăng ký`
        about = re.split(r"\s+(?:và|so với|so|với)\s+(?=\S*\d|gấp|tăng|giảm|cùng kỳ)|\s*\d", rm.group(1))[0].strip()
        if about:
            return about, "after"

    if counted:
        found = _counted(m, text, seg, last, after, unit, participant, done, sprev, before)
        if found:
            return found
    if m.kind == "percent":
        found = _percent_object(before, after)
        if found:
            return found, "after"
    if measured:
        verb = _verb_phrase(last, first=False) if not _ENDS_WITH_COPULA.search(last) else None
        if verb and len(verb.split()) > 4:
            verb = None
        nm = re.match(r"\s*([a-zđà-ỹ][^,;:.()\d]{2,70})", after)  # `64.000 ha đất sản xuất nông nghiệp …`
        noun = _PREPOSITION_CUT.sub("", nm.group(1)).strip() if nm and \
            nm.group(1).split()[0].lower() not in _NOT_A_NOUN_START else ""
        if verb or noun:
            return (f"{verb} {noun}" if verb else noun), "after"  # `xuất bán 215 tấn gạo hữu cơ`
    if money:
        vb = _verb_phrase(last, first=False)
        if vb and not _GENERIC_SUBJECT.match(vb) and not re.match(r"(?:giao|bố trí)\b", vb) \
                and len(vb.split()) <= 4 and not _ENDS_WITH_COPULA.search(last) \
                and not re.search(r"(?:vốn|kinh phí|tiền|mức)\s+" + re.escape(vb), last):  # `tổng số vốn đăng ký`
            purpose = re.match(rf"\s*((?:{_VERB_ALT})\b[^,;:.()]*?)(?=\s+(?:cho|với|tại|để)\b|[,;:.()]|$)", after)
            if purpose:
                return f"{vb} {purpose.group(1).strip()}", "verb"  # `trợ cấp hơn 13 tỷ đồng hỗ trợ giảm nghèo`
            return vb, "verb"                                 # `đã kêu gọi được gần 16,5 tỷ đồng`
    if counted:
        shared = _SHARED_PREDICATE.match(after)
        if shared:
            return f"{unit} {shared.group(1).strip()}", "after"  # `91 xã, 118 thôn, làng đạt chuẩn nông thôn mới`
        named = _named_right_before(last) if unit.lower() in _PEOPLE else None
        if named:
            return named, "subject"   # `…, đảng viên người dân tộc ít người 14 đồng chí, …`: the group it counts
        return f"{unit}{_modifiers(after)}", "unit"
    if m.kind == "percent" and sprev is not None and sprev.kind in ("fraction", "quantity") and sprev.unit \
            and not re.search(r"[;.]", text[sprev.end:m.start]) \
            and re.search(r"(?<!\w)(?:chiếm|đạt)\s+(?:tỷ lệ|tỉ lệ)\s*$", text[sprev.end:m.start]):
        return None, "subject"   # `119/156 trường đạt chuẩn chiếm tỷ lệ 76,28%`: the share of that count (context)
    inner = _bracket_subject(last)
    if inner:
        return inner, "subject"                               # `… tăng 0,53% (tác động làm tăng CPI chung 0,16%)`
    subject = _subject(last)
    if sprev is not None and seg_from > cs and ("là" in last or "đạt" in last) \
            and re.search(r"(?<!\w)(?:là|đạt)\s*$", last) \
            and re.search(r"(?<!\w)của\s+(?:các\s+)?$", text[cs:sprev.start]):
        owner = _subject(re.sub(r"(?<!\w)của\s+(?:các\s+)?$", "", text[cs:sprev.start]))
        if owner:
            return owner, "subject"                           # `Tổng vốn đăng ký của 3 dự án FDI mới … là`
    listed = pprev is not None and sprev is not None and "và" in text[pprev.end:sprev.start] \
        and re.fullmatch(r"\s*và\s*", text[pprev.end:sprev.start])
    if sprev is not None and sprev.indicator and not listed \
            and re.search(r"(?<!\w)với\s*$", text[sprev.end:m.start].split(subject)[0] if subject else "") \
            and re.fullmatch(r"(?:tổng\s+)?(?:số\s+)?(?:kinh phí|tiền|vốn|vốn đăng ký|vốn đầu tư)(?:\s+\S+){0,2}",
                             subject, re.IGNORECASE):
        if sprev.indicator.split()[0].lower() in subject.lower().split():
            return subject, "subject"                         # `Điều chỉnh vốn cho 7 dự án với số vốn điều chỉnh tăng`
        return f"{subject} {sprev.indicator}", "subject"     # `364 nhà … với tổng kinh phí 25.520 triệu đồng`
    if seg_from == cs and (sprev is None or sprev.end <= cs) and _ONLY_A_CHANGE.fullmatch(last.strip()):
        # `Lĩnh vực dịch vụ đã khởi sắc trở lại, tăng trưởng 3,88%`: a part that is only the change, its subject
        # before the comma
        hedged = _hedged_subject(seg)
        if hedged:
            return hedged, "subject"
    if not subject or _FILLER_ONLY.match(subject) or _only_target_words(subject):
        # (not past the figure before in this clause, whose own subject may stand between: `Kim ngạch xuất khẩu
        # ước đạt 16,2 tỷ USD …, kim ngạch nhập khẩu ước đạt 11,52 tỷ USD`)
        wider = known_indicator(before, whole=True)
        if wider and sprev is not None and sprev.indicator and seg_from > cs \
                and before.rfind(wider) < sprev.start - cs and not _overlap(wider, sprev.indicator):
            wider = known_indicator(text[seg_from:m.start], whole=True)
        if wider:
            return wider, "lexicon"                           # `thu hút đầu tư …, sau 2 năm đạt 1,6 tỷ USD`
        hedged = _hedged_subject(seg) if seg_from == cs and (not subject or _FILLER_ONLY.match(subject)) \
            and not _OPENS_ANOTHER_CLAUSE.match(last) else ""
        if hedged and sprev is not None and sprev.end <= cs:
            # the first figure of a clause of its own, its subject before a hedge (`…7.250 tỉ đồng; xuất khẩu
            # phục hồi mạnh mẽ, ước 6 tháng đầu năm đạt 1 tỉ 953 triệu USD`): that subject, not the clause before's
            return hedged, "subject"
        if sprev and sprev.indicator:
            return sprev.indicator, "inherited"               # `… đạt 72,95 điểm, tiếp tục xếp thứ 1`
        if subject and _only_target_words(subject):
            subject = ""
        if subject and _FILLER_ONLY.match(subject) and seg_from == cs and not _OPENS_ANOTHER_CLAUSE.match(last):
            # a hedge after a comma (`Doanh thu … năm 2023, ước tính đạt …`): the subject before the comma
            parts = re.split(r"[,;:]", seg)
            subject = _subject(parts[-2]) if len(parts) > 1 else ""
    if subject and _GENERIC_SUBJECT.match(subject) and prev_sentence and _CONTINUES.match(text[s_start:m.start]):
        topic = _topic(prev_sentence)
        if topic:
            return topic, "previous sentence"                 # `…, chi đảm bảo an sinh xã hội … Theo đó, …`
    if subject and seg_from == cs and last.strip().startswith(subject.split()[0]) \
            and not _HAS_PREDICATE.match(subject):
        subject = _joined_subject(seg, subject)
    words = subject.split()
    if not words and sprev is None:
        # `Về dịch vụ lưu trú, 6 tháng đầu năm tăng 17,01%`: a sentence that names its topic first
        topic = _TOPIC_FIRST.match(text, s_start, m.start)
        if topic and not _FILLER_ONLY.match(topic.group(1)):
            return topic.group(1).strip(), "subject"
    return (" ".join(words[:10]) if words else None), "subject"


# the topic a sentence names before its first comma: `Về dịch vụ lưu trú, …`, `Đối với đầu tư trong nước, …`
_TOPIC_FIRST = re.compile(r"\s*(?:Về|Đối với)\s+([^,;:.()\d]{3,60}),")


# a list of an index's criteria: `dẫn đầu cả nước ở 3 tiêu chí: Công khai, minh bạch trong việc ra quyết định (6,499
# điểm); Kiểm soát tham nhũng trong khu vực công (8,286 điểm) và …`
_CRITERIA = re.compile(r"(?<!\w)(?:tiêu chí|chỉ số thành phần|lĩnh vực|nội dung)(?!\w)", re.IGNORECASE)
# where a criterion's name opens: after a bracket, colon or semicolon, `và`, `tiêu chí`
_CRITERION_OPENS = re.compile(r"[):;]|(?<!\w)và\s|(?<!\w)tiêu chí\s")


# what a change raises or lowers from one level to another: `nâng tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh từ`
_RAISED_FROM = re.compile(r"(?<!\w)(?:nâng|đưa|kéo|hạ|giảm|tăng)\s+((?:tỷ lệ|tỉ lệ|tổng số|số|mức|quy mô)\s[^;:()\d]{2,90}?)"
                          r"\s+từ\s*(?:mức\s+)?$")
# between the level a change starts from and the one it goes to: ` lên `, ` xuống còn `, ` (năm 2020) lên `
_TO_LEVEL = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:lên|xuống)(?:\s+(?:còn|mức|đến|tới))?\s*")


def _criterion_before(text: str, s_start: int, start: int) -> str | None:
    """The criterion a score or rank is given for in brackets after its name, in a list of an index's criteria:
    a name whose first word alone is capitalised (`Kiểm soát tham nhũng trong khu vực công (8,286 điểm)`), not a
    body or place (`Hội Nhà văn (100%)`, `Sơn La (2,20%)`)."""
    before = text[max(s_start, start - 200):start].rstrip()
    if before.endswith("("):
        head = before[:-1]
    elif before.endswith(" với") and re.search(r"(?<!\w)tiêu chí\s+[A-ZĐÀ-Ỹ][^,;:()\d]{3,90}$", before[:-4]):
        head = before[:-4]   # `dẫn đầu cả nước ở tiêu chí Quản trị môi trường với 5,202 điểm`
    else:
        return None
    if not _CRITERIA.search(text, max(s_start, start - 600), start):
        return None
    cut = max((mm.end() for mm in _CRITERION_OPENS.finditer(head)), default=0)
    name = head[cut:].strip(" ,")
    words = name.split()
    if not name[:1].isupper() or len(words) < 2 or len(words) > 15 or re.search(r"[\d()]", name) \
            or any(w[:1].isupper() for w in words[1:]) or find_provinces(name):
        return None
    return name


def _bracket_subject(last: str) -> str | None:
    """The subject written inside a bracket still open before the figure: `(tác động làm tăng CPI chung 0,16%)`,
    `(trong đó xăng tăng 8,27%; …)`; not a word that restates or compares the figure before, a place or a time."""
    k = last.rfind("(")
    if k < 0 or ")" in last[k:]:
        return None
    inner = re.split(r"\s+thì\s+", last[k + 1:])[-1]   # (`nếu loại trừ yếu tố giá thì mức tăng là`: what follows `thì`)
    if _PAREN_RESTATES.search("(" + inner) or _CHANGE_OF_BEFORE.fullmatch(inner) or PAREN_TARGET.search("(" + inner):
        return None
    subject = _subject(inner)
    if not subject or _FILLER_ONLY.match(subject) or _only_target_words(subject) or _names_owner(subject) \
            or find_provinces(subject) or re.search(r"\d", subject) or len(subject.split()) > 10 \
            or len(subject.split()) == 1 and (not subject.islower() or subject in _NOT_A_NOUN_START or subject == "làm") \
            or re.match(r"(?:bình quân|mỗi|trung bình)(?!\w)", subject, re.IGNORECASE):
        return None
    return subject


def _named_right_before(last: str) -> str | None:
    """The noun phrase a count of people follows with no verb between, in a list that breaks a group down:
    `đảng viên người dân tộc ít người` in `…, đảng viên người dân tộc ít người 14 đồng chí, …`."""
    if not last.strip() or _HAS_PREDICATE.search(last) or _VERB_RE.search(last) or _ADVERBIAL_OPEN.match(last) \
            or re.search(r"(?:…|\.\.\.|(?<!\w)(?:cho|với|của|đến|tới|từ|tại|ở|về))\s*$", last):
        return None   # (not `Tư vấn về …, chính sách bảo hiểm thất nghiệp… cho 30.500 lượt người`: what they were given)
    subject = _subject(last)
    if not subject or _FILLER_ONLY.match(subject) or _only_target_words(subject) or _names_owner(subject) \
            or not 2 <= len(subject.split()) <= 10 or find_provinces(subject) \
            or all(w[:1].isupper() for w in subject.split()):
        return None   # (nor a name: `…, thành phố Bến Tre 356 người và Chợ Lách 279 người`)
    return subject


def _hedged_subject(seg: str) -> str:
    """The subject of the part before the last comma of a clause whose last part is only a hedge or a time
    (`xuất khẩu phục hồi mạnh mẽ, ước 6 tháng đầu năm đạt`): `xuất khẩu phục hồi mạnh mẽ`."""
    parts = re.split(r"[,;:]", seg)
    if len(parts) < 2 or _ADVERBIAL_OPEN.match(parts[-2]):
        return ""   # `đến thời điểm 31/12/2019, toàn tỉnh giảm …`: a time or a source, no subject
    subject = _subject(parts[-2])
    # without what is said of it: `xuất khẩu phục hồi mạnh mẽ` -> `xuất khẩu`
    subject = _ASSESSED.sub("", subject).strip() or subject
    subject = re.sub(r"^(?:(?:tiếp tục|vẫn|đã)\s+)*đạt\s+(?=\S)", "", subject)   # `… đạt mức tăng trưởng cao`
    return subject if subject and not _FILLER_ONLY.match(subject) and not _only_target_words(subject) else ""


_ONLY_A_CHANGE = re.compile(r"(?:(?:đã|ước|ước tính|cũng|vẫn)\s+)*(?:tăng trưởng|tăng|giảm)(?:\s+(?:đạt|ở mức|khoảng))?",
                            re.IGNORECASE)
# what a report says of a sector before its figure: `… phục hồi mạnh mẽ`, `… đã khởi sắc trở lại`
_ASSESSED = re.compile(r"\s+(?:(?:đã|đang|vẫn|tiếp tục|cũng)\s+)*(?:phục hồi|khởi sắc|duy trì|giữ vững|giữ ổn định|ổn định|"
                       r"tăng mạnh|tăng cao|tăng khá|chuyển biến|phát triển|có bước|có sự|đạt kết quả|đạt nhiều|đóng vai trò|"
                       r"giữ vai trò|là động lực)(?!\w).*$",
                       re.IGNORECASE)


# the parts before a comma that open a clause with its time, source or place, not its subject
_ADVERBIAL_OPEN = re.compile(r"\s*(?:[Cc]ũng theo|[Cc]ho đến|[Tt]heo|[Tt]rong|[Nn]ăm|[Tt]ính|[Đđ]ến|[Ll]ũy kế|[Rr]iêng|[Qq]ua|[Vv]ới|[Ss]au|[Tt]ừ|"
                             r"[Bb]ên cạnh|[Nn]goài|[Dd]o|[Nn]hờ|[Tt]ại|[Hh]iện|[Cc]ụ thể|[Nn]hư vậy|[Tt]uy|[Nn]hìn chung|"
                             r"[Bb]ình quân|[Cc]ả|[Tt]oàn|[Đđ]ồng thời|[Vv]ì|[Kk]hi|[Nn]ếu|[Đđ]ặc biệt|[Tt]uy nhiên|"
                             r"[Nn]goài ra|[Mm]ặt khác|[Ss]ố liệu|[Xx]ét|[Cc]ùng với|[Cc]ó thể|[Tt]ừ đó|[Đđ]áng chú ý|"
                             r"[Đđ]áng nói)(?!\w)")
_HAS_PREDICATE = re.compile(r"(?<!\w)(?:đạt|tăng|giảm|là|có|được|đã|chiếm|bằng|còn|thực hiện|ước|xếp|đứng|cho thấy|"
                            r"cho biết|nêu rõ|khẳng định|thông tin)(?!\w)")


# a line that names a figure and gives it after a colon: `- Thu ngân sách trên địa bàn tỉnh: 4.856 tỷ đồng`
_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:[-–•+*][ \t]*|\(?\d{1,2}[.)][ \t]*|[a-zđ]\)[ \t]*)?"
                    r"((?:[^\d\n:;.()]|\([A-ZĐ][A-Za-zĐ]{1,8}\))(?:[^\d\n:;.()]|\([A-ZĐ][A-Za-zĐ]{1,8}\)){2,89}?)[ \t]*:[ \t]*$")
_LABEL_LINK = re.compile(r"[\s+\-–]*(?:(?:ước|dự kiến|sơ bộ)\s+)?(?:đạt|tăng|giảm|khoảng|là)?\s*", re.IGNORECASE)
_LIST_OPENER = re.compile(r"(?<!\w)(?:gồm|bao gồm|như sau|cụ thể|là|sau|trong đó|đó|này|sau đây|chính|chủ yếu)$", re.IGNORECASE)


def _label_before(text: str, cs: int, start: int) -> str | None:
    """The label of a figure given right after a colon at the start of its line (a bulleted list of
    results), when nothing but a linking word stands between: the label without its owner and time."""
    plan = None
    if not _LABEL_LINK.fullmatch(text[cs:start]):
        # `- Vốn ngân sách Trung ương (ODA): Kế hoạch năm 2017 là 1.156,4 tỷ đồng`: the plan of the label's item
        plan = _PLAN_LINK.fullmatch(text[cs:start])
        if not plan:
            return None
    lm = _LABEL.search(text[max(0, cs - 100):cs]) or _INLINE_LABEL.search(text[max(0, cs - 80):cs])
    if not lm:
        return None
    label = lm.group(1).strip()
    if len(label.split()) > 12 or _FILLER_ONLY.match(label) or _LIST_OPENER.search(label) \
            or _LEAD_TRIM.fullmatch(label + " ") or any(h[0] == 0 and h[1] >= len(label) - 1 for h in find_provinces(label)):
        return None
    label = _subject(label)
    if label and plan:
        return f"{plan.group(1).lower()} {label[:1].lower()}{label[1:]}"
    return label or None


# a label inside a sentence, after a comma or bracket: `Trong đó, khách du lịch nội địa 256.800 lượt, khách quốc tế: 8.400 lượt`
_INLINE_LABEL = re.compile(r"[,;(]\s*([^\d,;:()\n]{3,60}?)\s*:[ \t]*$")
# a plan's figure after a label: `Kế hoạch năm 2017 là`, `dự toán giao`, `chỉ tiêu`
_PLAN_LINK = re.compile(r"\s*(kế hoạch|dự toán|chỉ tiêu)(?:\s+(?:năm\s+)?(?:19|20)\d{2})?(?:\s+(?:giao|được giao))?\s*"
                        r"(?:là|đạt|:)?\s*", re.IGNORECASE)


def _names_owner(words: str) -> bool:
    """Whether `words` name a province or a body: an owner, not what is measured."""
    return bool(find_provinces(words) or find_bodies(words))


def _joined_subject(seg: str, subject: str) -> str:
    """A subject that a comma cuts in two (`Sản xuất nông nghiệp, thủy sản tăng trưởng 3,9%`, `tổng lượt
    khách tham quan, du lịch đến Đà Nẵng đạt …`, `Khu vực nông, lâm, ngư nghiệp tăng trưởng`): the noun phrase
    before the comma (with the one-word parts of a list before it) is part of it when it has no figure, no
    predicate and no opening adverbial (`Theo báo cáo …,`, `Năm 2023,`)."""
    parts = re.split(r"([,;:])", seg)
    if len(parts) < 3 or parts[-2] != "," or "," in subject:
        return subject   # (a subject that holds its commas already: `tỷ lệ xã, phường, thị trấn …`)
    j = len(parts) - 3
    while j >= 2 and parts[j - 1] == "," and len(parts[j].split()) == 1 and not re.search(r"[\d()]", parts[j]):
        j -= 2   # `nông, lâm, ngư nghiệp`: the list's one-word parts, back to its first
    if j < len(parts) - 3 and (_ADVERBIAL_OPEN.match(parts[j]) or _HAS_PREDICATE.search(parts[j])):
        j += 2   # (not an opening adverbial or a clause before the list: `Theo đó, nông, lâm nghiệp …`)
    before = ", ".join(p.strip() for p in parts[j:len(parts) - 2:2])
    # the part opens the clause, or follows its opening adverbial (`Theo báo cáo của Sở Du lịch, tổng lượt
    # khách tham quan, du lịch … đạt`)
    opener = j == 0 or parts[j - 1] in (";", ":") or parts[j - 1] == "," and _ADVERBIAL_OPEN.match(parts[j - 2]) \
        and (j == 2 or parts[j - 3] in (";", ":"))
    if not opener or re.search(r"[\d()]", before) or _HAS_PREDICATE.search(before) or _ADVERBIAL_OPEN.match(before) \
            or not 1 <= len(before.split()) <= 6 or _names_owner(before):
        return subject
    return f"{before}, {subject}"


def _only_target_words(subject: str) -> bool:
    return not _TARGET_WORDS.sub(" ", subject).strip(" ,-")


def _is_participant(unit: str) -> bool:
    parts = [p.strip().lower() for p in unit.split(",")]
    return all(p in PARTICIPANTS for p in parts)


def _counted(m, text, seg, last, after, unit, participant, done, sprev, before=""):
    """The indicator of a count, from the verb that governs it or the predicate after it: `seg` is its
    clause since the figure before, `last` the part of that after its last comma, `before` the clause before it."""
    if _ENDS_WITH_COPULA.search(last):
        subject = _subject(last)
        if subject and _only_target_words(subject) and sprev is not None and sprev.indicator and sprev.unit \
                and _same_group(sprev.unit, unit):
            return sprev.indicator, "inherited"               # `…, trong khi kế hoạch đặt ra là 120 cơ sở`
        if subject and not _FILLER_ONLY.match(subject) and not _only_target_words(subject) \
                and not re.match(r"(?:bình quân\s+)?mỗi\b", subject, re.IGNORECASE):
            if (sprev is None or sprev.end < m.start - len(seg)) and last.strip().startswith(subject.split()[0]) \
                    and not _HAS_PREDICATE.match(subject):
                subject = _joined_subject(seg, subject)   # `tổng lượt khách tham quan, du lịch … đạt 6,6 triệu lượt`
            return subject, "subject"                         # `nâng tổng số đảng viên lên 99.776 đồng chí`
    change = re.search(r"(?<!\w)(tăng|giảm)(?:\s+thêm)?\s*$", last)
    if change:
        subject = _subject(last[:change.start()])
        if subject and not _FILLER_ONLY.match(subject) and not _only_target_words(subject):
            return subject, "subject"                         # `số vụ tai nạn giao thông … giảm 14 vụ`
        # a change against a base (`So với năm 2002, tăng 27 tổ chức cơ sở Đảng`, `tăng 2.000 người so với cùng
        # kỳ`) is a change of the figure before it, or of the thing it counts; not a change done (`sắp xếp, giảm`)
        compared = _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(after)
        if sprev is None:
            if compared and not _VERB_RE.search(last[:change.start()]):
                return unit, "unit"                           # `So với …, tăng 27 tổ chức cơ sở Đảng`
            # `đã sắp xếp, giảm 1.132 chi bộ`; a count of things with its noun (`giảm 1.432 hộ nghèo`)
            return (change.group(1) if participant else f"{change.group(1)} {unit}"), "verb"
        if not (sprev.unit and _same_group(sprev.unit, unit)):
            same = _last_of_group(done, m, unit, text, compared is not None)
            if same is not None:
                return same.indicator, "inherited"            # `xảy ra 112 vụ tai nạn giao thông, …; so với cùng kỳ giảm 14 vụ`
            if compared and not _VERB_RE.search(last[:change.start()]):
                return unit, "unit"                           # `…, so với cùng kỳ năm 2019, tăng 7.024 thẻ`
            return f"{change.group(1)} {unit}", "verb"        # `…, chiếm tỷ lệ 19,93%, giảm 1.432 hộ nghèo`
    if not participant and re.search(r"(?<!\w)của\s+(?:các\s+)?$", last):
        return unit, "unit"                                   # `nhiều chỉ tiêu của 5 nhóm nhiệm vụ được giao`
    if participant:
        # the same group named again (`12 Giám đốc sở` … `12 Giám đốc các sở hoàn thành …`)
        if not _VERB_RE.search(last):
            d = done.last_activity(m.value, unit)
            if d is not None:
                return d.indicator, "inherited"
        # the rest of a list after a verb: `cho 3 nhóm đối tượng, gồm 11 người …; 12 Giám đốc sở`
        if sprev is not None and sprev.indicator and sprev.extra.get("indicator_source") in ("verb", "inherited") \
                and sprev.unit and _is_participant(sprev.unit.split("/")[0]) \
                and not _VERB_RE.search(text[sprev.end:m.start]) \
                and not re.search(r"(?<!\w)có(?!\w)", text[sprev.end:m.start]) \
                and not (re.fullmatch(r"\s*và\s*", text[sprev.end:m.start]) and _AFTER_MODIFIER.match(after)):
            return sprev.indicator, "inherited"   # (not `làm chết 35 người và 59 người bị thương`: its own predicate)
        owner = re.search(r"(?:(?:sự|với sự)\s+([^\s,;:]+(?:\s+[^\s,;:]+)?)\s+)?của\s+(?:các\s+)?$", last)
        if owner:
            if owner.group(1):
                return owner.group(1), "verb"                 # `với sự tham dự của gần 8.000 đại biểu`
            if sprev is not None and sprev.indicator:
                return sprev.indicator, "inherited"           # `31 đề án … của 22 sở, ngành`
    governed = re.search(r"(?<!\w)(?:cho|với|đối với|đến)\s+(?:các\s+|những\s+)?$", last) is not None
    # a list governed by a preposition takes the whole activity (`thực hiện giao nhiệm vụ … với`);
    # a figure right after its verb takes that verb (`bổ nhiệm, giới thiệu ứng cử 12 đồng chí`)
    verb = _verb_phrase(last, first=participant and governed)
    if verb is None and participant and governed:
        # the verb that governs the list is earlier in the clause: `giao nhiệm vụ … cho 3 nhóm`
        pieces = re.split(r"(?<=[,;])", seg)
        for k in range(len(pieces) - 2, -1, -1):
            head = "".join(pieces[k:])
            verb = _verb_phrase(head, first=True)
            if verb:
                break
            if ";" in pieces[k]:
                break
    if verb is None and governed and not participant:
        # `Điều chỉnh vốn cho 127 dự án`, `điều chỉnh tăng vốn cho 2 dự án`: the act done for the group
        act = re.search(r"(?:^|(?<=[\s,;:]))((?:[^\W\d_]+\s+){1,4}?)(?:cho|đối với)\s+(?:các\s+|những\s+)?$",
                        last.strip(" ") + " ")
        act_words = act.group(1).strip() if act else ""
        if act_words and not _FILLER_ONLY.match(act_words) and not re.match(r"(?:đó|này|ra|vào|và)$", act_words) \
                and not _names_owner(act_words):
            return f"{act_words} {unit}", "verb"
    if verb:
        low = verb.lower()
        if re.search(r"(?<!\w)được\s+giao\s*$", last) and not participant:
            return f"{unit} được giao", "verb"                # `được giao 3 nhóm nhiệm vụ`
        if participant:
            # `kết nạp 2.520 đảng viên`: verb and noun when together they name a known indicator
            together = f"{verb} {unit}"
            return (together if not governed and known_indicator(together) else verb), "verb"
        if unit.lower() in _TARGET_UNITS and not low.startswith(_TAKES_TARGETS):
            return verb, "verb"                               # `kết nạp được 2.101/2.000 chỉ tiêu`
        return f"{verb} {unit}{_modifiers(after)}", "verb"     # `duy trì hơn 2.700 câu lạc bộ thể thao …`
    # the predicate after the group, past its owner: `9/9 huyện, thành phố của tỉnh Hà Tĩnh đã thành lập …`
    rest = re.sub(r"^\s*(?:của|thuộc)\s+(?:tỉnh|thành phố|huyện)?\s*(?:[A-ZĐÀ-Ỹ]\w*\s*)+", " ", after)
    am = _AFTER_MODIFIER.match(rest)
    if am and _SHARE_AFTER.match(am.group("vp")):
        am = None   # `250 người đạt 125% kế hoạch năm`: a share of the count, not what the counted did
    if am and not (unit.lower() in _TARGET_UNITS and re.match(r"\s*được giao", after)):
        vp = _VP_STOP.sub("", am.group("vp").strip())
        if vp == am.group("vp").strip():
            vp += _coordinated_tail(rest[am.end():])
        if unit.lower() not in _PEOPLE:
            vp = f"{unit} {vp}"   # `171/182 xã đạt chuẩn nông thôn mới`: the counted and what they did
        return vp, "after"
    return None


# where a predicate after a count stops: at the next figure (`thoát nghèo và trên 14 nghìn hộ …`, `tham gia xuất
# khẩu đến 53 thị trường`) or at what goes with it (`cấp mới với tổng vốn đầu tư đăng ký …`)
_VP_STOP = re.compile(r"\s+(?:(?:và|với|,|đến|tới|cho|ở|tại)\s*(?:có\s+)?(?:(?:trên|hơn|gần|khoảng|từ)\s+)*[\d.,]+\s.*|"
                      r"chiếm(?!\w).*|"
                      r"với\s+(?:tổng\s+)?(?:số\s+)?(?:vốn|kinh phí|tổng).*|(?:gồm|bao gồm|như sau)(?!\w).*)$")
# a bracket that opens with a time and goes to its figure: `(quý I tăng 9,42%`, `(năm 2020: 5,2%`
_TIME_IN_BRACKET = re.compile(r"\(\s*(?:riêng\s+)?(?:quý|quí|tháng|năm|\d{1,2}\s+tháng)\s*[\dIVX/.-]*(?:\s+(?:đầu|cuối)\s+năm"
                              r"(?:\s+\d{4})?)?\s*(?:tăng|giảm|đạt|là|:)?\s*", re.IGNORECASE)
# a comma inside a list of kinds of administrative unit: `xã, phường, thị trấn`, `huyện, thị xã, thành phố`
_ADMIN_LIST = re.compile(r"(?<!\w)(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận)\s*,\s*"
                         r"(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận)(?!\w)", re.IGNORECASE)
# an open list of examples right before a figure (`ở các thị trường như: Hàn Quốc, Nhật Bản, Trung Đông... 250`)
_ENUM_BEFORE = re.compile(r"\s+(?:như|gồm)\s*:\s+[^;.]*?(?:\.{3}|…)\s*$")
# a predicate that is only a share or change of the count (`… 250 người đạt 125% kế hoạch`)
_SHARE_AFTER = re.compile(r"(?:(?:đã|được|đều|cũng)\s+)*(?:đạt|chiếm|bằng|tăng|giảm)(?:\s+(?:tỷ lệ|tỉ lệ|khoảng|gần|"
                          r"trên|hơn|xấp xỉ))*\s+\(?[\d.,]+\s*%", re.IGNORECASE)
# counted words that only say "people" (`52 đồng chí được trao Huy hiệu …`): the predicate alone is the indicator
_PEOPLE = {"đồng chí", "người", "lượt người", "cá nhân", "trường hợp", "lượt", "em", "người dân"}


def _coordinated_tail(rest: str) -> str:
    """`, Y` when a phrase goes on past a comma with a short noun coordinated to its last noun and
    then ends: `… hoàn thành chỉ tiêu phát triển tổ chức đảng, đảng viên.`, `… trong khởi nghiệp,
    đổi mới sáng tạo năm 2022;`."""
    mm = re.match(r",\s*([^\W\d][^,;:.()\d]{0,40}?)(?=\s*(?:(?:trong\s+)?năm\s+\d{4}|[;.)]|$))", rest)
    if not mm or len(mm.group(1).split()) > 4 or _VERB_RE.match(mm.group(1)) or \
            mm.group(1).split()[0].lower() in _NOT_A_NOUN_START:
        return ""
    return ", " + mm.group(1).strip()


def _overlap(a: str, b: str) -> bool:
    """One phrase holds the other (lower-cased)."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _last_of_group(done, m, unit: str, text: str, compared_after: bool = False):
    """The last figure of the same counted noun in `m`'s sentence, back to its start (a few figures at most), when
    the words between restate a comparison (`so với cùng kỳ`), or the change is compared right after it (`25.500
    lượt người, đạt 102% kế hoạch, tăng 2.000 người so với cùng kỳ`): its change is of that figure."""
    for d in reversed(done[-6:]):
        if "\n" in text[d.end:m.start] or "." in re.sub(r"\d\.\d", "", text[d.end:m.start]):
            return None
        if d.unit and d.indicator and _same_group(d.unit, unit) and d.kind == "quantity" \
                and (compared_after and ";" not in text[d.end:m.start]
                     or re.search(r"(?<!\w)so\s+(?:với\s+)?cùng kỳ", text[d.end:m.start])):
            return d
    return None


def _same_group(a: str, b: str) -> bool:
    """The same counted noun, a visit count of it included (`lượt người`, `người`)."""
    a, b = (_VISITS.sub("", x.lower().split("/")[0]) for x in (a, b))
    return a.startswith(b) or b.startswith(a)


_VISITS = re.compile(r"^lượt\s+")
# a comparison that frames a change: before it in its clause (`So với năm 2002, tăng …`), or right after it
_COMPARED_BEFORE = re.compile(r"(?<!\w)so\s+với(?!\w)", re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?so\s+(?:với\s+)?(?:cùng kỳ|năm|kỳ|tháng|quý|đầu năm|"
                             r"cuối năm|khi|thời điểm|trước)", re.IGNORECASE)


def _verb_phrase(seg: str, first: bool) -> str | None:
    """From an action verb in `seg` to its end, without the words that only lead to the figure:
    `Ban Thường vụ … tiếp tục thực hiện giao nhiệm vụ … với` -> `thực hiện giao nhiệm vụ …`."""
    hits = list(_VERB_RE.finditer(seg))
    if not hits:
        return None
    h = hits[0] if first else hits[-1]
    phrase = seg[h.start():]
    if re.search(r"(?<!\w)có\s*$", phrase):
        return None                                        # `đánh giá có 16/21 chỉ tiêu`: `có` leads
    phrase = re.sub(r"(?<!\w)của\s.*$", "", phrase)       # `tặng bằng khen của Ban Thường vụ … cho`
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = re.sub(r"\s*(?<!\w)(?:cho|với|đối với|đến|được|các|những|từ|gồm|khoảng|gần|trên|hơn|"
                        r"tổng số|tổng cộng|là|bình quân|tổng)\s*$", "", phrase.strip(), flags=re.IGNORECASE)
    phrase = _COPULAS.sub("", phrase).strip(" ,;:")
    if len(phrase.split()) > 16:
        return None
    return phrase or None


def _modifiers(after: str) -> str:
    """The words that qualify a counted noun right after it, up to a preposition, verb or stop."""
    words = []
    run = re.match(r"[^,;:.()\d%]*", after).group(0)
    ws = run.split()
    for i, w in enumerate(ws):
        if w.lower() in ("trong", "ngoài") and i + 1 < len(ws) and ws[i + 1].lower() == "nước":
            words.append(w)                                # `vốn đầu tư trong nước`
            continue
        if w.lower() in _MODIFIER_STOP or len(words) >= 8:
            break
        words.append(w)
    if words and len(words) == len(ws):
        # a short name in capitals right after, as written: `vốn đầu tư trực tiếp nước ngoài (FDI)`
        short = re.match(r"\s*(\(\s*[A-ZĐ][A-Za-zĐ-]{1,9}\s*\))", after[len(run):])
        if short:
            words.append(short.group(1))
    return (" " + " ".join(words)) if words else ""


def _percent_object(before: str, after: str) -> str | None:
    """What a percentage counts when its noun follows it: `giải quyết trên 90% đơn thư …`,
    `đạt từ 80% trở lên các chỉ tiêu được giao`, `89% đã tiêm đủ 2 mũi`, `100% (152/152) đảng bộ …`."""
    after = _RESTATED_AFTER.sub("", after, count=1)   # (the same share as a fraction in brackets)
    if wordless(after) and wordless(before):
        return None   # every rule below reads a word before or after the figure
    vp = re.match(r"\s*((?:đã|được|đều)\s+[^,;:.()]{2,60})", after)
    if vp:
        return vp.group(1).strip()
    last = re.split(r"[,;:]", before)[-1]
    verb = _verb_phrase(last, first=False)
    nxt = re.match(r"\s*\d[\d.,]*(?:/[\d.,]+)?\s+([^\W\d][^;:.()\d]{1,60})", after)
    if nxt and verb:
        return f"{verb} {nxt.group(1).strip()}"               # `hoàn thành từ 80% trở lên 22/60 chỉ tiêu, …`
    if re.search(r"(?<!\w)có\s*$", last):
        # `có 98,5% dân số nông thôn được sử dụng nước hợp vệ sinh`: the group and what it does
        whole = re.match(r"\s*([^\W\d][^,;:.()\d]{2,90}?)(?=\s+và\s+[\d.,]+|\s*[,;:.()]|\s*$)", after)
        if whole and (whole.group(1).split()[0].lower() not in _NOT_A_NOUN_START
                      or whole.group(1).lower().startswith("số ")):
            return whole.group(1).strip()
    np = re.match(r"\s*((?:các|những|số)\s+)?([^\W\d][^,;:.()\d]{2,70})", after)
    if np and not np.group(1) and re.match(r"(?:các|những|số)\s", np.group(2)):
        # a two-letter noun after `số` (`tăng 7,69% số vụ, 2,94% số người chết`)
        np = re.match(r"\s*((?:các|những|số)\s+)([^\W\d][^,;:.()\d]{1,70})", after) or np
    if np:
        head = re.sub(r"\s+(?:và|hoặc)\s*$", "", np.group(2))   # (`2,94% số người chết và 31,11% …`)
        first_word = head.split()[0].lower()
        if first_word in _NOT_A_NOUN_START or first_word in ("trở",):
            return None
        # `100% các huyện, thành ủy … hoàn thành chỉ tiêu …`: the predicate after the group
        group_text = after[np.start(2):] if np.group(1) else after.lstrip()
        owner = re.match(r"(?:[^\W\d][^,;:.()\d]*?)(?:,\s*[^\W\d][^,;:.()\d]*?)*\s+"
                         rf"((?:{_AFTER_VERBS})\b[^,;:.()\d]{{0,80}})", group_text)
        group_word = head.split()[0].lower()
        if owner and (group_word in PARTICIPANTS or " ".join(head.split()[:2]).lower() in PARTICIPANTS):
            vp = re.sub(r"\s+(?:và|với)\s*$", "", owner.group(1).strip())
            return vp + (_coordinated_tail(group_text[owner.end():]) if vp == owner.group(1).strip() else "")
        noun = _PREPOSITION_CUT.sub("", head).strip()
        if np.group(1) and np.group(1).strip() in ("các", "số"):
            noun = np.group(1).strip() + " " + noun       # `các chỉ tiêu được giao`, `số cán bộ, công chức`
        if verb:
            return f"{verb} {noun}" if not noun.startswith("các ") else noun  # `giảm tối đa 10% số cán bộ`
        change = re.search(r"(?<!\w)(giảm|tăng)(?:\s+(?:được|thêm))?\s*$", last)
        if change and noun and not re.match(r"(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|so|cùng kỳ|đứng|xếp|cao|thấp|vượt|nhanh|"
                                            r"tỷ lệ|tỉ lệ|do|bởi|vì|nhờ|"   # (a rate named after: the rate's, below; a cause)
                                            r"mạnh|khá|nhẹ|trở lại|lên|xuống)(?!\w)", noun) \
                and not _HAS_PREDICATE.match(noun):
            # `Riêng trong năm 2016 giảm 1,5% hộ nghèo và phấn đấu …`
            return change.group(1) + " " + re.split(r"\s+(?:và|nhưng|để|nhằm)\s+", noun)[0]
        if np.group(1):
            return noun
        if _OPENS_A_SHARE.fullmatch(last) and not re.match(r"\s*(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|so)\b", after):
            # `…; 100% hộ dân sử dụng điện;`, `Với hơn 85% dân số là đồng bào dân tộc thiểu số,`, `Hiện còn 11,56%
            # dân số huyện (…) chưa tham gia BHYT`: the share opens
            # its clause part, and the group with what it does is what it measures
            whole = re.match(r"\s*([^\W\d][^,;:.()\d]{2,90}?)(?=\s*[,;:.()]|\s*$)", after)
            if whole and whole.group(1).split()[0].lower() not in _NOT_A_NOUN_START:
                return whole.group(1).strip()
    return None


# the same share restated as a fraction in brackets right after it: `100% (152/152) đảng bộ trực thuộc …`
_RESTATED_AFTER = re.compile(r"^\s*\(\s*[\d.,]+\s*/\s*[\d.,]+\s*\)")
# what may stand before a share that opens its clause part: nothing, `có`, `với`, `và`, a hedge
_OPENS_A_SHARE = re.compile(r"\s*(?:(?:có|với|và|trong đó|hiện|đã|nay|vẫn còn|còn)\s*)*(?:(?:trên|hơn|gần|khoảng|xấp xỉ)\s*)?",
                            re.IGNORECASE)


def _topic(sentence: str) -> str | None:
    """The subject of the last clause of a sentence without figures: `…, chi đảm bảo an sinh xã hội
    của Tỉnh được tăng cường.` -> `chi đảm bảo an sinh xã hội`."""
    last = re.split(r"[,;:]\s*", sentence.rstrip(" .;"))[-1]
    mm = re.match(r"(.+?)\s+(?:được|đã|đạt|tăng|giảm|là)\b", last) or re.match(r"(.+?)\s+có\b", last)
    if not mm:
        return None
    subject = _subject(mm.group(1))
    return subject if subject and len(subject.split()) >= 2 else None


def _clean_np(seg: str) -> str:
    # `(giá hiện hành)` goes; a short name in capitals stays, as written: `tổng sản phẩm trên địa bàn (GRDP)`
    seg = re.sub(r"\((?!\s*[A-ZĐ][A-Za-zĐ-]{1,9}\s*\))[^)]*\)?", " ", seg)
    seg = _TIME_PHRASES.sub(" ", seg)
    seg = re.sub(r"\s+", " ", seg).strip()
    prev = None
    while prev != seg:
        prev = seg
        seg = _OWNER_TAIL.sub("", seg).strip()
        seg = _COPULAS.sub("", seg).strip()
        seg = _LEAD_TRIM.sub("", seg).strip()
    return seg


# a part that opens a clause of its own, whose subject the part before does not give: `…, trong khi kế hoạch …`
_OPENS_ANOTHER_CLAUSE = re.compile(r"\s*(?:trong khi|nhưng|song|mà)(?!\w)", re.IGNORECASE)
# a comparison that runs to the end of the part before the figure: `so với tháng trước (+`, `so với cùng kỳ năm 2019 tăng`
_COMPARISON_TO_END = re.compile(r"(?:^|\s)so\s+(?:với\s+)?[^,;:]*$")
_VERB_BEFORE_WITH = re.compile(r"(.+?)\s+(?:(?:cũng|đã|đều|vẫn|tiếp tục)\s+)?(?:đóng góp|chiếm|đạt|tăng|giảm|đóng vai trò|"
                               r"giữ vai trò)(?!\w)")
# a ranking before `với` (`xếp thứ nhất bảng xếp hạng PCI với 73,02 điểm`): the context rules read what it ranks
_RANKED = re.compile(r"(?<!\w)(?:xếp|đứng|dẫn đầu|vị trí|hạng|thứ)(?!\w)")


@lru_cache(maxsize=4096)   # (a figure-dense clause asks again and again for the same few short texts)
def _subject(seg: str) -> str:
    """The noun phrase that leads the clause to the figure, without its owner or time: `Doanh thu
    từ hoạt động thương mại điện tử của các doanh nghiệp tỉnh Vĩnh Long năm 2023 đạt` -> `Doanh thu
    từ hoạt động thương mại điện tử`."""
    # a comparison names no subject: what stands before it does (`CPI so với tháng trước (+0,88%)`)
    seg = _COMPARISON_TO_END.sub("", seg) if "so" in seg else seg
    parts = re.split(r"\s(?:với|bằng|gồm|trong đó)\s", seg)
    seg = parts[-1]   # `… 54 dự án với tổng số vốn đăng ký`
    if len(parts) > 1 and _FILLER_ONLY.match(seg.strip()):
        # nothing after `với` but the figure: the subject is before the verb that leads to it (`Thu từ hoạt
        # động xuất nhập khẩu cũng đóng góp đáng kể với trên 41.000 tỷ đồng`, `Khu vực công nghiệp chiếm tỷ
        # trọng lớn nhất với 46,58%`)
        lead = _VERB_BEFORE_WITH.match(parts[-2]) if not _RANKED.search(parts[-2]) else None
        seg = lead.group(1) if lead else seg
    seg = _DISCOURSE_LEAD.sub("", seg)   # `Bên cạnh đó trên địa bàn tỉnh vẫn còn …` (no comma after the connective)
    seg = _clean_np(seg)
    seg = _SUBJECT_LEAD.sub("", seg).strip()
    lead = [h for h in find_provinces(seg) if h[0] == 0]
    if lead:  # `Vĩnh Phúc tăng trưởng …`: the owner, not the indicator
        seg = seg[lead[0][1]:].strip()
    seg = _PREPOSITION_CUT.sub("", seg).strip()
    seg = _COPULAS.sub("", seg).strip()
    return re.sub(r"\s+được$", "", seg)   # `thành phố thu hút vốn đầu tư nước ngoài được hơn 129 triệu USD`


def clause_subject(seg: str) -> str:
    """The noun phrase that leads `seg` to what follows it, without owner, time or linking verb
    (public for the rules that look further back than the figure's own clause part)."""
    return _subject(seg)

