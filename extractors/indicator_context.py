"""The indicator a figure takes from its sentence and paragraph when its own clause names none.

Real articles write a figure's indicator once and then go on with linking words: `14.982/80.972 hộ
nghèo, chiếm tỷ lệ 18,50%`, `… tăng 7,2%, đứng thứ 5 cả nước`, `tiếp theo là huyện Ngân Sơn (25,11%)`,
`Hội Nhà văn (100%), Thanh tra Chính phủ (100%)`. The clause rules of `extractors.indicators` then give
a linking phrase, a place, a body or nothing. This stage sees such a weak indicator and puts in its
place, in order:

1. for a share stated right after a count (`… hộ nghèo, chiếm tỷ lệ 18,50%`): `tỷ lệ` + the counted noun;
2. for a rank, the index the sentence or paragraph names (`PCI`, `Chỉ số năng lực cạnh tranh cấp tỉnh`);
3. the indicator of the figure before it in the sentence (a restatement, a rank of that figure, the
   next item of a list);
4. an indicator of the lexicon named earlier in the sentence.

It does not take the indicator of an earlier sentence's figure: on the development passages that guess was
wrong 13 times in 17 (a new sentence mostly starts a new topic).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import lexicon
from extractors.cues import OF_TARGET_COMPARED, Needs
from extractors.endings import EndsWith
from extractors.entities import find_bodies
from extractors.gazetteer import find_places, find_provinces
from extractors.indicator_keys import known_indicator
from extractors.indicators import clause_subject
from extractors.record import Mention
from extractors.wordless import wordless
from extractors.normalize import UPPER, new_style_tones


def _alt(role: str, code: dict[str, str] | None = None) -> str:
    """The words of one role of extractors/lexicon/context_words.tsv as an alternation, a word that `code` names
    standing as its pattern there."""
    return lexicon.alternation("context_words", role, code=code)


# Phrases that only link a figure to what came before: never an indicator on their own.
_LINKING_CODE = {"tiếp theo": r"tiếp theo(?: là)?", "tiếp đến": r"tiếp đến(?: là)?",
                 "cao nhất": r"(?:cao|thấp) nhất(?: là)?", "đứng đầu": r"đứng đầu(?: là)?",
                 "cùng kỳ": r"cùng kỳ(?: trước| năm trước)?"}
_LINKING = re.compile(
    rf"^(?:(?:{_alt('link_verb')})\s+)?(?:{_alt('share_word')})?\s*(?:{_alt('share_link')})?$|"
    rf"^(?:{_alt('linking', _LINKING_CODE)})$", re.IGNORECASE)
_DISCOURSE_CODE = {")": r"\)"}
_DISCOURSE = re.compile(rf"^(?:{_alt('discourse', _DISCOURSE_CODE)})\b"
                        rf"|^(?:{_alt('bare_change')})$", re.IGNORECASE)  # a bare change: of the figure before
_BACK_REFERENCE = EndsWith(re.compile(rf"(?:^|\s)\w+\s(?:{_alt('back_reference')})$"),   # `mức thu này gấp 3,9 lần`: the
                           lexicon.role_words("context_words", "back_reference"))       # figure before's
# A name with the figure in brackets after it (`Hội Nhà văn (100%)`) owns the figure; it does not measure it.
_NAME_BRACKET = re.compile(r"(?<!\w)" + UPPER + r"[^,;()]*\(\s*$")
# `chiếm gần 32% tổng vốn FDI trong …`: the whole a share is of
# an item of a list named right before its figure in brackets (`…, điện gió (103%)`), in a list after `như`/`gồm`/`:`
_ITEM_IN_BRACKET = re.compile(r"(?:(?<!\w)như|(?<!\w)gồm|[:,;])\s+([^\W\d][^,;:()\d]{1,30}?)\s*\(\s*$")
_ITEMS_LISTED = re.compile(r"(?<!\w)(?:như|gồm)\s+[^;.]*$|:\s*[^;.]*$")
# the head of a list of owners and their figures in brackets, up to its colon (the last before the figure): `các Đảng
# bộ kết nạp đảng năm 2017 vượt chỉ tiêu gồm có:`, `Các huyện có tỷ lệ hộ nghèo cao là:`
_OWNERS_LIST_HEAD = re.compile(r"(?<!\w)[Cc]ác\s+(?i:đảng bộ|chi bộ|đơn vị|địa phương|huyện|xã|sở|ngành|cơ quan|tỉnh)"
                               r"(?:\s*,\s*(?:thị xã|thành phố|ngành|đơn vị|thị trấn|phường|xã|sở))*"
                               r"(?:\s+(?:trực thuộc|cơ sở))?\s+([^:;().]{3,100}?)\s*(?:(?:gồm|bao gồm)(?:\s+có)?|là|như)?\s*:[^:]*$")
# the rest of the owners listed: `đảng bộ còn lại`, `các địa phương còn lại`
_REST_OF_LIST = re.compile(r"(?:(?:các|những)\s+)?(?:đảng bộ|chi bộ|đơn vị|địa phương|huyện|xã|sở, ngành|cơ quan)"
                           r"(?:\s+[^\s]+){0,2}?\s+còn lại", re.IGNORECASE)


def _only_owners(words: str) -> bool:
    """Whether `words` are owners only, joined by `và` or commas: `Đảng bộ Bộ đội Biên phòng Tỉnh và huyện Hàm Tân`."""
    spans = [(b.start, b.end) for b in find_bodies(words)] + [(p.start, p.end) for p in find_places(words)]
    if not spans:
        return False
    left = list(words)
    for a, b in spans:
        left[a:b] = " " * (b - a)
    return re.fullmatch(r"[\s,]*(?:(?:và|,)[\s,]*)*", "".join(left)) is not None


_YEAR_IN_HEAD = re.compile(r"(?<!\w)(?:trong\s+)?năm\s+\d{4}(?!\w)")
_WHOLE_AFTER = re.compile(r"\s*((?:tổng|cơ cấu|dân số|số)\b[^,;:.()\d]{2,60}?)(?=\s+(?:trong|của|tại|trên|so với|cả nước|"
                          r"toàn quốc)\b|[,;:.()]|$)")
# `dẫn đầu cả nước về thu hút vốn đầu tư nước ngoài (FDI) với gần 3,2 tỉ USD`: what the figure is about
_GREW_WITH_RATE = re.compile(r"(?:^|[,;:]\s*)([^,;:.\d]{3,80}?)\s+với\s+(?:mức|tốc độ)\s+(?:tăng|giảm)[^,;:.\d]{0,40},?\s*"
                             r"(?:(?:tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*)?$")
_ABOUT_WITH = re.compile(r"(?<!\w)về\s+([^,;:.\d]{3,80}?)\s+với\s+(?:\S+\s+)?$")
# a place named right before its figure in a bracketed list: `(Sơn La 2,20%; Lai Châu 3,41%)`
_PLACE_LISTED = re.compile(r"[(;,]\s*(" + UPPER + r"[^\d(),;:]{1,30}?)\s*:?\s*$")
_RATE_NAMED = re.compile(rf"(?<!\w)((?:{_alt('rate_word')})\s+[^,;:()\d]{{2,60}}?)"
                         rf"(?=\s+(?:{_alt('rate_end')})(?!\w)|\s*[,;:(]|$)")
# a sentence that breaks down the one before: `Cụ thể, …`, `Trong đó, …`
_BREAKS_DOWN = re.compile(r"\s*(?:Cụ thể|Trong đó|Chi tiết)\s*[,:]")
_REACH = 1500   # characters around a figure that its context rules read
# Counted units that score or place an index: `66,39 điểm`, `tăng 1 bậc`.
_INDEX_UNITS = lexicon.role_words("context_words", "index_unit")
# a count's indicator that is what the counted do, not a noun: `đạt chuẩn nông thôn mới`, `được công nhận …`
_VERB_FIRST = re.compile(r"(?:(?:đã|được|đều)\s+)?(?:đạt|được|hoàn thành|thoát|tham gia|sử dụng|có)(?!\w)", re.IGNORECASE)
# numbers that only time a part (`6 tháng đầu năm`, `năm 2023`), not figures
_TIME_NUMBERS = re.compile(r"(?<!\w)(?:\d{1,2}\s+tháng|(?:năm\s+)?(?:19|20)\d{2})(?!\w)")
# `Khách Trung Quốc đến Khánh Hòa tiếp tục đứng đầu trong dòng khách quốc tế, đạt gần 1,8 triệu lượt`
_RANKED_FIRST = re.compile(r"\s+(?:(?:tiếp tục|vẫn|luôn)\s+)?(?:đứng đầu|dẫn đầu|đứng thứ|xếp thứ)(?!\w).*$")
_GREW = re.compile(r"\s+tăng trưởng(?:\s+(?:khá|mạnh|nhanh|cao|thấp|nhẹ|ổn định|tích cực))?\s*$")
# counted words that count times, not things: a share of such a count is a share of what its indicator names
_MEASURE_WORDS = {"lượt", "lượt khách", "lượt người", "lần", "lượt xe", "chuyến"}
_SHARE = re.compile(r"(?<!\w)(?:chiếm|đạt|bằng)?\s*(?:tỷ lệ|tỉ lệ)\s*$", re.IGNORECASE)
# The indexes a rank or a score measures: `Chỉ số hài lòng của người dân …`, `PAR INDEX` or `PARINDEX`.
_INDEXES_CODE = {"Chỉ số hiệu quả quản trị và hành chính công": r"Chỉ số hiệu quả quản trị và hành chính công(?: cấp tỉnh)?",
                 "Chỉ số hài lòng": r"Chỉ số hài lòng[^,;.()]{0,40}", "PAR INDEX": r"PAR ?INDEX", "Par Index": r"Par ?Index"}
_INDEXES = re.compile(rf"(?<!\w)(?:{_alt('index', _INDEXES_CODE)})(?!\w)")


# a rate named right after a percentage: `đã giảm 0,12% tỷ lệ hộ nghèo, tương đương 414 hộ`
_CHANGED_RIGHT_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:thêm|được|khoảng|gần|hơn|trên))?\s*$")
_RATE_AFTER = re.compile(r"\s*((?:tỷ|tỉ) lệ\s+[^,;.()\d]{2,50}?)(?=\s*(?:[,;.()]|$|\s(?:xuống|còn|từ|so|của|trên|tương|theo)\s))")


# a rank's clause that says only that it is held (`Đồng Tháp tiếp tục giữ vị trí thứ 2`): no index named
# a rank's subject that only says how high a change was: `…, mức tăng cao thứ hai của cả nước`
_LEVEL_ONLY = re.compile(r"(?:mức|tốc độ)\s+tăng(?:\s+trưởng)?(?:\s+(?:cao|thấp|nhanh|chậm))?(?:\s+nhất)?", re.IGNORECASE)
_HOLDS_ONLY = re.compile(r"(?:(?:tiếp tục|vẫn|đã|cũng|lần đầu|năm thứ \S+)\s+)*(?:giữ vững|giữ nguyên|giữ|duy trì|vươn lên|tụt|lọt vào|lọt|"
                         r"nằm trong|đứng|xếp)", re.IGNORECASE)
# a rank's clause that tells how a result led to it (`tăng 10,05%, vượt kế hoạch đề ra và đưa Hưng Yên vươn lên xếp thứ
# 7/63`, `tăng trưởng đạt kế hoạch, tuy nhiên thấp hơn bình quân chung cả nước và đứng vị trí 12/13`): it names no
# index; the figure before it does
_RESULT_LEADS_TO_RANK = re.compile(r"(?<!\w)(?:vượt kế hoạch|vượt chỉ tiêu|đạt kế hoạch|đưa|thấp hơn|cao hơn)(?!\w)",
                                   re.IGNORECASE)
# the amount a rank is by, right after it: `xếp thứ 2 với tổng vốn đầu tư đăng ký gần 2,21 tỷ USD`
_RANKED_BY = re.compile(r"\s*(?:cả nước\s+|toàn quốc\s+)?(?:là\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?" + UPPER + r"[^\W\d]*"
                        r"(?:\s+" + UPPER + r"[^\W\d]*){0,3}\s+)?"   # (its holder: `Đứng ở vị trí thứ hai là Khánh Hòa với`)
                        r"với\s+(?!(?:hơn|gần|khoảng|trên|đạt|là|mức)\s)((?:tổng\s+)?[^\W\d][^,;:.()\d]{2,60}?)\s+"
                        r"(?:(?:hơn|gần|khoảng|trên|đạt|là|tăng|giảm)\s+)*\d")
# a sentence that opens with a place and goes straight to its figure: `Bình Dương với hơn 1,382 tỷ USD`, `TP. Hồ Chí
# Minh đứng thứ 3 với …` (a list by place, one sentence each)
_PLACE_OPENS = re.compile(r"\s*(?:(?:TP\.?|Tp\.?|tỉnh|Tỉnh|thành phố|Thành phố)\s*)?(?:" + UPPER + r"[\wÀ-ỹ]*\s+){1,4}"
                          r"(?:(?:đứng|xếp)\s+(?:thứ\s+)?\S+\s+)?(?:với|đạt)\s+(?:(?:hơn|gần|khoảng|trên)\s+)?$")


# what a list of places with their figures is of: the noun phrase before `tập trung`, `cao nhất`, `là ở` …
_LIST_HEAD = re.compile(r"\s*(?:Trong đó,\s*)?([^\W\d][^,;:()\d]*?)\s+(?:tập trung|chủ yếu|cao nhất|thấp nhất|nhiều nhất|lớn nhất|"
                        r"là|ở|gồm|phân bố)(?!\w)")
_RANK_MOVE = re.compile(r"(?:(?:để|đã|lại|bị|vẫn|thứ hạng|hạng|và|bứt phá|ngoạn mục|tiếp tục)\s+)*(?:nhảy vọt|tụt(?:\s+hạng)?|vươn(?:\s+lên)?|thăng hạng|"
                        r"tăng hạng|giảm hạng|rơi xuống|lùi)(?:\s+(?:đáng kể|mạnh|nhẹ|khi|liên tiếp))*", re.IGNORECASE)


# (the patterns `weak` asks about every figure's indicator, compiled once)
_A_LETTER = re.compile(r"[^\W\d_]")
_DIGIT_OR_PER = re.compile(r"\d|^/|/(?:người|năm|tháng|ha|xã|hộ)(?!\w)")
_LINK_AT_END = EndsWith(re.compile(r"(?<!\w)(?:và|là|nhưng|hoặc|với|khi)$"), ("và", "là", "nhưng", "hoặc", "với", "khi"))
_IS_AT_END = Needs(re.compile(r"(?:^|\s)là\s+\S+$"), ("là",))
_THIS_IS = re.compile(r"(?:Đây|Đó|Điều này|Con số này)\s+(?:là|được|cũng)(?!\w)")


def weak(indicator: str | None, text: str = "", lo: int = 0, hi: int | None = None) -> bool:
    """An indicator that names nothing measured: a linking phrase, a place or body, a year, a name
    the text (its stretch `text[lo:hi]`) gives a figure in brackets after (`Hội Nhà văn (100%)`)."""
    if not indicator or not indicator.strip():
        return True
    if indicator.rstrip().endswith("("):
        return True   # `chỉ tiêu tỉnh giao cả năm (190 đảng viên)`: a clause cut at the bracket its figure opens
    if indicator.strip().lower() in _RATE_OF_NOTHING:
        return True   # `Ngành sản xuất điện … với tốc độ tăng 30,85%`: a rate, of what the clause named before
    ind = indicator.strip(" ,;:()-")
    if ind.lower() in _NO_MEASURE or _OF_A_REGION.match(ind):
        return True   # `xếp thứ 45/63 tỉnh thành (giảm 0,9 điểm …)`: `thành`; `của khu vực Tây Nguyên`: the field ranked in
    if not ind or not _A_LETTER.search(ind) or _DIGIT_OR_PER.search(ind) or _LINKING.match(ind) \
            or _DISCOURSE.match(ind) or _BACK_REFERENCE.search(ind):
        return True
    if _RUNNING_TOTAL_ONLY.fullmatch(ind):
        return True   # `…, lũy kế 9 tháng ước thực hiện 11.671 tỷ đồng`: the running total of what the sentence measured
    if _RANK_MOVE.fullmatch(ind):
        return True   # `nhảy vọt 8 bậc`, `thứ hạng lại tụt`, `để tụt hạng đáng kể khi`: a move in a ranking, of the index
    if _LINK_AT_END.search(ind) or _IS_AT_END.search(ind) or _THIS_IS.match(ind):
        return True   # `… và`, `… nhưng`, `Đây là xã`, `Vĩnh Công là xã`: a clause cut short
    places = sorted([(a, b) for a, b, _ in find_provinces(ind)] + [(b.start, b.end) for b in find_bodies(ind)])
    if places:
        # a place or body is no indicator, but a measure of a place named after a preposition is:
        # `tổng khách du lịch đến Quảng Ninh` (not `dự toán HĐND tỉnh giao`, `và Trà Vinh tăng nhiều nhất`)
        head = ind[:places[0][0]]
        if _RATE_OF_GROUP.fullmatch(head) and len(ind[places[-1][1]:].split()) >= 2:
            return False   # `tỷ lệ Đảng bộ xã biên giới hoàn thành tốt nhiệm vụ`: a share of the bodies that did something
        tail = re.match(r"(?:(?:tỉnh|thành phố|TP\.?|huyện|thị xã)\s+)?$", ind[places[0][1]:].strip()) if len(places) == 1 else None
        if not (tail and re.search(r"\S+\s+\S+.*\s(?:đến|tại|của|ở|vào|qua)\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|thị xã|[Cc]ảng|[Cc]ửa khẩu)\s+)?$", head)
                and not re.match(r"\s*(?:và|hoặc|,)", head)):
            return True
    hi = len(text) if hi is None else min(hi, len(text))
    return lo < hi and ind[:1].isupper() and _before_a_bracketed_number(ind, text, lo, hi)


_RUNNING_TOTAL_ONLY = re.compile(r"(?:lũy kế|luỹ kế|cộng dồn)(?:\s+(?:ước|tính|đạt|thực hiện|được))*", re.IGNORECASE)
_RATE_OF_GROUP = re.compile(r"\s*(?:tỷ lệ|tỉ lệ|số|tổng số|số lượng)\s*", re.IGNORECASE)
# the field a place is ranked in, left as a figure's indicator by a clause cut after it
_ONLY_A_FIELD = {"thành", "tỉnh", "tỉnh thành", "tỉnh, thành", "tỉnh, thành phố", "thành phố", "huyện", "xã",
                 "cả nước", "toàn quốc", "khu vực", "vùng"}
# a score with no index named (`với số điểm 36,72 điểm`, `có số điểm đánh giá là 69,19 điểm`): of the index named before
_ONLY_POINTS = {"số điểm", "số điểm đánh giá", "điểm số", "tổng điểm", "điểm", "tổng số điểm"}
_NO_MEASURE = frozenset(_ONLY_A_FIELD | _ONLY_POINTS)
_OF_A_REGION = re.compile(r"(?:của|trong)\s+(?:khu vực|vùng)\s", re.IGNORECASE)
_RATE_OF_NOTHING = {"tốc độ", "tốc độ tăng", "mức tăng", "mức", "mức giảm", "tốc độ tăng trưởng bình quân"}
# a rate said only by how it went: `với mức tăng trưởng mạnh trở lại, tăng 8,35%`
_RATE_SAID_HOW = re.compile(r"(?:mức|tốc độ)\s+(?:tăng|giảm)(?:\s+trưởng)?(?:\s+(?:khá|rất|mạnh|cao|nhanh|chậm|thấp|"
                            r"ấn tượng|trở lại|tích cực|ổn định|đều|tốt))+", re.IGNORECASE)
_BRACKETED_NUMBER = re.compile(r"\s*\(\s*\d")


def _before_a_bracketed_number(ind: str, text: str, lo: int = 0, hi: int | None = None) -> bool:
    r"""`re.search(re.escape(ind) + r"\s*\(\s*\d", text[lo:hi]) is not None`, without a pattern compiled for each
    indicator: each place `ind` is written (overlapping ones too), then the bracket after it (the stretch read in
    place, not copied)."""
    hi = len(text) if hi is None else hi
    k = text.find(ind, lo, hi)
    while k >= 0:
        if _BRACKETED_NUMBER.match(text, k + len(ind), hi):
            return True
        k = text.find(ind, k + 1, hi)
    return False


def _names_the_owner(indicator: str | None, entity: str | None) -> bool:
    """An indicator that only repeats the figure's owner: `Tuyên Hóa 4,5-5,0%` in a list by district."""
    if not indicator or not entity:
        return False
    ind, ent = _owner_form(indicator), _owner_form(entity)
    ind = _DONE_AT_END.sub("", ind)   # (`Đồng Hới thực hiện 1.003,3 ha`: the place and the verb that leads to its figure)
    return len(ind) >= 3 and ent.endswith(ind) and _LOWER_LETTER.search(ind) is not None


@lru_cache(maxsize=4096)
def _owner_form(x: str) -> str:
    """An indicator or owner as `_names_the_owner` compares them: new-style tones, lower case, no kind of unit before
    the name (the same few owners come back figure after figure: each is read once)."""
    return _ADMIN_PREFIX.sub("", new_style_tones(x.strip(" ,;:()")).lower())


# `tương ứng là:`, `lần lượt là`, then only the list's figures and what separates them up to the figure
_RESPECTIVELY = re.compile(r"(?<!\w)(?:tương ứng|lần lượt)(?:\s+(?:là|đạt|với|chiếm))?\s*:?\s*")
_LIST_SO_FAR = re.compile(r"(?:[\d.,]+\s*%\s*(?:[-–—;,]|và)?\s*)*")
_LIST_OF_SHARES = re.compile(r"\s*[\d.,]+\s*%(?:\s*(?:[-–—;,]|và)\s*[\d.,]+\s*%)*")
# the whole the parts are of, before the first part: `Tỷ trọng các ngành`, `Cơ cấu kinh tế`, `Cơ cấu các ngành`
_WHOLE_BEFORE_PARTS = re.compile(r"^.*?((?:[Cc]ơ cấu(?:\s+kinh tế)?|[Tt][ỷỉ] trọng)(?:\s+(?:các\s+)?(?:ngành|khu vực|lĩnh vực))?)"
                                 r"\s+(\S.*)$")
_ROMAN = re.compile(r"[IVX]+")
# what opens a bracket that gives the same parts again: `(kế hoạch là `, `(năm 2021 lần lượt là: `, `(cùng kỳ: `
_PLAN_OR_TIME_OPENS = re.compile(r"\s*(?:kế hoạch|KH|chỉ tiêu|cùng kỳ|năm\s+\d{4})[^()\d%]{0,30}?(?:là|:)\s*:?\s*")


def _respective_part(m: Mention, text: str, s_start: int, done: list[Mention]) -> str | None:
    """The part a percentage stands for in a list of shares given in turn after the parts named in turn, or None."""
    before = text[s_start:m.start]
    opened = before.rfind("(")
    if opened > before.rfind(")") and (named := _PLAN_OR_TIME_OPENS.match(before, opened + 1)) \
            and _LIST_SO_FAR.fullmatch(before, named.end()):
        # `… tương ứng là 63,99% - 23,68% - 3,74% - 8,59% (kế hoạch là 63,4% - 23,7% - 3,9% - 9%)`: the bracket's list
        # gives the same parts in the same order
        shares = _LIST_OF_SHARES.match(text, s_start + named.end())
        total = shares.group(0).count("%") if shares else 0
        listed = [d for d in done if s_start <= d.start < s_start + opened
                  and d.extra.get("indicator_source") == "context: the part named in turn"]
        k = before.count("%", named.end())
        if total and len(listed) >= total and k < total:
            return listed[-total:][k].indicator
        return None
    marks = list(_RESPECTIVELY.finditer(before))
    if not marks or not _LIST_SO_FAR.fullmatch(before, marks[-1].end()):
        return None
    mark = marks[-1]
    shares = _LIST_OF_SHARES.match(text, s_start + mark.end())
    if shares is None:
        return None
    total = shares.group(0).count("%")
    k = before.count("%", mark.end())
    head = re.split(r"[.;:()]", before[:mark.start()])[-1]
    head = re.sub(r"\s+(?:với\s+)?(?:t[ỷỉ] trọng|cơ cấu)\s*$", "", head.strip())
    chunks = [c.strip() for c in re.split(r"\s*[-–—]\s*", head)]
    whole = _WHOLE_BEFORE_PARTS.match(chunks[0]) if len(chunks) == total > 1 else None
    if whole is None:
        return None
    parts = [whole.group(2), *chunks[1:]]
    if k >= len(parts) or any(not p or _ROMAN.fullmatch(p) or len(p) < 3 for p in parts):
        return None   # (`Cơ cấu kinh tế khu vực I - II - III tương ứng là …`: the parts have no names of their own)
    return f"{whole.group(1)}: {parts[k]}"


_DONE_AT_END = EndsWith(re.compile(r"\s+(?:thực hiện|đạt|có|là|được)$"), ("thực hiện", "đạt", "có", "là", "được"))
_ADMIN_PREFIX = re.compile(r"^(?:tp\.?|thành phố|huyện|thị xã|tỉnh|quận)\s*")
_LOWER_LETTER = re.compile(r"[a-zđà-ỹ]")


def repair(m: Mention, text: str, s_start: int, paragraph_start: int, done: list[Mention],
           title: str | None = None, prev_sentence: str | None = None) -> None:
    """Give `m` an indicator from its context when the clause rules gave a weak one (see the module's
    docstring); `done` holds the document's mentions before it, already attributed."""
    if m.extra.get("indicator_source") in ("label", "criteria"):
        # a label the text gives the figure (`- Thu ngân sách: …`, a criterion before its score in brackets), the
        # criteria a group reached (`2 xã đạt từ 15 đến 18 tiêu chí`: numbers of its own, which `weak` would refuse)
        return
    before = text[s_start:m.start]
    if m.kind == "percent" and _CHANGED_RIGHT_BEFORE.search(before[-16:]) \
            and (rate := _RATE_AFTER.match(text, m.end, m.end + 80)) and not weak(rate.group(1)):
        # `…, giảm 1% tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều`: the rate named right after the change
        m.indicator, m.extra["indicator_source"] = rate.group(1).strip(), "context: rate named after"
        return
    if m.kind == "percent" and ("tương ứng" in before or "lần lượt" in before):
        part = _respective_part(m, text, s_start, done)
        if part:
            # `Tỷ trọng các ngành nông lâm thuỷ sản - công nghiệp xây dựng - thương mại dịch vụ tương ứng là: 64,1% -
            # 29,4% - 6,5%`: each figure of the list is the part named in the same place
            m.indicator, m.extra["indicator_source"] = part, "context: the part named in turn"
            return
    item = _ITEM_IN_BRACKET.search(before[-60:]) if before.rstrip().endswith("(") else None
    if item and item.group(1).islower() and not item.group(1).startswith(("gồm ", "như ", "và ", "với ")) \
            and text.startswith(")", m.end) \
            and _ITEMS_LISTED.search(before[-200:].rstrip()[:-1]):
        # `Một số mặt hàng tăng đột biến như giày da (160%), điện gió (103%), xi măng (300%)`: each item its figure
        m.indicator, m.extra["indicator_source"] = item.group(1).strip(), "context: the item listed"
        return
    if item and text.startswith(")", m.end) and not item.group(1).islower() and ":" in before[-400:] \
            and (find_places(item.group(1)) or find_bodies(item.group(1))):
        head = _OWNERS_LIST_HEAD.search(before[-400:])
        measure = " ".join(_YEAR_IN_HEAD.sub(" ", head.group(1)).split()) if head else ""
        if measure and not weak(measure):
            # `các Đảng bộ kết nạp đảng năm 2017 vượt chỉ tiêu gồm có: Công an tỉnh (158,18%); huyện Phú Quý
            # (120,83%)`: each owner listed its figure of what the list's head says they did
            m.indicator, m.extra["indicator_source"] = measure, "context: owners listed"
            return
    if done and m.indicator and m.start - done[-1].end < 300 and done[-1].indicator \
            and any(d.extra.get("indicator_source") == "context: owners listed" and d.indicator == done[-1].indicator
                    for d in done[-8:]) \
            and (_REST_OF_LIST.fullmatch(m.indicator) or _only_owners(m.indicator)):
        # the list goes on past its brackets: `…; Đảng bộ Bộ đội Biên phòng Tỉnh và huyện Hàm Tân đạt 100%. Các đảng bộ
        # còn lại đạt trên 80% chỉ tiêu kế hoạch`
        m.indicator, m.extra["indicator_source"] = done[-1].indicator, "context: owners listed"
        return
    if m.kind == "percent" and m.indicator and _RATE_SAID_HOW.fullmatch(m.indicator.strip()) and "với" in before[-160:] \
            and (grew := _GREW_WITH_RATE.search(before[-160:])):
        # `Đóng góp vào sự tăng trưởng cao là lĩnh vực dịch vụ với mức tăng trưởng mạnh trở lại, tăng 8,35%`: what
        # grew, before `với`
        part = grew.group(1).split(" là ")[-1].strip()
        if part and not weak(part):
            m.indicator, m.extra["indicator_source"] = part, "context: what grew"
            return
    if _nothing_to_repair(m, text, before, s_start, done):
        return
    # what the rules look at around the figure, bounded so that a document's cost stays linear in its length
    near = (text, max(paragraph_start, m.start - _REACH), m.end + _REACH)   # (`weak` reads it in place)
    named = _NAME_BRACKET.search(before[-80:]) if before[-80:].rstrip().endswith("(") else None   # (it ends so)
    listed = _PLACE_LISTED.search(before[-60:])
    if listed and find_places(listed.group(1), comparisons=True):
        # `… tăng 4,2%, khá so với các tỉnh trong khu vực (Sơn La 2,20%; Lai Châu 3,41%)`: the places' figures
        # of the indicator the bracket compares
        paren = before.rfind("(")
        outside = [d for d in done[-20:] if s_start <= d.start and d.end <= s_start + paren] if paren >= 0 else []
        if outside and not weak(outside[-1].indicator, *near):
            m.indicator, m.extra["indicator_source"] = outside[-1].indicator, "context: compared places"
            return
    # a rank whose clause gives one word only (`giữ vị trí số 10`, `vươn lên vị trí thứ 9`) names no index
    bare_rank = m.kind == "rank" and m.indicator is not None and (len(m.indicator.split()) == 1
                                                                  and not m.indicator.isupper()
                                                                  or _HOLDS_ONLY.fullmatch(m.indicator) is not None
                                                                  or _LEVEL_ONLY.fullmatch(m.indicator) is not None
                                                                  or _RESULT_LEADS_TO_RANK.search(m.indicator) is not None)
    if not weak(m.indicator, *near) and not bare_rank \
            and not (named and m.indicator and m.indicator.strip() in named.group(0)) \
            and not _names_the_owner(m.indicator, m.entity):
        return
    sprev = done[-1] if done and done[-1].start >= s_start else None   # the figure before, in this sentence
    found, source = None, None
    of_target = OF_TARGET_COMPARED.match(text[m.end:m.end + 30])
    if m.kind == "percent" and sprev is not None and _SHARE.search(text[sprev.end:m.start]) and not of_target \
            and sprev.unit and sprev.kind in ("quantity", "fraction") and not re.search(r"\d", sprev.unit):
        ind, unit = sprev.indicator or "", sprev.unit
        counted = re.match(r"(?:tổng\s+)?số\s+(?:lượng\s+)?", ind, re.IGNORECASE)
        if counted and ind[counted.end():].lower().startswith(unit.lower()):
            ind = ind[counted.end():]   # `Tổng số hộ nghèo: 13.867 hộ; chiếm tỷ lệ 17,02%`: the share of `hộ nghèo`
        if ind.lower().startswith(unit.lower()):
            noun = ind   # `hộ nghèo` (the count's indicator) over the bare `hộ`
        elif ind and unit.lower() not in ind.lower() and len(ind.split()) <= 8 and _VERB_FIRST.match(ind):
            noun = f"{unit} {ind}"   # `97/97 xã đạt chuẩn nông thôn mới, đạt tỉ lệ 100%`: `xã đạt chuẩn …`
        elif ind and unit.lower() in _MEASURE_WORDS and not weak(ind, *near):
            noun = ind   # `Khách quốc tế đạt 1,2 triệu lượt, chiếm tỉ lệ 36,8%`: the share of international visitors
        else:
            noun = unit
        word = "tỉ lệ" if "tỉ lệ" in text[sprev.end:m.start].lower() else "tỷ lệ"   # as the text spells it
        found, source = f"{word} {noun}", "share of the count before"
    rate_after = _RATE_AFTER.match(text[m.end:m.end + 80]) if found is None and m.kind == "percent" else None
    if rate_after and not weak(rate_after.group(1), *near):
        found, source = rate_after.group(1).strip(), "rate named after"  # `đã giảm 0,12% tỷ lệ hộ nghèo`
    if found is None and m.kind == "percent" and re.search(r"(?<!\w)chiếm\s+(?:\S+\s+)?$", before[-20:]):
        whole = _WHOLE_AFTER.match(text[m.end:m.end + 90])
        if whole and sprev is not None and sprev.kind in ("quantity", "fraction") and sprev.unit and sprev.indicator \
                and sprev.unit.lower() in whole.group(1).lower() and len(sprev.indicator.split()) > len(sprev.unit.split()) \
                and not re.search(r"[;.]", text[sprev.end:m.start]):
            # `có 15/36 trường học đạt chuẩn Quốc gia mức độ 1, chiếm 41,6% tổng số trường học`: the share the count
            # before is of that whole
            found, source = sprev.indicator, "share of the count before"
        elif whole:
            found, source = whole.group(1).strip(), "the whole it is a share of"
    if found is None:
        about = _ABOUT_WITH.search(before[-160:]) if "với" in before[-160:] else None   # (it holds `với`)
        if about:
            found, source = about.group(1).strip(), "what the figure is about"
    if found is None and (m.kind == "rank" or m.kind == "quantity" and m.unit in _INDEX_UNITS):
        hits = list(_INDEXES.finditer(text[max(paragraph_start, m.start - _REACH):m.start])) \
            or list(_INDEXES.finditer(text[max(0, m.start - 4 * _REACH):m.start])) or list(_INDEXES.finditer(title or ""))
        if hits:
            # the index's short name where the text gives both (`Trong PCI năm nay, … về chỉ số năng lực cạnh
            # tranh cấp tỉnh. … tăng 2,49 điểm`): the name a researcher looks an index up by
            short = [h for h in hits if h.group(0).replace(" ", "").isupper()]
            found, source = (short or hits)[-1].group(0), "index named before"
    if found is None and m.kind == "rank" and before.lstrip().startswith("(") and done and done[-1].indicator \
            and done[-1].start < s_start and not weak(done[-1].indicator, *near) \
            and not re.search(r"[.!?]\s*\S", text[done[-1].end:s_start].rstrip()[:-1]):
        # `… tăng 10,55% đạt cao so với các tỉnh cùng khu vực. (xếp thứ 3/14 tỉnh …)`: a bracket that goes on from the
        # sentence before ranks its last figure
        found, source = done[-1].indicator, "figure before the bracket"
    if found is None and m.kind == "rank":
        # `Hải Phòng xếp thứ 2 với tổng vốn đầu tư đăng ký gần 2,21 tỷ USD`: a rank by the amount named after it
        by = _RANKED_BY.match(text[m.end:m.end + 120])
        if by and not weak(by.group(1), *near):
            found, source = by.group(1).strip(), "what the rank is by"
    if found is None and m.kind == "rank" and sprev is not None and sprev.kind == "rank" \
            and not weak(sprev.indicator, *near) and not re.search(r"[.;]", text[sprev.end:m.start]):
        # `Từ vị trí thứ 18 về thu hút vốn FDI …, tỉnh đã bứt phá vươn lên vị trí thứ 5`: a move from one place to
        # another in the same ranking
        found, source = sprev.indicator, "rank before"
    if found is None and sprev is not None and not weak(sprev.indicator, *near) \
            and not re.search(r"[.;]", text[sprev.end:m.start]) and len(text[sprev.end:m.start].split()) <= 12:
        found, source = sprev.indicator, "figure before"
    if found is None and sprev is None and _PLACE_OPENS.match(before) and find_places(before):
        # `Bắc Giang thu hút được hơn 1,763 tỷ USD … . Bình Dương với hơn 1,382 tỷ USD`: a list by place, one
        # sentence each; the figure of the sentence before in the same paragraph, of the same kind and unit
        for d in reversed(done[-6:]):
            if d.start < max(paragraph_start, s_start - 400) or "\n" in text[d.end:s_start]:
                break
            if d.kind == m.kind and (d.unit or "") == (m.unit or "") and not weak(d.indicator, *near):
                found, source = d.indicator, "the place listed before"
                break
    if found is None:
        clause = before[before.rfind(";") + 1:]
        # (its own clause's, not past `;`, unless that clause is an item of a list by place: `…; huyện Lệ Thủy
        # 10.685,5 ha`, `…; tiếp đến là Bình Dương với 22,51 tỷ USD`)
        from_lexicon = known_indicator(clause if len(clause.split()) > 4 and not find_places(clause) else before,
                                       whole=True)
        if from_lexicon:
            found, source = from_lexicon, "lexicon in the sentence"
    if found is None:
        # `GRDP bình quân hàng năm (giai đoạn 2021-2023) tăng khá, ước đạt 9,69%`: the subject of the part
        # before a part that only links (`ước đạt`), in the same clause
        parts = re.split(r",", re.split(r"[;:]", before)[-1])
        verb = re.search(r"\s+(?:tăng|giảm)(?:\s+(?:khá|mạnh|nhanh|cao|thấp|nhẹ))?\s*$", parts[-2]) if len(parts) > 1 else None
        if verb and weak(clause_subject(parts[-1])):
            subject = clause_subject(parts[-2][:verb.start()])
            if subject and not weak(subject, *near) and len(subject.split()) <= 8:
                found, source = subject, "subject before the link"
        elif len(parts) > 1 and len(parts[-1].split()) <= 3 and weak(clause_subject(parts[-1])) \
                and not re.search(r"\d", _TIME_NUMBERS.sub(" ", parts[-2])):
            # `Trong đó, tăng mạnh nhất là việc thu thuế xuất nhập khẩu, đạt 127 tỷ đồng`, `tỉnh đạt mức tăng
            # trưởng cao, ước tăng 9,46%`: a part that only links takes what the part before it names
            named_obj = re.search(r"(?<!\w)(?:là|đạt|có)\s+(?!\d)([^,]+)$", parts[-2])
            # `Kinh tế của tỉnh … 6 tháng đầu năm tăng trưởng khá, ước đạt 6,91%`: what grew
            grew = None if named_obj else (_GREW.search(parts[-2]) or _RANKED_FIRST.search(parts[-2]))
            subject = named_obj.group(1).strip() if named_obj else \
                clause_subject(parts[-2][:grew.start()] if grew else parts[-2])
            if subject and not weak(subject, *near) and len(subject.split()) <= 8 \
                    and not re.fullmatch(r"(?:[Tt]rong\s+)?(?:đó|này|ấy|số này)", subject):
                found, source = subject, "subject before the link"
    if found is None and m.kind in ("percent", "fraction"):
        # `Một số Bộ và cơ quan có tỷ lệ giải ngân đạt cao gồm: Hội Nhà văn (100%), …`: the rate the sentence names
        rates = list(_RATE_NAMED.finditer(before))
        if rates and not weak(rates[-1].group(1), *near):
            found, source = rates[-1].group(1).strip(), "rate named in the sentence"
    if found is None and named and ":" in before:
        # `Diện tích hồ tiêu tập trung nhiều nhất là ở các huyện: Đắk Song (13.984 ha), …`: places listed with their
        # figures in brackets, after what the sentence says they have most of
        head = _LIST_HEAD.match(before[:before.rfind(":")].split(";")[-1])
        if head and not weak(head.group(1), *near) and len(head.group(1).split()) <= 8:
            found, source = head.group(1).strip(), "what the places listed have"
    if found is None and prev_sentence and _BREAKS_DOWN.match(before):
        # `… phấn đấu giảm tỷ lệ hộ nghèo năm 2017 cho các huyện. Cụ thể, huyện Minh Hóa giảm từ 6,5-7,2%; Tuyên
        # Hóa 4,5-5,0%`: a breakdown by owner of what the sentence before named
        named_before = known_indicator(prev_sentence, whole=True)
        if named_before:
            found, source = named_before, "the sentence broken down"
    if found is not None:
        m.indicator = found
        m.extra["indicator_source"] = f"context: {source}"
    elif _names_the_owner(m.indicator, m.entity):
        m.indicator = None   # the owner, which is no indicator



def _nothing_to_repair(m: Mention, text: str, before: str, s_start: int, done: list[Mention]) -> bool:
    """Whether `repair` surely leaves `m` as it is because every one of its rules needs a word that is not there: the
    sentence up to the figure holds no letter and neither do the figure's indicator and the indicator of the figure
    before it in the sentence (so both are weak, and neither names the owner); the figure is no rank nor score (whose
    index is looked for before the sentence) and no percentage with a rate named right after it. A figure-dense run
    without letters (`1% 1% …`) is then not read rule by rule (tests/test_fast_paths.py compares it with reading it)."""
    if m.kind == "rank" or m.kind == "quantity" and m.unit in _INDEX_UNITS or not wordless(before) \
            or not wordless(m.indicator or ""):
        return False
    sprev = done[-1] if done and done[-1].start >= s_start else None
    if sprev is not None and not wordless(sprev.indicator or ""):
        return False
    return m.kind != "percent" or _RATE_AFTER.match(text[m.end:m.end + 80]) is None


# Counted nouns written short (`kết nạp 241 ĐV`): the indicator says what they stand for, so that
_ONLY_RECEIVED = {"đón", "đón được", "thu hút", "thu hút được", "ước đón", "đón tiếp", "phục vụ"}
# `kết nạp ĐV` and `kết nạp đảng viên` are one indicator.
_SHORT = {r["abbreviation"]: r["means"] for r in lexicon.rows("abbreviations") if r["counted"] == "yes"}


def spell_out(indicator: str | None, unit: str | None) -> str | None:
    """The indicator built on a count whose noun is written short, with that noun spelled out:
    `kết nạp 241 ĐV` -> `kết nạp đảng viên` (an abbreviation the text itself writes inside a phrase,
    `Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ`, stays as written)."""
    if indicator and unit and unit.startswith("lượt ") and f" {unit}" in f" {indicator}" \
            and not re.search(rf"(?<!\w)(?:tổng|số)\s+{re.escape(unit)}", indicator, re.IGNORECASE):
        # `đón 520.000 lượt khách`: the indicator counts visitors (`đón khách`), the unit their visits (not a
        # subject that names the visits: `tổng lượt khách tham quan, du lịch … đạt`, `tổng số lượt khách lưu trú`)
        at = f" {indicator}".find(f" {unit}")
        if indicator[:at].strip().lower() in _ONLY_RECEIVED:
            # `đón 82.646 lượt khách du lịch`: the visits as written (`lượt khách du lịch`), the verb that only
            # receives them left out (development: 14 indicators more right than `đón khách du lịch`; the annotators
            # who keep to the phrase as written write the visits)
            indicator = indicator[at:].strip()
        else:
            indicator = indicator.replace(unit, unit[len("lượt "):])
    short = (unit or "").split()[0] if unit else ""
    if not indicator or short not in _SHORT:
        return indicator
    return re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", _SHORT[short], indicator)
