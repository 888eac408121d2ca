"""The words and phrase readers the indicator rules share (extractors/indicators.py, extractors/indicator_counts.py):
the verbs that name what was done to a count, the groups a count of people names, the linking words and patterns
that cut a clause, and the readers of a clause's parts: its subject without owner or time (`clause_subject`), the
verb phrase that governs a figure, the modifiers after a measure, the topic of a sentence."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import lexicon
from extractors.cues import first_letters, word_tree, led
from extractors.endings import EndsWith
from extractors.entities import find_bodies
from extractors.gazetteer import find_provinces
from extractors.normalize import UPPER

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
    "xuất khẩu", "làm chết", "làm bị thương", "phát triển mới", "điều chỉnh tăng vốn",
    "chuyển đảng chính thức", "xóa tên", "xoá tên", "cho ra khỏi đảng", "khai trừ", "gia hạn",   # (read ignoring case)
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
    r"(?<!\w)\s*+(?:(?:bình quân|hằng năm|hàng năm|mỗi năm|trở lên|cả năm|trong năm|ước tính|ước thực hiện|ước|"
    r"dự kiến|phấn đấu|chỉ|đến|tới|luôn|vẫn|đã|cũng|đều|đang|sẽ)\s++)*"
    r"(?:nằm trong|lọt vào|lọt|đứng trong|đạt được|ước đạt|đạt tới|đạt mức|đạt|tăng trưởng (?:nhẹ|mạnh|khá|chậm)|tăng thêm|tăng tới|tăng đến|tăng|giảm còn|giảm|còn|là|chiếm|lên tới|"
    r"lên đến|lên|xuống|ở mức|vượt|với|có|khoảng|"
    r"xấp xỉ|gần|trên|dưới|hơn|từ|bằng|xếp thứ|xếp|đứng thứ|đứng|gấp|thứ)?\s*+$", re.IGNORECASE)
_ENDS_WITH_COPULA = EndsWith(re.compile(r"(?<!\w)(?:là|lên|đạt|còn|chiếm|ở mức|tăng lên|giảm xuống)\s*$", re.IGNORECASE),
                             ("là", "lên", "đạt", "còn", "chiếm", "ở mức", "tăng lên", "giảm xuống"))
_LEAD_TRIM = re.compile(
    r"^(?:trong đó|cụ thể|đặc biệt|đồng thời|riêng|ngoài ra|theo đó|tính đến nay|đến nay|hiện nay|hiện|tính chung|"
    r"nếu|có thể nhận thấy|có thể thấy|nhìn chung|"
    r"năm \d{4}|toàn tỉnh|tỉnh|và|với|các|những|cùng với đó|thực hiện|tiếp tục|phấn đấu|đưa|đã|trong khi|nhưng|song|"
    r"tuy nhiên|mà|có|về|đối với|đến hết|tính đến hết|cũng theo[^,]*,|theo[^,]{0,60},)\s*,?\s*", re.IGNORECASE)
# (not `cây lâu năm`, `cây hàng năm`: perennial and annual crops)
_TIME_PHRASES = re.compile(
    r"(?:tính chung\s+)?(?:sau\s+\d+\s+năm|(?<=bình quân )\d+\s+năm(?:\s+qua)?|(?:đầu|cuối) năm|(?:\d{1,2}|sáu|chín) tháng(?: đầu)?(?: năm| qua)?|qu[ýí] [IVX\d]+(?:\s*/\s*\d{4})?|"
    r"niên vụ|năm (?:ngoái|nay|qua|vừa qua)|mỗi năm|(?<!lâu )(?<!hàng )(?<!hằng )năm|(?:trong\s+)?(?:giai đoạn|nhiệm kỳ|thời kỳ)|cả năm|trong năm|"
    r"(?<!\d\s)tháng\s+\d{1,2}(?:\s*[/.-]\s*(?:19|20)\d{2})?(?![\d/.-]))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?", re.IGNORECASE)
_OWNER_TAIL = re.compile(
    r"(?<!\w)\s*(?:của|trên địa bàn|tại|ở|toàn)\s+(?:(?:tỉnh|thành phố|huyện|thị xã|cả nước|toàn quốc|Việt Nam)\b)?"
    r"(?:\s*" + UPPER + r"[^\s,;:()]*)*\s*$")
# (`\d++`, `\s*+`: possessive, so that a run of digits is not tried split in every way: exponential)
_FILLER_ONLY = re.compile(r"^(?:(?:tiếp tục|vẫn|đã|cũng|đều|chỉ|còn|lần lượt|tương ứng|và|hơn|được|bằng|bình quân|"
                          r"thấp|cao|nhiều|ít|sau|nhưng|hiện|mạnh|khi|mức|sơ bộ|ước tính|ước|trong|sẽ|kết quả|"
                          r"thực hiện|"   # (`…, ước thực hiện 4.780 triệu USD`: the estimate's verb, no indicator)
                          r"con số|tổng cộng|số liệu|trên địa bàn(?:\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã))?|"
                          r"\d++|[^\w\s]++)\s*+)*$", re.IGNORECASE)
# A subject that only says it is a target, or a comparison: `chưa đạt mục tiêu`, `thấp hơn mục tiêu Nghị
# quyết đề ra`, `phấn đấu đến`, `dưới mức mục tiêu … mà HĐND tỉnh đề ra`, `trong khi kế hoạch đặt ra`.
_TARGET_WORDS = re.compile(
    r"(?<!\w)(?:chưa đạt|đạt|thấp hơn|cao hơn|dưới mức|trên mức|vượt|so với|mục tiêu|kế hoạch|kịch bản|chỉ tiêu|"
    r"phấn đấu|đề ra|đặt ra|theo|Nghị quyết(?: số)?(?: \d[\w/-]*)?|HĐND(?: tỉnh)?|đến|tới|đã|là|mà|của|tỉnh|cả|và|trong khi|nhưng|"
    r"năm|có|hết|cuối)(?!\w)",
    re.IGNORECASE)
_TARGET_WORDS = led(_TARGET_WORDS)   # (tried only where a character one of its matches starts with stands: `cues.led`)
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
    r"\s+(?:của|tại|trên địa bàn|ở|(?<!trực )thuộc|đến ngày|đến nay|từ đợt|tính đến|tính từ|chuyển về|từ đầu năm|so với|"
    r"trong năm|trong(?!\s+(?:GRDP|GDP|cơ cấu)\s+(?!\d))|toàn tỉnh|toàn huyện|cả tỉnh|đến với|với|cho|để|nhằm|"
    r"(?:đến|về|vào)\s+(?:tỉnh|thành phố|huyện|địa bàn)|(?:tỉnh|thành phố|huyện)\s+" + UPPER + r")\b.*$")
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|[Tt]hị xã|TP\.?)\s+(?:" + UPPER + r"[^\s,;:()]*\s*)+|(?:toàn tỉnh|cả tỉnh|cả nước|"
    r"toàn quốc)\s+|(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện)\s+(?=[a-zđ])(?!ủy|uỷ|đoàn|lộ|đội|bộ|lỵ))")
# the date a figure is up to, opening its clause with no comma after it: `Tính đến ngày 15/5/2018 tiến độ gieo trồng …`
_UP_TO_LEAD = re.compile(r"^\s*(?:[Tt]ính\s+)?(?:[Đđ]ến|[Tt]ới)\s+(?:hết\s+|cuối\s+)?(?:ngày|tháng|thời điểm)\s*[\s\d/.\-]*"
                         r"(?:năm\s+\d{4})?\s*,?\s*(?=\S)")
# a connective that opens a clause with no comma after it: no part of its subject
_DISCOURSE_LEAD = re.compile(r"^\s*(?:[Bb]ên cạnh đó|[Nn]goài ra|[Đđ]ồng thời|[Tt]uy nhiên|[Mm]ặt khác|[Nn]hư vậy|[Tt]heo đó|"
                             r"[Bb]ên cạnh|[Cc]ùng với đó|[Cc]ó thể|[Cc]ó khả năng)\s+(?!,)")   # (`có thể đạt`: a modal, no `có`)
# examples after `như` before their figure: `một số lĩnh vực … tăng trưởng khá như đầu tư trực tiếp nước ngoài đạt`
_EXAMPLES_AFTER = re.compile(r"\snhư(?:\s+là)?\s+(?!vậy|sau|thế|trên|kế hoạch|cùng kỳ|năm|mục tiêu)(?=\S)")
# Words that cannot start the noun after a measure (`64.000 ha đất …` but not `64.000 ha của …`).
_NOT_A_NOUN_START = {"có", "với", "cho", "gồm", "là", "của", "và", "tại", "ở", "trên", "trong", "đối", "thuộc",
                     "từ", "đến", "tới", "theo", "về", "khoảng", "gần", "hơn", "dưới", "được", "đã", "đạt",
                     "còn", "tổng", "số", "so", "tăng", "giảm", "chiếm", "bằng", "năm", "trong", "mỗi", "ước",
                     "yoy"}   # (`tăng 35,94% YoY`: year on year, no noun)
# (the last syllable of a compound is no verb of its own: `công nhận`, `ảnh hưởng`, `thiết bị`)
_AFTER_VERBS = (r"tử vong|thành lập mới|thành lập|đạt chuẩn|đạt|hoàn thành|được tặng|được hỗ trợ|được trao|"
                r"được|tham gia|thoát nghèo|ra quân|(?<!ảnh )hưởng|(?<!công )(?<!xác )(?<!tiếp )(?<!ghi )(?<!thừa )nhận|tham dự|"
                r"(?<!thiết )(?<!chuẩn )(?<!trang )(?<!phòng )bị|vi phạm|xếp loại|đi làm việc|hoạt động|"
                r"mắc mới|mắc|khỏi bệnh|xuất khẩu|nhập khẩu|có|tiêm|ứng cử|xuất cảnh|tìm được|vay vốn|thoát khỏi")
_AFTER_MODIFIER = re.compile(
    rf"^\s*(?:\([^()]*\)\s*)?(?P<vp>(?:(?:đã|được|đều|cũng|chưa|không)\s+)*(?:{_AFTER_VERBS}|{_VERB_ALT})\b"
    r"(?:(?!\s+và\s+(?:[^\W\d]+\s+){0,3}\d)[^,;:.()]){0,80})")
# (up to the next count: `… hoàn thành nhiệm vụ … và 3/8 huyện …`, `… mức độ 2 và hiện chỉ còn 59 trường …`)
# counts listed together before the predicate they share: `91 xã, 118 thôn, làng đạt chuẩn nông thôn mới`,
# `45/89 xã và 1 đơn vị cấp huyện được công nhận hoàn thành nhiệm vụ …`
_SHARED_PREDICATE = re.compile(
    # (past an aside in brackets, `57 xã (chiếm 65%) và 3/9 đơn vị cấp huyện …`, or the names of those counted,
    # `2 huyện là Tây Hòa và Phú Hòa, cùng với 55/88 xã …`)
    r"(?:\s*\([^()]{0,40}\))?(?:\s+là\s+[^,;:.()\d]{2,60}?)?"
    r"(?:\s*(?:,|và|,?\s*cùng với)\s*\d[\d.,/]*\s+[^\W\d][^\d;:.()]{0,30}?)+"
    rf"\s+((?:(?:đã|được|đều|cũng)\s+)*(?:{_AFTER_VERBS})\b[^,;:.()]{{0,80}})")
# Connectives that open a sentence continuing the one before: `Theo đó, năm 2023 giao dự toán …`.
_CONTINUES = re.compile(r"^\s*(?:Theo đó|Trong đó|Cụ thể|Qua đó|Với đó)\b", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(r"^(?:(?:giao|tổng|được giao|bố trí)\s+)?(?:dự toán|kinh phí|số tiền|tổng số|tổng)$",
                              re.IGNORECASE)
# Words that end the modifiers of a counted noun: `2.700 câu lạc bộ thể thao quần chúng và …`.
# verbs whose `được` is their result (`tìm được việc làm`, `nhận được hỗ trợ`), not a passive that ends a noun's words
_RESULT_VERBS = {"tìm", "nhận", "vay", "mua", "tiếp cận", "học"}
_MODIFIER_STOP = {"và", "với", "cho", "của", "tại", "ở", "trong", "trên", "dưới", "từ", "đến", "tới", "theo",
                  "về", "để", "nhằm", "được", "đã", "đạt", "tăng", "giảm", "so", "là", "có", "thuộc", "gồm",
                  "năm", "nhưng", "hoặc", "bằng", "khi", "như", "đều", "sẽ", "cần", "chiếm", "mỗi", "này"}


_CURRENCY = re.compile(r"^(?:VND|USD|EUR|JPY|CNY|KRW|[A-Z]{3})$")


def _ws(s: str | None) -> str | None:
    """One plain space between words (a no-break space in the page is still a space)."""
    if s is None:
        return None
    # (`re.sub(r"\s+", " ", s)`, its ends stripped: the words split at white space, as `\s` reads it, joined by one)
    s = " ".join(s.split()).strip(" ,;:-–“”\"'‘’")
    # what is left of a bracket closed before it, a verb before the noun (`) và cao hơn …`, `chiếm tỉ lệ`, `có số …`)
    s = _LEFT_OVER.sub("", s).strip()
    return s or None


_LEFT_OVER = re.compile(r"^(?:\)\s*(?:và\s+|,\s*)?|(?:có|chiếm|chiến|đạt)\s+(?=(?:số|tỷ lệ|tỉ lệ|tổng số)\b)|là\s+(?=\w)|(?:(?:đã|đang|sẽ|vẫn|cũng|đều)\s+)+(?=\w))")


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


# (the patterns `_coordinated_tail`, `_verb_phrase` and `_modifiers` ask about every figure, compiled once)
_COORDINATED = re.compile(r",\s*([^\W\d][^,;:.()\d]{0,40}?)(?=\s*(?:(?:trong\s+)?năm\s+\d{4}|[;.)]|$))")
_OF_ONWARDS = re.compile(r"(?<!\w)của\s.*$")
_RUN_TO_STOP = re.compile(r"[^,;:.()\d%]*")


def _coordinated_tail(rest: str) -> str:
    """`, Y` when a phrase goes on past a comma with a short noun coordinated to its last noun and
    then ends: `… hoàn thành chỉ tiêu phát triển tổ chức đảng, đảng viên.`, `… trong khởi nghiệp,
    đổi mới sáng tạo năm 2022;`."""
    mm = _COORDINATED.match(rest)
    if not mm or len(mm.group(1).split()) > 4 or _VERB_RE.match(mm.group(1)) or \
            mm.group(1).split()[0].lower() in _NOT_A_NOUN_START:
        return ""
    return ", " + mm.group(1).strip()


def _overlap(a: str, b: str) -> bool:
    """One phrase holds the other (lower-cased)."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _same_group(a: str, b: str) -> bool:
    """The same counted noun, a visit count of it included (`lượt người`, `người`)."""
    a, b = (_VISITS.sub("", x.lower().split("/")[0]) for x in (a, b))
    return a.startswith(b) or b.startswith(a)


_VISITS = re.compile(r"^lượt\s+")


# `có` at the end of a text: what leads to a figure's group (`đánh giá có 16/21 chỉ tiêu`)
HAS_AT_END = EndsWith(re.compile(r"(?<!\w)có\s*$"), ("có",))
# the words that only lead to a figure, at the end of a verb phrase (`… với`, `… khoảng`)
_LEADING_WORDS = ("cho", "với", "đối với", "đến", "được", "các", "những", "từ", "gồm", "khoảng", "gần", "trên", "hơn",
                  "tổng số", "tổng cộng", "là", "bình quân", "tổng")
_LEADS_TO_FIGURE = EndsWith(re.compile(rf"\s*(?<!\w)(?:{'|'.join(_LEADING_WORDS)})\s*$", re.IGNORECASE), _LEADING_WORDS)


def _verb_phrase(seg: str, first: bool) -> str | None:
    """From an action verb in `seg` to its end, without the words that only lead to the figure:
    `Ban Thường vụ … tiếp tục thực hiện giao nhiệm vụ … với` -> `thực hiện giao nhiệm vụ …`."""
    hits = list(_VERB_RE.finditer(seg))
    if not hits:
        return None
    h = hits[0] if first else hits[-1]
    phrase = seg[h.start():]
    if HAS_AT_END.search(phrase):
        return None                                        # `đánh giá có 16/21 chỉ tiêu`: `có` leads
    phrase = _OF_ONWARDS.sub("", phrase)                   # `tặng bằng khen của Ban Thường vụ … cho`
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = _LEADS_TO_FIGURE.sub("", phrase.strip())
    phrase = _COPULAS.sub("", phrase).strip(" ,;:")
    if len(phrase.split()) > 16:
        return None
    return phrase or None


def _modifiers(after: str) -> str:
    """The words that qualify a counted noun right after it, up to a preposition, verb or stop."""
    words = []
    run = _RUN_TO_STOP.match(after).group(0)
    ws = run.split()
    for i, w in enumerate(ws):
        if w.lower() in ("trong", "ngoài") and i + 1 < len(ws) and ws[i + 1].lower() == "nước":
            words.append(w)                                # `vốn đầu tư trong nước`
            continue
        if w.lower() == "thuộc" and words and words[-1].lower() == "trực":
            words.append(w)                                # `đảng bộ trực thuộc`: who hangs under whom
            continue
        if w.lower() == "được" and words and words[-1].lower() in _RESULT_VERBS:
            words.append(w)                                # `người tìm được việc làm`: the verb's result, not a passive
            continue
        if w.lower() in _MODIFIER_STOP or len(words) >= 8 and not (w.lower() == "yếu" and words[-1].lower() == "chủ"):
            break
        words.append(w)
    if words and len(words) == len(ws):
        # a short name in capitals right after, as written: `vốn đầu tư trực tiếp nước ngoài (FDI)`
        short = re.match(r"\s*(\(\s*[A-ZĐ][A-Za-zĐ-]{1,9}\s*\))", after[len(run):])
        if short:
            words.append(short.group(1))
    while words and words[-1].lower() in _TIME_WORDS:
        words.pop()   # (`30 xã chỉ đạo xây dựng NTM giai đoạn 2011 - 2015`: the time it names, cut at its years)
    if len(words) >= 2 and " ".join(words[-2:]).lower() in _TIME_WORDS:
        del words[-2:]
    return (" " + " ".join(words)) if words else ""


_TIME_WORDS = {"giai đoạn", "thời kỳ", "nhiệm kỳ", "năm", "tháng", "quý"}


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
        seg = _strip_copula(seg)
        seg = _LEAD_TRIM.sub("", seg).strip()
    return seg


def _strip_copula(seg: str) -> str:
    """`seg` without the linking verb it ends on, unless that verb ends a list of what is measured (`tổng vốn đăng ký
    cấp mới và tăng thêm`: not `… cấp mới và`)."""
    if _NEW_AND_ADDED.search(seg):
        return seg.strip()
    return _COPULAS.sub("", seg).strip()


# capital new and added, a measure of its own: `tổng vốn đăng ký cấp mới và tăng thêm`
_NEW_AND_ADDED = re.compile(r"(?<!\w)mới\s+và\s+tăng thêm\s*$")
# a comparison that runs to the end of the part before the figure: `so với tháng trước (+`, `so với cùng kỳ năm 2019 tăng`
_COMPARISON_TO_END = re.compile(r"(?:^|\s)so\s+(?:với\s+)?[^,;:]*$")
_NEXT_AFTER_BASE = re.compile(r"(?:(?:19|20)\d{2}|cùng kỳ(?: năm trước)?|kế hoạch|dự toán)\s+(?:và|trên cơ sở)\s+([^\d]{3,})$")
_VERB_BEFORE_WITH = re.compile(r"(.+?)\s+(?:(?:cũng|đã|đều|vẫn|tiếp tục)\s+)?(?:là|đóng góp|chiếm|đạt|tăng|giảm|đóng vai trò|"
                               r"giữ vai trò)(?!\w)")
# a ranking before `với` (`xếp thứ nhất bảng xếp hạng PCI với 73,02 điểm`): the context rules read what it ranks
_RANKED = re.compile(r"(?<!\w)(?:xếp|đứng|dẫn đầu|vị trí|hạng|thứ)(?!\w)")


# a measure named after `với`, of the thing named before it: `Phát triển cà phê đặc sản với diện tích là 1.120 ha`
# (extractors/lexicon/context_words.tsv, role `measure_of`)
# (longest first, so that `tổng diện tích` is read before `diện tích`)
MEASURE_OF = tuple(sorted({w.lower() for w in lexicon.role_words("context_words", "measure_of")}, key=len, reverse=True))
_OBJECT_CUT = re.compile(r"[,;:()]")
_OBJECT_LEAD = re.compile(r"^(?:(?:và|phát triển|hình thành|mới|được|các|những|cho)\s+)+", re.IGNORECASE)


def _measure_of_object(measure: str, before: str) -> str | None:
    """`diện tích cà phê đặc sản` for the measure `diện tích` after `Phát triển cà phê đặc sản với`: the thing before
    `với`, after the last figure or action verb of its clause part, of two to ten words; None when there is none."""
    part = _OBJECT_CUT.split(before)[-1]
    cut = max((m.end() for m in re.finditer(r"\d[\d.,]*\s", part)), default=0)
    if not cut:
        cut = max((m.end() for m in _VERB_RE.finditer(part)), default=0)
    obj = _OBJECT_LEAD.sub("", part[cut:].strip())
    if not 2 <= len(obj.split()) <= 10 or obj[:1].isupper() or find_provinces(obj) or re.search(r"\d", obj):
        return None
    return f"{measure} {obj}"


# a rate that names nothing of its own after `với`: `khu vực công nghiệp, xây dựng tăng khá cao với mức tăng`
_ONLY_A_RATE = re.compile(r"(?:mức|tốc độ)\s+(?:tăng|giảm|tăng trưởng)(?:\s+(?:là|đạt|khoảng))?", re.IGNORECASE)
# a connective that leads from a cause to its result inside a clause
_RESULT_CONNECTIVE = re.compile(r"(?<!\w)(?<!trở )(?:nên|cho nên|vì vậy|vì thế|do đó|do vậy|nhờ đó|nhờ vậy)\s+(?!,)")


# who sets an aim, and the aim's words, before what it is of
_AIM_SET = re.compile(r"^.*?(?<!\w)(?:đặt|đặt ra|đề ra|xác định)\s+mục tiêu(?:\s+(?:phấn đấu|là|đến năm\s+\d{4}))*\s+")
_LOCALITY_DID = re.compile(r"(?:^|[,;:])\s*(?:các\s+)?địa phương\s+(?:(?:đã|cũng|đều)\s+)*(?:đạt|có|đón|thu hút|thu|tăng|giảm)"
                           r"(?:\s+được)?\s*$", re.IGNORECASE)
_AIM_LEAD = re.compile(r"^(?:(?:đã|cũng|tiếp tục)\s+)*phấn đấu\s+", re.IGNORECASE)
# who is given a quota or a plan (`… đều được giao`, `… được phân bổ`) is its owner; the quota is the indicator
_GIVEN_A_QUOTA = re.compile(r"^.*?(?<!\w)được\s+(?:giao|phân bổ|phân giao)\s+(?=(?:chỉ tiêu|kế hoạch|dự toán|nhiệm vụ)\b)")
_AVERAGED_CHANGE_AT_END = re.compile(r"\s+(?:tăng|giảm)\s+bình quân$")


@lru_cache(maxsize=4096)   # (a figure-dense clause asks again and again for the same few short texts)
def _subject(seg: str) -> str:
    """The noun phrase that leads the clause to the figure, without its owner or time: `Doanh thu
    từ hoạt động thương mại điện tử của các doanh nghiệp tỉnh Vĩnh Long năm 2023 đạt` -> `Doanh thu
    từ hoạt động thương mại điện tử`."""
    # a comparison names no subject: what stands before it does (`CPI so với tháng trước (+0,88%)`)
    compared = _COMPARISON_TO_END.search(seg) if "so" in seg else None
    if compared:
        # (the next part's subject after a comparison that ends on its base: `… so với vụ Hè Thu năm 2014 và lúa Mùa`)
        after_base = _NEXT_AFTER_BASE.search(compared.group(0))
        seg = after_base.group(1) if after_base else seg[:compared.start()]
    if "nên" in seg or "ó" in seg or "ậy" in seg or "ế" in seg:   # (the cheap test first)
        # `nhờ sự chỉ đạo …, cộng với sự vào cuộc tích cực của các ngành nên tỷ lệ bao phủ BHYT đạt`: what a cause led
        # to is the subject, after the connective
        led = _RESULT_CONNECTIVE.split(seg)
        if len(led) > 1 and led[-1].strip():
            seg = led[-1]
    if "địa phương" in seg and _LOCALITY_DID.search(seg):
        return ""   # `…, địa phương đạt 2,57 triệu lượt khách lưu trú`: the owner and its verb (not `…, địa phương 29 tỷ`)
    whole = seg
    parts = re.split(r"(?<!đến)\s(?:với|bằng|gồm|trong đó)\s", seg)   # (not `khách du lịch đến với Quảng Bình`)
    seg = parts[-1]   # `… 54 dự án với tổng số vốn đăng ký`
    if len(parts) > 1 and (_FILLER_ONLY.match(seg.strip()) or _ONLY_A_RATE.fullmatch(seg.strip())):
        # nothing after `với` but the figure: the subject is before the verb that leads to it (`Thu từ hoạt
        # động xuất nhập khẩu cũng đóng góp đáng kể với trên 41.000 tỷ đồng`, `Khu vực công nghiệp chiếm tỷ
        # trọng lớn nhất với 46,58%`)
        lead = _VERB_BEFORE_WITH.match(parts[-2]) if not _RANKED.search(parts[-2]) else None
        if lead:
            seg = lead.group(1)
        elif re.search(r"\sbằng\s*$", whole) and not _FILLER_ONLY.match(parts[-2].strip()):
            seg = parts[-2]   # `ngành khai khoáng bằng 91,2%` (of the period before): what equals the figure
        elif _ONLY_A_RATE.fullmatch(seg.strip()) and re.search(r"\svới\s+(?:mức|tốc độ)", whole) \
                and not _FILLER_ONLY.match(parts[-2].strip()) and not _VERB_RE.search(parts[-2]):
            seg = parts[-2]   # `Chỉ số sản xuất ngành linh kiện điện tử với mức tăng gần 22%`: what rose
    seg = _DISCOURSE_LEAD.sub("", seg)   # `Bên cạnh đó trên địa bàn tỉnh vẫn còn …` (no comma after the connective)
    if " như " in seg:
        examples = list(_EXAMPLES_AFTER.finditer(seg))
        if examples and len(seg[examples[-1].end():].split()) >= 2 and not _names_owner(seg[examples[-1].end():]):
            seg = seg[examples[-1].end():]   # the example named right before its figure, not the group it is of
            # (places given as examples own the figure: `… chỉ số IIP tăng cao như Trà Vinh (40,5%)`)
    if "mục tiêu" in seg:
        aim = _AIM_SET.search(seg)
        if aim and seg[aim.end():].strip():
            seg = seg[aim.end():]   # `TP đặt mục tiêu phấn đấu tốc độ GRDP bình quân hằng năm`: what the aim is of
    if "được" in seg:
        given = _GIVEN_A_QUOTA.search(seg)
        if given and seg[given.end():].strip():
            seg = seg[given.end():]   # `Các đảng bộ trực thuộc đều được giao chỉ tiêu kết nạp`: the quota given
    seg = _UP_TO_LEAD.sub("", seg) if "ến" in seg[:12] or "ới" in seg[:12] else seg   # (`Tính đến ngày 15/5/2018 tiến độ …`)
    seg = _clean_np(seg)
    seg = _SUBJECT_LEAD.sub("", seg).strip()
    lead = [h for h in find_provinces(seg) if h[0] == 0]
    if lead:  # `Vĩnh Phúc tăng trưởng …`: the owner, not the indicator
        seg = _AIM_LEAD.sub("", seg[lead[0][1]:].strip())   # (`Bắc Kạn phấn đấu …`)
    seg = _PREPOSITION_CUT.sub("", seg).strip()
    seg = _strip_copula(seg)
    if len(parts) > 1 and seg.lower() in MEASURE_OF and whole[:len(whole) - len(parts[-1])].endswith(" với "):
        # `Phát triển cà phê đặc sản với diện tích là 1.120 ha`: the measure of the thing named before `với`
        measured = _measure_of_object(seg, parts[-2])
        if measured:
            return measured
    # `thành phố thu hút vốn đầu tư nước ngoài được hơn 129 triệu USD`; `tổng số hộ nghèo hiện còn 16.003/80.276 hộ`
    # (and a change averaged over the years it ends on: `ngành nông nghiệp, lâm nghiệp và thủy sản tăng bình quân`)
    seg = _AVERAGED_CHANGE_AT_END.sub("", seg) if seg.endswith("quân") else seg
    return re.sub(r"(?:\s+được|(?<!thực)(?<!phát)(?<!xuất)(?<!thể)\s+hiện(?:\s+nay|\s+tại)?)$", "", seg)


def clause_subject(seg: str) -> str:
    """The noun phrase that leads `seg` to what follows it, without owner, time or linking verb
    (public for the rules that look further back than the figure's own clause part)."""
    return _subject(seg)
