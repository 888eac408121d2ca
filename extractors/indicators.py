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

from extractors.cues import OF_TARGET_COMPARED, PAREN_TARGET, led
from extractors.endings import EndsWith
from extractors.gazetteer import find_provinces
from extractors.indicator_keys import INDICATOR_NAMES, INDICATORS, KEY_ALIASES, indicator_key, known_indicator
from extractors.record import Mention
from extractors.units import MEASURES_LOWER
from extractors.wordless import wordless
from extractors.indicator_counts import _PEOPLE, _counted
from extractors.indicator_phrases import (ACTION_VERBS, _AFTER_VERBS, _CHANGE_OF_BEFORE, clause_subject,
    _COMPARES_BEFORE, _CONTINUES, _coordinated_tail, _CURRENCY, _ENDS_WITH_COPULA, _FILLER_ONLY, _GENERIC_SUBJECT,
    HAS_AT_END, _HAS_PREDICATE, _hedged_subject, _is_participant, _joined_subject, _LEAD_TRIM, _modifiers,
    _named_right_before, _names_owner, _NOT_A_NOUN_START, _only_target_words, _overlap, _PAREN_RESTATES,
    MEASURE_OF, PARTICIPANTS, _PREPOSITION_CUT, _RESTATES, _SAID_AGAIN, _same_group, _SHARED_PREDICATE, _subject, _TAKES_TARGETS,
    _TARGET_UNITS, _topic, _VERB_ALT, _verb_phrase, _ws)
from extractors.normalize import UPPER

# (`ACTION_VERBS`, `_TARGET_UNITS`, `_TAKES_TARGETS` and `clause_subject` live in extractors/indicator_phrases.py;
# imported here for the modules and tests that read them from here)
# the lexicon's indicators and their keys live in extractors/indicator_keys.py; imported from here by the checks,
# the store and the views
__all__ = ["INDICATORS", "INDICATOR_NAMES", "KEY_ALIASES", "indicator_key", "indicator_of"]


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

# what a top group leads in, after it: `… dẫn đầu toàn quốc về chỉ số PCI`, `… có chất lượng điều hành tốt nhất`
_TOP_IN = re.compile(r"\s*(?:,?\s*thành(?:\s+phố)?\s+)?(?:(?:dẫn đầu|đứng đầu)(?:\s+(?:của\s+)?(?:cả nước|toàn quốc))?\s+về\s+([^,;:.()]{3,80}?)(?=\s*[,;:.()]|\s+(?:năm|và)\s|$)|"
                     r"có\s+([^,;:.()\d]{3,60}?)\s+(?:cao|tốt|lớn|nhiều|thấp|nhanh)\s+nhất)")

def indicator_of(m: Mention, text: str, s_start: int, cs: int, ce: int, done: list[Mention],
                 prev_sentence: str | None = None) -> str | None:
    """The indicator of mention `m`, whose clause is text[cs:ce] and sentence starts at `s_start`;
    `done` holds the document's mentions before it, already attributed."""
    ind, source = _indicator(m, text, s_start, cs, ce, done, prev_sentence)
    if (ind is None or ind.lower() in ("lũy kế", "luỹ kế", "cộng dồn")) and cs == s_start \
            and _NAMES_NOTHING.fullmatch(text, cs, m.start):
        same = _first_of_sentence_before(m, done)
        if same is not None:
            # `Tổng mức bán lẻ … tháng qua ước đạt hơn 8.000 tỷ đồng. Đầu năm đến nay, ước tính đạt 78.591 tỷ đồng`:
            # a sentence that names nothing goes on with what the sentence before measured
            ind, source = same.indicator, "inherited"
    if m.start - s_start < 600 and text.find(":", s_start, m.start) >= 0 and text.find(" các ", s_start, m.start) >= 0 \
            and (ind is None or _only_a_place(ind) or ind[:1].isupper() and len(ind.split()) <= 3):
        listed = _BY_PLACE_LIST.match(text, s_start, m.start)
        if listed:
            # `Diện tích lúa đã thu hoạch tập trung chủ yếu ở các huyện: Yên Khánh 7,7 nghìn ha; Yên Mô …`: a list by
            # place after what it measures
            head = _subject(listed.group(1))
            if head and not _FILLER_ONLY.match(head):
                ind, source = head, "label"
    if ind and done and done[-1].indicator and (
            _THIS_FIGURE.search(ind) and done[-1].extra.get("sentence_index")
            in (m.extra.get("sentence_index"), (m.extra.get("sentence_index") or 0) - 1)
            or ind.strip().lower() in _ADDED_UP and done[-1].extra.get("sentence_index") == m.extra.get("sentence_index")):
        # `… chỉ đạt 121,65 triệu USD. Con số này giảm 40,5% so với cùng kỳ`: the figure before, named again
        ind, source = done[-1].indicator, "inherited"
    comma = text.rfind(",", cs, m.start) if text.find("iêng", cs, m.start) >= 0 else -1
    if comma >= 0 and m.kind in ("percent", "quantity") and done and done[-1].indicator \
            and re.match(r"(?:tỷ|tỉ) lệ\s", done[-1].indicator, re.IGNORECASE) \
            and s_start <= done[-1].start and done[-1].end <= comma \
            and _SUBGROUP_CHANGE.fullmatch(text, comma, m.start) and not known_indicator(text[comma:m.start]):
        # `tỷ lệ hộ nghèo giảm đạt trên 4,2%, riêng đối với các huyện và các xã nghèo giảm trên 6%`: a subgroup's share
        # of the same measure
        ind, source = done[-1].indicator, "inherited"
    if m.kind == "quantity" and m.unit and source == "inherited" and ind and not ind.startswith("nhân khẩu") and done \
            and done[-1].start >= s_start \
            and done[-1].kind == "quantity" and _WITH_ONLY.fullmatch(text, done[-1].end, m.start):
        # `thành lập 46 chi bộ, đảng bộ với 1.558 đảng viên`: what the things counted before hold, not the act
        ind, source = m.unit, "unit"
    if (m.unit or "").startswith("tiêu chí") and _GROUP_REACHED.search(text, max(s_start, m.start - 40), m.start):
        ind, source = m.unit, "unit"   # `2 xã đạt từ 15 đến 18 tiêu chí`: the criteria, whatever the list after says
    head = _POPULATION_HAS.search(text, max(cs, m.start - 80), m.start) if source == "unit" else None
    if head:
        ind, source = head.group(1), "subject"   # `dân số toàn tỉnh có 319.000 người`: the population, not its noun
    group = _IS_A_GROUP.match(text, m.end, m.end + 80) if m.kind == "quantity" and m.unit in _PEOPLE_COUNTED else None
    if group and source in ("unit", "inherited", "verb"):
        # `hơn 212.000 người là đồng bào dân tộc thiểu số`: the counted and the group they are
        ind, source = f"{m.unit} là {group.group(1).strip()}", "after"
    criteria = _CRITERIA_REACHED.match(text, m.end, m.end + 60) if m.kind == "quantity" and m.unit else None
    if criteria:
        # `2 xã đạt từ 15 đến 18 tiêu chí, 26 xã đạt từ 10 - 14 tiêu chí`: each group by the criteria it reached
        ind, source = f"{m.unit} {criteria.group(1)}", "criteria"
    if source == "unit" and m.unit and _PLACE_ITEM.fullmatch(text, cs, m.start) and _BREAKDOWN.search(text, s_start, m.start):
        # `giải quyết việc làm cho 6.000 lao động. Trong đó, thành phố Bắc Kạn 600 lao động; huyện Bạch Thông 500 lao
        # động`: a place's part of the total before, of the same noun
        total = next((d for d in reversed(done[-12:]) if d.unit == m.unit and d.indicator and d.indicator != m.unit
                      and d.extra.get("sentence_index") in (m.extra.get("sentence_index"),
                                                            (m.extra.get("sentence_index") or 0) - 1)), None)
        if total is not None:
            ind, source = total.indicator, "inherited"
    if ind and source == "subject" and len(ind.split()) == 1 and done and m.start - s_start < 40 \
            and text[s_start:m.start].count(" ") <= 4 and _heading_line(text, s_start, m.end):
        # `Vọt tăng 7 bậc` heading a section after the lead said `…, tăng 7 bậc so với năm 2023`: the figure said again
        again = next((d for d in reversed(done[-30:]) if d.text == m.text and d.indicator), None)
        if again is not None:
            ind, source = again.indicator, "inherited"
    if source == "unit" and m.kind == "quantity" and (m.unit or "").startswith("lượt") and done \
            and done[-1].start >= s_start and done[-1].kind == "percent" and done[-1].indicator \
            and _WITH_LEVEL.search(text, done[-1].end, m.start) and ";" not in text[done[-1].end:m.start]:
        # `khách du lịch đến Hà Giang đã tăng 81,6% so với cùng kỳ năm ngoái với 156.200 lượt người`: the level the
        # measure that grew reached
        ind, source = done[-1].indicator, "inherited"
    part = _PART_HAS.search(text[max(cs, m.start - 60):m.start]) \
        if m.kind in ("quantity", "fraction") and ind and source in ("after", "unit") and m.unit else None
    if part and m.unit.lower() in ind.lower() and part.group(1).lower() not in ind.lower():
        # `Trong đó, bậc học mầm non có 6/9 trường đạt chuẩn`: the count of one part (a school level, a sector) of
        # the whole before
        named = part.group(1).strip()
        ind = f"{ind} {named if named[1:2].isupper() else named[:1].lower() + named[1:]}"   # (`THCS` as written)
    if ind and m.unit and m.kind in ("quantity", "fraction") and _only_a_place(ind):
        # `xã Quảng Sơn đã đạt 15/19 tiêu chí`: the subject is who reached it, not what; the counted noun is
        ind, source = m.unit.split("/")[0], "unit"
    if source in ("verb", "after") and ind and len(ind.split()) <= 3 and text.startswith(("Tính", "Về"), s_start):
        measure = _MEASURE_TOPIC.match(text, s_start, m.start)
        if measure and ";" not in text[measure.end():m.start]:
            # `Tính lượng khách, cả năm 2023 toàn tỉnh Ninh Bình đón trên 6,5 triệu lượt`: the measure the sentence
            # opens on, not the bare act
            ind, source = measure.group(1), "label"
    if ind and m.kind in ("percent", "range") and source in ("subject", "after", "label") and "ơ cấu" in text[s_start:m.start] \
            and "cơ cấu" not in ind.lower():
        whole = _STRUCTURE_HEAD.search(text, s_start, m.start)
        if whole and not _ITEM_VERB.search(text, whole.end(), m.start):
            # `Cơ cấu kinh tế: Công nghiệp, xây dựng 54,6%; dịch vụ … 36,5%`: a part's share of the whole the
            # heading names
            ind = f"{whole.group(1)}: {ind}"
    if ind is None and done and _YEAR_LABEL_AT_END.search(text, max(s_start, m.start - 16), m.start) \
            and text.rfind("(", s_start, m.start) <= text.rfind(")", s_start, m.start):   # (not `(cùng kỳ 2012: 5,02%`)
        same = next((d for d in reversed(done[-8:]) if d.indicator and d.unit == m.unit and m.start - d.end < 400), None)
        if same is not None:
            # `… tỷ lệ bao phủ bảo hiểm y tế đạt trên 90%. Trong đó, Lạng Sơn được giao chỉ tiêu cụ thể: năm 2016: 89,0%;
            # năm 2017: 90,0%`: a series by year of the measure named before
            ind, source = same.indicator, "inherited"
    m.extra["indicator_source"] = source
    return _ws(_without_framing(_without_owner(_LIST_MARK.sub("", ind) if ind else ind)))


# a year that labels the figure after it: `năm 2016: 89,0%`, `; năm 2017: `
_YEAR_LABEL_AT_END = re.compile(r"(?<!\w)(?:[Nn]ăm\s+)?(?:19|20)\d{2}\s*:\s*$")


# a cause that names what changed, right before the change: `… là do ngành sản xuất điện giảm`
_CAUSE_CHANGED = re.compile(r"(?<!\w)(?:do|nhờ)\s+((?:[^\W\d]+\s+){1,7}?)(?:(?:đã|chỉ|cũng)\s+)?(?:tăng|giảm)(?:\s+mạnh)?\s*$")
# a measure a sentence opens on: `Tính lượng khách, …`, `Về doanh thu, …`
_MEASURE_TOPIC = re.compile(r"(?:Tính|Về)\s+((?:lượng|số lượng|số|tổng|doanh thu|kim ngạch|sản lượng|giá trị)(?!\w)"
                            r"[^,;:.()\d]{0,40}?)\s*,")
# a whole's structure heading a list of its parts' shares, up to the figure: `Cơ cấu kinh tế 2025: công nghiệp - xây
# dựng 49-50%, dịch vụ 46-47%` (the year the heading dates goes)
# (parts listed with a verb are named as the sentence does: `Về cơ cấu kinh tế: Khu vực nông, lâm nghiệp và thủy sản
# chiếm 17,13%; khu vực công nghiệp và xây dựng 43,21%`)
_ITEM_VERB = re.compile(r"(?<!\w)(?:chiếm|đạt|tăng|giảm|tỷ trọng|tỉ trọng|là|còn|ở mức)(?!\w)", re.IGNORECASE)
_STRUCTURE_HEAD = re.compile(r"(?<!\w)([Cc]ơ cấu\s+[^\W\d][^:;.()\d]{1,30}?)(?:\s+(?:năm\s+)?\d{4})?\s*:(?=[^:.]*$)")


_OPENS_BRACKET = re.compile(r"\s*\(\s*")
_HEADS = {"người", "nhân khẩu", "khẩu"}
_WITH_PEOPLE = re.compile(r"((?:\s+[^\W\d]+){0,3})\s*[,(]?\s*(?:với|gồm|tương ứng(?: với)?)\s*(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?")
# a sentence's opening that names no measure: a time so far, an estimate's word, a link (`Đầu năm đến nay, ước tính
# đạt`, `Lũy kế 9 tháng đạt`, `Tính chung cả năm ước đạt`)
# a measure, then the places it is listed by after a colon, then a place's figure: `Diện tích lúa đã thu hoạch tập trung
# chủ yếu ở các huyện: Yên Khánh 7,7 nghìn ha; Yên Mô gần`
_BY_PLACE_LIST = re.compile(r"\s*([^:;.\d]{3,80}?)\s+(?:tập trung\s+)?(?:chủ yếu\s+)?(?:ở|tại|của)\s+các\s+(?:huyện|xã|địa phương|"
                            r"huyện, thị xã, thành phố|huyện, thành phố|đơn vị)[^:;.\d]{0,30}:\s*(?:[^:]*?;\s*)?" + UPPER +
                            r"[^\W\d]*(?:\s+" + UPPER + r"[^\W\d]*){0,2}\s+(?:(?:gần|hơn|trên|khoảng|đạt|có)\s+)?$")
_NAMES_NOTHING = re.compile(r"\s*(?:(?:tính\s+)?(?:từ\s+)?đầu năm (?:đến|tới) nay|lũy kế|luỹ kế|cộng dồn|tính chung|"
                            r"(?:\d{1,2}|sáu|chín) tháng(?: đầu năm)?|cả năm|trong (?:tháng|quý) này)?\s*,?\s*"
                            r"(?:(?:ước tính|dự ước|ước|sơ bộ)\s+)?(?:thực hiện\s+)?(?:(?:\d{1,2}|sáu|chín) "
                            r"tháng(?: đầu năm)?)?\s*,?\s*(?:ước tính|dự ước|ước|sơ bộ)?\s*(?:đạt|là)?\s*", re.IGNORECASE)
# (`Lũy kế ước thực hiện 9 tháng đạt 25.005,8 tỷ đồng`: the sentence before's measure)


# how many criteria a group of communes reached, right after its count: `4 xã đạt dưới 5 tiêu chí`
_CRITERIA_REACHED = re.compile(r"(?:\s*\([^()\d]{0,3}[\d,.]+\s*%\))?\s+((?:đã\s+)?(?:(?:đạt|có|hoàn thành)\s+(?:từ\s+|dưới\s+|trên\s+)?\d+"
                               r"(?:\s*(?:-|–|đến)\s*\d+)?\s+tiêu chí(?!\s*(?:nông thôn mới|NTM))|"
                               # and the stars a product was rated: `4 sản phẩm đạt OCOP 4 sao`, `41 sản phẩm đạt 4 sao`
                               r"(?:đạt|được công nhận(?:\s+đạt)?|xếp hạng)\s+(?:chuẩn\s+)?(?:OCOP\s+)?\d\s+sao))")
# a population before `có` and its count: `dân số toàn tỉnh có 319.000 người`
_POPULATION_HAS = re.compile(r"(?<!\w)((?:[Tt]ổng\s+)?[Dd]ân số|[Ll]ực lượng lao động)(?:\s+[^,;.()\d]{0,30}?)?\s+(?:hiện\s+)?"
                             r"(?:có|là|đạt|khoảng)\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$")
# a count of people said to be a group: `hơn 212.000 người là đồng bào dân tộc thiểu số`
_PEOPLE_COUNTED = {"người", "lao động", "hộ", "nhân khẩu", "khẩu", "đảng viên", "học sinh", "trẻ", "em"}
_IS_A_GROUP = re.compile(r"\s+(?:đều\s+)?là\s+((?:người\s+|hộ\s+)?[^\W\d][^,;:.()\d]{2,50}?)(?=\s*[,;:.()]|\s+(?:chiếm|với|và|trong)\s|$)")
# a group counted right before the criteria it reached: `2 xã đạt |từ 15 đến 18 tiêu chí`
_GROUP_REACHED = re.compile(r"\d[\d.,]*\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+(?:đã\s+)?đạt\s*$")
# a subgroup's change after the whole's, in a clause of its own: `…, riêng đồng bào dân tộc thiểu số tại chỗ giảm từ`
_SUBGROUP_CHANGE = re.compile(r"\s*,?\s*[Rr]iêng\s+(?:đối với\s+)?[^,;:()\d]{2,60}?\s+(?:giảm|tăng)\s*(?:(?:từ|trên|hơn|gần|khoảng)\s+)?")
# a count that goes with the count right before it: `46 chi bộ, đảng bộ với 1.558 đảng viên`
def _measured_count(subject: str, sprev: Mention, between: str) -> str | None:
    """`diện tích vùng ứng dụng công nghệ cao cho cà phê` for a measure of the things the count right before names
    (`02 vùng ứng dụng công nghệ cao cho cà phê với diện tích 1.039,5 ha`): the measure, the count's noun and what
    follows it up to `với` (`indicator_phrases._measure_of_object` read only what follows)."""
    if sprev.kind != "quantity" or not sprev.unit or " với " not in between or re.search(r"[,;:()]", between):
        return None
    measure = next((w for w in MEASURE_OF if subject.lower().startswith(w + " ")), None)
    if measure is None:
        return None
    rest = subject[len(measure):].strip()
    return f"{subject[:len(measure)]} {sprev.unit} {rest}" if between.lstrip().startswith(rest.split()[0]) else None


_WITH_ONLY = re.compile(r"\s*,?\s*với\s*(?:(?:khoảng|gần|hơn|trên)\s+)?")
# what a measure is of, named right before it, its object after it: `sản lượng đạt trên 204.000 tấn quả tươi`
_MEASURE_LABEL = re.compile(r"(?<!\w)((?:tổng\s+)?(?:sản lượng|diện tích|năng suất|khối lượng|công suất))\s*"
                            r"(?:(?:ước\s+)?(?:đạt|là|khoảng|gần|hơn|trên|xấp xỉ|còn|tăng|giảm)\s*)*$", re.IGNORECASE)
# a list item that is only a place (`thành phố Bắc Kạn 600 lao động`, `; huyện Ba Bể 1.000 lao động`), in a sentence that
# breaks down a total (`Trong đó, …`, `Cụ thể: …`)
_PLACE_ITEM = re.compile(r"\s*(?:(?:[Tt]rong đó|[Cc]ụ thể|[Bb]ao gồm|[Gg]ồm)\s*[,:]?\s*)?(?:[;,:+-]\s*)*(?:(?:thành phố|huyện|thị xã|quận|xã|phường|thị trấn|tỉnh|TP\.?)\s+)?"
                         r"(?:" + UPPER + r"[\w’'-]*\s*){1,4}(?:là|có|:)?\s*")
_BREAKDOWN = re.compile(r"(?<!\w)(?:[Tt]rong đó|[Cc]ụ thể|[Bb]ao gồm|[Gg]ồm)(?!\w)")
# a subject that only adds the months up, of the figure before: `…, cộng dồn 6 tháng năm 2014 tăng 11,81%`
_ADDED_UP = {"cộng dồn", "lũy kế", "luỹ kế", "tính chung", "lũy kế từ đầu năm", "cộng dồn từ đầu năm"}
# a subject that only points back at the figure before: `Con số này`, `Mức này`, `Con số trên`, `Kết quả này`
_THIS_FIGURE = re.compile(r"^\s*(?:(?:thì|và|nhưng|song)\s+)?(?:con số|số liệu|mức|kết quả|giá trị)\s+(?:này|trên|đó|nói trên)"
                          r"(?:\s+(?:đã|cũng|vẫn))?(?:\s+(?:cán mốc|chạm mốc|lên|tăng lên|đạt))?\s*$", re.IGNORECASE)


def _first_of_sentence_before(m: Mention, done: list[Mention]) -> Mention | None:
    """The first figure of the sentence before `m`'s, of the same unit, that has an indicator."""
    index = m.extra.get("sentence_index")
    if index is None or not m.unit:
        return None
    for d in done[-12:]:
        if d.extra.get("sentence_index") == index - 1 and d.unit == m.unit and d.indicator:
            return d
    return None


# a list item's mark before the indicator: `+ Dư nợ của các Ngân hàng thương mại là …`
_LIST_MARK = re.compile(r"^\s*[+•*]\s+")


_PLACE_KIND = re.compile(r"(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận|tỉnh|TP\.?)\s+", re.IGNORECASE)
_ONLY_ADVERBS = re.compile(r"(?:\s+(?:đã|đều|cũng|vẫn|chỉ|mới|có))*\s*$")


def _only_a_place(ind: str) -> bool:
    """Whether an indicator is only a place named by its kind and capitalised name (`xã Quảng Sơn đã`, `huyện Ba
    Bể`), with at most an adverb after it."""
    kind = _PLACE_KIND.match(ind)
    if kind is None:
        return False
    rest = ind[kind.end():]
    name = rest[:_ONLY_ADVERBS.search(rest).start()].split()
    return 0 < len(name) <= 4 and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in name)   # (not `KVII`)


# an estimate's word or the time of a monthly report, around what is measured: `ước tính doanh thu`, `tốc độ tăng
# trưởng dự (ước đạt)`, `Tháng qua, hoạt động thương mại`
_HEDGE_LEAD = re.compile(r"^\s*(?:(?:ước tính|dự ước|ước)\s+(?=[^\W\d]{2})(?!đạt\b|tính\b)|"
                         r"(?:[Tt]háng|[Qq]uý|[Nn]ăm|[Tt]uần) qua\s*,\s*)")
_HEDGE_TAIL = re.compile(r"(?<!tham)(?<!Tham)\s+(?:dự ước|dự|ước)\s*$")   # (not `tham dự`)


# an act that names no crop or thing, whose line's label does: `- Lúa đông xuân: Toàn tỉnh xuống giống được 77.917 ha`
_BARE_ACTS = frozenset(("xuống giống", "gieo trồng", "gieo cấy", "gieo sạ", "thu hoạch", "trồng", "trồng mới", "đạt",
                        "thực hiện", "ước đạt"))
# a weight in the whole, the part named before it: `ngành du lịch đạt tỷ trọng`, `Khu vực dịch vụ chiếm tỷ trọng`
_WEIGHT_AT_END = re.compile(r"^(.*?)\s*(?<!\w)(?:chiếm|đạt|có)\s+((?:tỷ|tỉ) trọng)\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$")
# a part that holds the largest share, its figure after a comma: `ngành công nghiệp chế tạo chiếm tỷ trọng cao nhất, đạt`
_LARGEST_PART = re.compile(r"(?:^|[,;:]\s*)([^,;:]+?)\s+chiếm\s+(?:tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ)(?:\s+(?:cao|lớn|nhỏ|thấp)"
                           r"(?:\s+nhất)?)?\s*,\s*$")
# a part of the topic named after it, which is the figure's: `Về cơ cấu kinh tế, khu vực công nghiệp và xây dựng …`
_PART_NAMED = re.compile(r"\s*(?:khu vực|ngành|lĩnh vực|nhóm ngành|nhóm hàng|mặt hàng|tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ|giá trị|"
                         r"kim ngạch|doanh thu|sản lượng|diện tích)(?!\w)", re.IGNORECASE)
# what the figure is brought to, not an act of its own: `đưa doanh thu … lên 2.359 tỷ đồng`
_BROUGHT = re.compile(r"^\s*(?:đưa|nâng)\s+(?=(?:tổng\s+)?(?:doanh thu|tổng|số|tỷ lệ|tỉ lệ|giá trị|sản lượng|kim ngạch)\b)")


def _without_framing(ind: str | None) -> str | None:
    """The indicator without the words that frame it: a topic named first (`Về doanh thu, …`), the verb that brings a
    level to a figure (`nâng tổng số xã …`), an estimate's word or a report's time (`ước tính doanh thu`, `tốc độ
    tăng trưởng dự`, `Tháng qua, …`)."""
    if ind and ("Về" in ind[:4] or "đưa" in ind[:5] or "nâng" in ind[:5]):
        topic = _TOPIC_FIRST.match(ind)
        if topic and _PART_NAMED.match(ind, topic.end()):
            ind = ind[topic.end():]   # `Về cơ cấu kinh tế, khu vực công nghiệp và xây dựng chiếm …`: the part named
        else:
            ind = topic.group(1) if topic else _BROUGHT.sub("", ind)
    if not ind or not ("ước" in ind or "dự" in ind or " qua" in ind):
        return ind
    bare = _HEDGE_TAIL.sub("", _HEDGE_LEAD.sub("", ind))
    return bare if bare.strip() else ind


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


# words at the end of the text before a figure (each pattern tried only where the text ends with its words, `EndsWith`)
_COMPARED_WITH_AT_END = EndsWith(re.compile(r"(?<!\w)so với\s*$"), ("so với",))   # the base of a comparison
_ONLY_CHANGE_WORD = re.compile(r"\s*(?:và\s+)?(?:tăng|giảm)(?:\s+thêm)?\s*")
_SHARE_WORDS_AT_END = EndsWith(re.compile(r"(?<!\w)(?:chiếm|đạt)\s+(?:tỷ lệ|tỉ lệ)\s*$"), ("tỷ lệ", "tỉ lệ"))
_IS_AT_END = EndsWith(re.compile(r"(?<!\w)(?:là|đạt)\s*$"), ("là", "đạt"))
# the level a count went to: `… xuống còn 28.200 hộ` (compiled once, run only where the text ends with its words)
_MOVED_TO = EndsWith(re.compile(r"(?<!\w)(?:xuống còn|xuống|lên|còn)\s*$"), ("xuống còn", "xuống", "lên", "còn"))
def _heading_line(text: str, start: int, end: int) -> bool:
    """A short line of its own, with no stop at its end: a heading (`Vọt tăng 7 bậc`)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].rstrip()
    return (start == 0 or text[start - 1] == "\n") and len(line) < 60 and not line.endswith((".", ";", ":", ","))


_WITH_LEVEL = re.compile(r"(?<!\w)với\s+(?:(?:khoảng|gần|hơn|trên|xấp xỉ|tổng số|tổng cộng)\s+)?$")
# a part of a whole that has a count: `bậc học mầm non có`, `khối THPT có` (after a comma, `;` or `Trong đó,`)
_PART_HAS = re.compile(r"(?:^|[,;:]\s*|\.\s+|(?<!\w)(?:và|riêng|Riêng)\s+)((?:bậc học|bậc|cấp học|khối|ngành học|lĩnh vực|hệ)\s+"
                       r"[^\W\d][^,;:.()\d]{1,30}?|mầm non|tiểu học|trung học cơ sở|trung học phổ thông|THCS|THPT)\s+"
                       r"(?:có|đạt)\s*$", re.IGNORECASE)
# (a school level named bare: `Trong đó, mầm non có 43 trường, tiểu học có 109 trường`; a field: `Riêng lĩnh vực đô
# thị và nhà ở xã hội có 11 dự án`)
# the most words a subject keeps (a longer one is cut: `tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh` is eleven)
_MOST_WORDS = 12
_COPULA_AT_END = re.compile(r"(?<!\w)là\s*$")
_OF_AT_END = EndsWith(re.compile(r"(?<!\w)của\s+(?:các\s+)?$"), ("của", "các"))
_WITH_AT_END = EndsWith(re.compile(r"(?<!\w)với\s*$"), ("với",))


def _indicator(m, text, s_start, cs, ce, done, prev_sentence):
    before, after = text[cs:m.start], text[m.end:ce]
    # the two figures before it in this sentence (walking back over two, not the sentence's or document's)
    sprev = done[-1] if done and done[-1].start >= s_start else None
    pprev = done[-2] if sprev is not None and len(done) > 1 and done[-2].start >= s_start else None
    unit = (m.unit or "").split("/")[0].replace("\u00a0", " ")
    money = m.kind == "money" or bool(_CURRENCY.match(unit))
    is_measure = unit.lower() in MEASURES_LOWER   # (`2.204,22Km` too)
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
    colon = seg.rfind(":")
    if colon > 0 and not seg[colon + 1:].strip() and _COPULA_AT_END.search(seg, 0, colon):
        seg = f"{seg[:colon]} {seg[colon + 1:]}"   # `tổng số hộ nghèo toàn tỉnh là: 36.537 hộ`: a copula's colon
    closed = seg.rfind(")")
    if closed > seg.rfind("(") and re.match(r"\s*(?:và|,|;)\s", seg[closed + 1:]):
        # `… đạt hơn 900.000 lượt (tăng 2,86% so với cùng kỳ năm 2021) và doanh thu ước đạt`: past the bracket of the
        # figure before, the clause of its own (`và doanh thu`)
        comma = max(comma, closed)
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
    moved = _MOVED_FROM.search(seg) if seg.endswith(("(từ ", "(Từ ", "( từ ")) else None
    if moved and not re.search(r"\d", moved.group(1)):
        # `… theo hướng tăng tỷ trọng khu vực dịch vụ (từ 39,8% năm 2015 lên 41,2% năm 2016)`: where the measure
        # named before the bracket moved from and to
        return moved.group(1).strip(), "subject"
    label = _label_before(text, cs, m.start) if seg_from == cs else None
    if label and m.kind == "quantity" and m.unit and _OUT_OF.match(label):
        mods = _modifiers(text[m.end:m.end + 120])
        if mods.strip():
            return f"{m.unit}{mods}", "unit"   # `Trong số đảng viên mới kết nạp: có 930 đảng viên nữ`: the part it counts
    if label:
        return label, "label"                                 # `- Thu ngân sách trên địa bàn: 4.856 tỷ đồng`
    raised = _RAISED_FROM.search(text, max(cs, m.start - 160), m.start) \
        if "từ" in text[max(cs, m.start - 160):m.start] else None   # (its `từ` is written there)
    if raised and not _names_owner(raised.group(1)):
        # `nâng tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh từ 53% …` (`đưa tỷ lệ hộ nghèo giảm từ …`: without the verb)
        phrase = re.sub(r"\s+(?:giảm|tăng)$", "", raised.group(1).strip())
        return (_PREPOSITION_CUT.sub("", phrase).strip() if phrase.startswith("hộ nghèo") else phrase), "subject"
    if sprev is not None and sprev.indicator and _TO_LEVEL.fullmatch(text[sprev.end:m.start]) \
            and re.search(r"(?<!\w)từ\s*(?:mức\s+)?$", text[max(cs, sprev.start - 12):sprev.start]):
        return sprev.indicator, "inherited"                   # `… từ 53% lên 65%`: the level it went to
    if m.unit and sprev is not None and _MOVED_TO.search(text[max(cs, m.start - 14):m.start]):
        # `từ 75.639 hộ, tỉ lệ 24,31% (năm 2010) xuống còn 28.200 hộ`: the level the count of the same noun went to
        for d in reversed(done[-4:]):
            if d.start < s_start:
                break
            if d.unit == m.unit and d.indicator and re.search(r"(?<!\w)từ\s*$", text[max(s_start, d.start - 8):d.start]):
                return d.indicator, "inherited"
    criterion = _criterion_before(text, s_start, m.start)
    if criterion:
        return criterion, "label"                             # `ở 3 tiêu chí: Công khai, minh bạch … (6,499 điểm)`
    yearly = _YEAR_IN_LIST.search(text, max(s_start - 2, m.start - 200, 0), m.start) \
        if m.kind == "percent" and "(" in text[max(s_start, m.start - 3):m.start] else None
    if yearly:
        label = _subject(_PERIOD_TAIL.sub("", yearly.group(1)))
        if label and not _FILLER_ONLY.match(label):
            return label, "label"   # `Tốc độ tăng IIP 6 tháng đầu năm: Năm 2020 (+6,1%); năm 2021 (+13,8%)`
    aspect = _aspect_ranked(text, s_start, m.start) if m.kind == "rank" or m.unit == "điểm" else None
    if aspect:
        return aspect, "label"   # `… về những khía cạnh như cắt giảm chi phí không chính thức (xếp thứ 2/62); …`

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
        people = _WITH_PEOPLE.fullmatch(between) if unit in _HEADS and sprev.unit \
            and sprev.unit.split("/")[0].startswith("hộ") else None
        if people:
            # `8.790 hộ nghèo, với 28.070 người`: the people of those households
            households = sprev.indicator if sprev.indicator != sprev.unit else f"{sprev.unit}{people.group(1)}"
            return f"nhân khẩu {households.strip()}", "inherited"
        if _OPENS_BRACKET.fullmatch(between) and sprev.unit and unit and sprev.kind == m.kind \
                and _same_group(sprev.unit.split("/")[0], unit):
            return sprev.indicator, "inherited"   # `gần 32.000 doanh nghiệp (31.847 doanh nghiệp)`: the same, exactly
        if PAREN_TARGET.search(before[-20:]) or (_PAREN_RESTATES.search(between) and "(" in between
                                                  and not counted and ";" not in between):
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
        if m.kind == "percent" and sprev.kind != "percent" and "ượt" in between and _OVER_PLAN_BETWEEN.fullmatch(between):
            return sprev.indicator, "inherited"   # `tổng thu NSNN ước đạt trên 12.000 tỉ đồng, vượt dự toán 10,4%`
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
        if _COMPARED_WITH_AT_END.search(last) or \
                (_ONLY_CHANGE_WORD.fullmatch(last) and (counted or measured)
                 and sprev.unit and _same_group(sprev.unit, unit)):
            return sprev.indicator, "inherited"
    # `tốp 5 địa phương có kim ngạch xuất khẩu cao nhất`, `TOP 10 tỉnh dẫn đầu toàn quốc về chỉ số …`: what the
    # top group leads in follows it
    if m.kind == "rank" and (tm := _TOP_IN.match(after)):
        return (tm.group(1) or tm.group(2)).strip(), "after"
    # `xếp thứ 3/63 địa phương về thu hút đầu tư …`: what a rank is about follows `về`
    rm = re.match(r"\s*(?:(?:(?:của\s+)?cả nước|toàn quốc|trong (?:cả )?nước|khu vực[^,;:.()]{0,30}|"
                  r"của\s+(?:tỉnh|thành phố|huyện)?\s*(?:" + UPPER + r"\w*\s*)+)\s+)?về\s+([^,;:.()]{3,80})",
                  after) if "về" in after else None
    if rm and m.kind in ("rank", "percent", "quantity", "money"):
        # up to the next figure or comparison: `tăng 66,7% về số dự án và gấp 17,4 lần vốn đăng ký`
        about = re.split(r"\s+(?:và|so với|so|với)\s+(?=\S*\d|gấp|tăng|giảm|cùng kỳ)|\s+so(?:\s+với)?(?!\w)|\s*\d",
                         rm.group(1))[0].strip()   # (`tăng 97% về vốn so với năm 2017`: the capital)
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
        label = _MEASURE_LABEL.search(last) if noun and not verb else None
        if label:
            return f"{label.group(1)} {noun}", "after"          # `sản lượng đạt trên 204.000 tấn quả tươi`
        if verb or noun:
            return (f"{verb} {noun}" if verb else noun), "after"  # `xuất bán 215 tấn gạo hữu cơ`
    if money:
        vb = _verb_phrase(last, first=False)
        if vb and not _GENERIC_SUBJECT.match(vb) and not re.match(r"(?:giao|bố trí)\b", vb) \
                and len(vb.split()) <= 4 and not _ENDS_WITH_COPULA.search(last) \
                and not re.search(r"(?:vốn|kinh phí|tiền|mức)(?:\s+(?:đầu tư|điều lệ|thực hiện))?\s+" + re.escape(vb), last):
            # (`tổng số vốn đăng ký`, `tổng vốn đầu tư đăng ký`: the capital's kind, no act)
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
            and _SHARE_WORDS_AT_END.search(text[sprev.end:m.start]):
        return None, "subject"   # `119/156 trường đạt chuẩn chiếm tỷ lệ 76,28%`: the share of that count (context)
    inner = _bracket_subject(last)
    if inner:
        return inner, "subject"                               # `… tăng 0,53% (tác động làm tăng CPI chung 0,16%)`
    weight = _WEIGHT_AT_END.search(last) if m.kind == "percent" and "trọng" in last else None

    if weight:
        # `ngành du lịch đạt tỷ trọng 8% GRDP`, `…, chiếm tỷ trọng 30,6% trong GRDP`: the weight of the part named
        # before the verb, else of the sentence's subject before its first comma
        comma = text.find(",", s_start, m.start)
        lead = text[s_start:comma if comma >= 0 else m.start] if not weight.group(1).strip() else ""
        lead = re.split(r"\s+(?:tiếp tục|vẫn|đã|đang|được|là|có|tăng|giảm|đạt|phục hồi|chiếm|giữ)(?!\w)", lead)[0]
        part = _subject(weight.group(1)) if weight.group(1).strip() else (_subject(lead) if lead else "")
        if part and not _FILLER_ONLY.match(part) and len(part.split()) <= 10:
            return f"{weight.group(2)} {part}", "subject"
    cause = _CAUSE_CHANGED.search(last) if " do " in last or " nhờ " in last else None
    if cause and not _FILLER_ONLY.match(cause.group(1)):
        # `Nguyên nhân khu vực công nghiệp … giảm … chủ yếu là do ngành sản xuất điện giảm 19,39%`: what changed, named
        # after the cause's word
        return cause.group(1).strip(), "subject"
    subject = _subject(last)
    if subject and subject.lower() in _BARE_ACTS and seg_from == cs:
        lm = _LABEL.search(text[max(0, cs - 100):cs])
        label = _subject(lm.group(1).strip()) if lm else ""
        if label and len(label.split()) <= 6 and not _FILLER_ONLY.match(label):
            return f"{subject} {label[:1].lower()}{label[1:]}", "label"   # `- Lúa đông xuân: Toàn tỉnh xuống giống được …`
    if (not subject or _FILLER_ONLY.match(subject)) and "chiếm" in seg:
        largest = _LARGEST_PART.search(seg[:len(seg) - len(last)])
        if largest:
            part = _subject(largest.group(1))
            if part and not _FILLER_ONLY.match(part):
                return part, "subject"   # `ngành công nghiệp chế tạo chiếm tỷ trọng cao nhất, đạt 108.022 tỉ đồng`
    measured = _measured_count(subject, sprev, text[sprev.end:m.start]) if sprev is not None and subject else None
    if measured:
        return measured, "subject"   # `02 vùng ứng dụng công nghệ cao cho cà phê với diện tích 1.039,5 ha`
    if sprev is not None and seg_from > cs and ("là" in last or "đạt" in last) \
            and _IS_AT_END.search(last) \
            and _OF_AT_END.search(text[cs:sprev.start]):
        owner = _subject(_OF_AT_END.sub("", text[cs:sprev.start]))
        if owner:
            return owner, "subject"                           # `Tổng vốn đăng ký của 3 dự án FDI mới … là`
    listed = pprev is not None and sprev is not None and "và" in text[pprev.end:sprev.start] \
        and re.fullmatch(r"\s*và\s*", text[pprev.end:sprev.start])
    if sprev is not None and sprev.indicator and not listed \
            and _WITH_AT_END.search(text[sprev.end:m.start].split(subject)[0] if subject else "") \
            and (re.fullmatch(r"(?:tổng\s+)?(?:số\s+)?(?:kinh phí|tiền|vốn|vốn đăng ký|vốn đầu tư)(?:\s+\S+){0,2}",
                              subject, re.IGNORECASE)
                 or re.fullmatch(r"(?:tổng\s+)?(?:số\s+)?vốn(?:\s+\S+){3,6}", subject, re.IGNORECASE)):
        # (capital named at length: `với tổng vốn đăng ký cấp mới và tăng thêm 735,1 triệu USD`)
        if sprev.indicator.split()[0].lower() in subject.lower().split():
            return subject, "subject"                         # `Điều chỉnh vốn cho 7 dự án với số vốn điều chỉnh tăng`
        if re.match(r"(?:tổng\s+)?(?:số\s+)?vốn(?!\w)", subject, re.IGNORECASE):
            # `cấp mới 150 dự án đầu tư trong nước (DDI) với tổng vốn đăng ký đạt hơn 245,3 nghìn tỷ đồng`: the capital as
            # the text names it (a researcher finds the projects it is of in the sentence), not a phrase composed with
            # the count's words that the text never writes
            return subject, "subject"
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
    topic = _TOPIC_FIRST.match(subject) if words and words[0] in ("Về", "Đối") else None
    if topic and _PART_NAMED.match(subject, topic.end()):
        words = subject[topic.end():].split()   # (before the words are cut to ten)
    if not words and sprev is None:
        # `Về dịch vụ lưu trú, 6 tháng đầu năm tăng 17,01%`: a sentence that names its topic first
        topic = _TOPIC_FIRST.match(text, s_start, m.start)
        if topic and not _FILLER_ONLY.match(topic.group(1)):
            return topic.group(1).strip(), "subject"
    return (" ".join(words[:_MOST_WORDS]) if words else None), "subject"


# the topic a sentence names before its first comma: `Về dịch vụ lưu trú, …`, `Đối với đầu tư trong nước, …`
_TOPIC_FIRST = re.compile(r"\s*(?:Về|Đối với|Riêng về|Riêng đối với)\s+([^,;:.()\d]{3,60}?)(?:\s+(?:19|20)\d{2})?,")


# a list of an index's criteria: `dẫn đầu cả nước ở 3 tiêu chí: Công khai, minh bạch trong việc ra quyết định (6,499
# điểm); Kiểm soát tham nhũng trong khu vực công (8,286 điểm) và …`
_CRITERIA = re.compile(r"(?<!\w)(?:tiêu chí|chỉ số thành phần|lĩnh vực|nội dung)(?!\w)", re.IGNORECASE)
# where a criterion's name opens: after a bracket, colon or semicolon, `và`, `tiêu chí`
_CRITERION_OPENS = re.compile(r"[):;]|(?<!\w)và\s|(?<!\w)tiêu chí\s")


# what a change raises or lowers from one level to another: `nâng tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh từ`
_RAISED_FROM = re.compile(r"(?<!\w)(?:nâng|đưa|kéo|hạ|giảm|tăng)\s+((?:tỷ lệ|tỉ lệ|tổng số|số|mức|quy mô)\s[^;:()\d]{2,90}?|"
                          r"hộ nghèo(?:\s+[^;:()\d,]{2,40}?)?)"   # (`giảm hộ nghèo trên địa bàn tỉnh từ 75.639 hộ`)
                          r"\s+từ\s*(?:mức\s+)?$")
# between the level a change starts from and the one it goes to: ` lên `, ` xuống còn `, ` (năm 2020) lên `
_TO_LEVEL = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:lên|xuống)(?:\s+(?:còn|mức|đến|tới))?\s*")


# a component index named right before the bracket its rank or score opens: `Chỉ số quản trị môi trường (17/63)`
_INDEX_AT_END = re.compile(r"(?<!\w)([Cc]hỉ số\s+[^,;:()\d]{3,90}?)\s*$")


def _aspect_ranked(text: str, s_start: int, start: int) -> str | None:
    """What a rank in brackets right after it ranks, in a list of aspects (`… như cắt giảm chi phí không chính thức
    cho doanh nghiệp (xếp thứ 2/62); chất lượng, hiệu quả cải cách thủ tục hành chính (xếp thứ 4/63)`): the words
    since the list's last mark, two to fifteen, with no figure or place in them; None when not so."""
    before = text[max(s_start, start - 160):start].rstrip()
    if not before.endswith("("):
        return None
    head = before[:-1].rstrip()
    cut = max((mm.end() for mm in _ASPECT_OPENS.finditer(head)), default=-1)
    if cut < 0:
        return None   # (a name with nothing to say it is one of a list: the rules after read it)
    name = head[cut:].strip(" ,")
    words = name.split()
    if not 2 <= len(words) <= 15 or re.search(r"[\d()%]", name) or find_provinces(name) or _FILLER_ONLY.match(name):
        return None
    return name


# a list of years after its label and a colon, the figure in brackets after its year: `Tốc độ tăng IIP 6 tháng đầu năm:
# Năm 2020 (+6,1%); năm 2021 (+13,8%)`
_YEAR_IN_LIST = re.compile(r"(?:^|[.;]\s*|\n)([^.;:\d()]{3,80}?(?:\s+\d{1,2}\s+tháng[^.;:\d()]{0,20})?)\s*:\s*"
                           r"(?:[Nn]ăm\s+(?:19|20)\d{2}\s*\([^()]{1,15}\)\s*[;,]\s*)*[Nn]ăm\s+(?:19|20)\d{2}\s*\(\s*[+-]?$")
_PERIOD_TAIL = re.compile(r"\s+(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+(?:đầu|của))?(?:\s+năm)?\s*$|\s+(?:quý\s+\S+|năm)\s*$")
# where an aspect's name opens in a list of what is ranked: after `;`, `:`, `như`, `là`
_ASPECT_OPENS = re.compile(r"[;:]|(?<!\w)(?:như|gồm|là)\s")


def _criterion_before(text: str, s_start: int, start: int) -> str | None:
    """The criterion a score or rank is given for in brackets after its name, in a list of an index's criteria:
    a name whose first word alone is capitalised (`Kiểm soát tham nhũng trong khu vực công (8,286 điểm)`), not a
    body or place (`Hội Nhà văn (100%)`, `Sơn La (2,20%)`)."""
    before = text[max(s_start, start - 200):start].rstrip()
    if before.endswith("("):
        head = before[:-1]
    elif before.endswith(" với") and re.search(r"(?<!\w)tiêu chí\s+" + UPPER + r"[^,;:()\d]{3,90}$", before[:-4]):
        head = before[:-4]   # `dẫn đầu cả nước ở tiêu chí Quản trị môi trường với 5,202 điểm`
    else:
        return None
    index = _INDEX_AT_END.search(head[-120:]) if "hỉ số" in head[-120:] else None
    if index and len(index.group(1).split()) <= 15 and not find_provinces(index.group(1)):
        return index.group(1)   # `(2) Chỉ số quản trị điện tử (44/63)`: a component index ranked in brackets
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


_ONLY_A_CHANGE = re.compile(r"(?:(?:đã|ước|ước tính|cũng|vẫn)\s+)*(?:tăng trưởng|tăng|giảm)(?:\s+(?:đạt|ở mức|khoảng))?",
                            re.IGNORECASE)


# a line that names a figure and gives it after a colon: `- Thu ngân sách trên địa bàn tỉnh: 4.856 tỷ đồng`
# (at a line's start, or a sentence's, or after a colon: `… so với năm 2016. Diện tích trồng cây lâu năm: 87.906 ha`,
# `… như sau: Rau các loại: 7.589 ha`)
_LABEL = re.compile(r"(?:^|\n|(?<=\.)[ \t]+|(?<=:)[ \t]+)[ \t]*(?:[-–•+*][ \t]*|\(?\d{1,2}[.)][ \t]*|[a-zđ]\)[ \t]*)?"
                    r"((?:[^\d\n:;.()]|\([A-ZĐ][A-Za-zĐ]{1,8}\))(?:[^\d\n:;.()]|\([A-ZĐ][A-Za-zĐ]{1,8}\)){2,89}?)[ \t]*:[ \t]*$")
_LABEL_LINK = re.compile(r"[\s+\-–]*(?:(?:toàn|cả)\s+(?:tỉnh|huyện|thành phố|thị xã|xã)\s+(?:hiện\s+)?(?=có|còn))?"
                         r"(?:(?:ước|dự kiến|sơ bộ)\s+)?(?:tính\s+)?(?:thực hiện\s+)?(?:đạt|tăng|giảm|khoảng|là|có|còn)?\s*",
                         re.IGNORECASE)   # (`Tỷ lệ dân số tham gia BHYT: ước thực hiện 83%`, `Hộ nghèo: toàn tỉnh có 36.951 hộ`)
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
    if _PLAN_ONLY.fullmatch(label):
        return None   # `… đạt 96,9% (Nghị quyết: 85%)`: the plan's figure for the figure before, not a label of its own
    if len(label.split()) > 12 or _FILLER_ONLY.match(label) or _LIST_OPENER.search(label) \
            or _LEAD_TRIM.fullmatch(label + " ") or any(h[0] == 0 and h[1] >= len(label) - 1 for h in find_provinces(label)):
        return None
    label = _subject(label)
    if label and plan:
        return f"{plan.group(1).lower()} {label[:1].lower()}{label[1:]}"
    return label or None


# a label that names the whole the figures after it are parts of: `Trong số đảng viên mới kết nạp:`
_OUT_OF = re.compile(r"(?:[Tt]rong\s+(?:tổng\s+)?số|[Tt]rong đó)(?!\w)")
_PLAN_ONLY = re.compile(r"(?:Nghị quyết|nghị quyết|NQ|Kế hoạch|kế hoạch|KH|[Cc]hỉ tiêu|[Mm]ục tiêu|[Dd]ự toán|[Cc]ùng kỳ)"
                        r"(?:\s+(?:giao|đề ra|năm\s+\d{4}))?")
# a label inside a sentence, after a comma or bracket: `Trong đó, khách du lịch nội địa 256.800 lượt, khách quốc tế: 8.400 lượt`
_INLINE_LABEL = re.compile(r"[,;(]\s*([^\d,;:()\n]{3,60}?)\s*:[ \t]*$")
# a plan's figure after a label: `Kế hoạch năm 2017 là`, `dự toán giao`, `chỉ tiêu`
_PLAN_LINK = re.compile(r"\s*(kế hoạch|dự toán|chỉ tiêu)(?:\s+(?:năm\s+)?(?:19|20)\d{2})?(?:\s+(?:giao|được giao))?\s*"
                        r"(?:là|đạt|:)?\s*", re.IGNORECASE)
# a bracket that opens with a time and goes to its figure: `(quý I tăng 9,42%`, `(năm 2020: 5,2%`
_TIME_IN_BRACKET = re.compile(r"\(\s*(?:riêng\s+)?(?:quý|quí|tháng|năm|\d{1,2}\s+tháng)\s*[\dIVX/.-]*(?:\s+(?:đầu|cuối)\s+năm"
                              r"(?:\s+\d{4})?)?\s*(?:tăng|giảm|đạt|là|:)?\s*", re.IGNORECASE)
# a comma inside a list of kinds of administrative unit: `xã, phường, thị trấn`, `huyện, thị xã, thành phố`
_ADMIN_LIST = re.compile(r"(?<!\w)(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận|thôn|bản|làng|ấp)\s*,\s*"
                         r"(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận|thôn|bản|làng|ấp|tổ dân phố|khu phố)(?!\w)|"
                         # the sectors of an economy named together: `nông, lâm nghiệp và thủy sản`, `công nghiệp, xây dựng`
                         r"(?<!\w)(?:nông|lâm|nông nghiệp|lâm nghiệp|công nghiệp|thương mại)\s*,\s*"
                         r"(?:lâm|ngư|thủy|thuỷ|lâm nghiệp|xây dựng|dịch vụ|du lịch)(?!\w)", re.IGNORECASE)
_ADMIN_LIST = led(_ADMIN_LIST)   # (tried only where a character one of its matches starts with stands: `cues.led`)
# how far the figure before went past its plan: `…, vượt dự toán 10,4%`, `(vượt kế hoạch năm 5%`
_OVER_PLAN_BETWEEN = re.compile(r"\s*[,(]?\s*(?:(?:ước|đã)\s+)?vượt\s+(?:so với\s+)?(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu)"
                                r"(?:\s+(?:năm|giao|đề ra|được giao|HĐND tỉnh giao|Trung ương giao|(?:19|20)\d{2})){0,3}"
                                r"\s*(?:khoảng|gần|hơn|trên)?\s*", re.IGNORECASE)
# a measure raised or lowered, where it moved from opening a bracket right after it
_MOVED_FROM = re.compile(r"(?<!\w)(?:tăng|giảm|nâng|hạ)\s+((?:tỷ|tỉ)\s+(?:trọng|lệ)\s[^,;:()]{2,80}?|"
                         r"(?:tổng\s+)?số\s[^,;:()]{2,60}?)\s*\(\s*[Tt]ừ\s+$")
# an open list of examples right before a figure (`ở các thị trường như: Hàn Quốc, Nhật Bản, Trung Đông... 250`)
_ENUM_BEFORE = re.compile(r"\s+(?:như|gồm)\s*:\s+[^;.]*?(?:\.{3}|…)\s*$")


# (the patterns `_percent_object` asks about every percentage, compiled once)
_DONE_PHRASE = re.compile(r"\s*((?:đã|được|đều)\s+[^,;:.()]{2,60})")
_CLAUSE_MARKS = re.compile(r"[,;:]")
_COUNT_AFTER = re.compile(r"\s*\d[\d.,]*(?:/[\d.,]+)?\s+([^\W\d][^;:.()\d]{1,60})")
_NOUN_AFTER = re.compile(r"\s*((?:các|những|số)\s+)?([^\W\d][^,;:.()\d]{2,70})")


def _percent_object(before: str, after: str) -> str | None:
    """What a percentage counts when its noun follows it: `giải quyết trên 90% đơn thư …`,
    `đạt từ 80% trở lên các chỉ tiêu được giao`, `89% đã tiêm đủ 2 mũi`, `100% (152/152) đảng bộ …`."""
    after = _RESTATED_AFTER.sub("", after, count=1)   # (the same share as a fraction in brackets)
    if wordless(after) and wordless(before):
        return None   # every rule below reads a word before or after the figure
    vp = _DONE_PHRASE.match(after)
    if vp:
        return vp.group(1).strip()
    last = _CLAUSE_MARKS.split(before)[-1]
    verb = _verb_phrase(last, first=False)
    nxt = _COUNT_AFTER.match(after)
    if nxt and verb:
        return f"{verb} {nxt.group(1).strip()}"               # `hoàn thành từ 80% trở lên 22/60 chỉ tiêu, …`
    if HAS_AT_END.search(last):
        # `có 98,5% dân số nông thôn được sử dụng nước hợp vệ sinh`: the group and what it does
        whole = re.match(r"\s*([^\W\d][^,;:.()\d]{2,90}?)(?=\s+và\s+[\d.,]+|\s*[,;:.()]|\s*$)", after)
        if whole and (whole.group(1).split()[0].lower() not in _NOT_A_NOUN_START
                      or whole.group(1).lower().startswith("số ")):
            return whole.group(1).strip()
    if _PLAN_AFTER_SHARE.match(after) and _REACHED_AT_END.search(before[-30:]):
        return None   # `thủy hải sản xuất khẩu đạt 107% kế hoạch năm`: a share of the plan, which measures nothing
    np = _NOUN_AFTER.match(after)
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
                         rf"((?:{_AFTER_VERBS})\b(?:(?!\s+và\s+(?:tỉnh|huyện|thành phố|thị xã|toàn)\s)[^,;:.()\d]){{0,80}})",
                         group_text)   # (up to another owner's predicate: `… nông thôn mới và tỉnh hoàn thành …`)
        group_word = head.split()[0].lower()
        if owner and (group_word in PARTICIPANTS or " ".join(head.split()[:2]).lower() in PARTICIPANTS):
            vp = re.sub(r"\s+(?:và|với)\s*$", "", owner.group(1).strip())
            vp += _coordinated_tail(group_text[owner.end():]) if vp == owner.group(1).strip() else ""
            group = group_text[:owner.start(1)].strip()
            if _ADMIN_UNITS.match(group) and len(group.split()) <= 5:
                return f"{group} {vp}"   # `100% đơn vị cấp huyện hoàn thành nhiệm vụ …`: the units and what they did
            return vp
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
        if (_OPENS_A_SHARE.fullmatch(last) or _COUNT_RIGHT_BEFORE.search(last)) \
                and not re.match(r"\s*(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|so)\b", after):
            # `…; 100% hộ dân sử dụng điện;`, `Với hơn 85% dân số là đồng bào dân tộc thiểu số,`, `Hiện còn 11,56%
            # dân số huyện (…) chưa tham gia BHYT`: the share opens
            # its clause part, and the group with what it does is what it measures
            whole = re.match(r"\s*([^\W\d][^,;:.()\d]{2,90}?)(?=\s*[,;:.()]|\s*$)", after)
            if whole and whole.group(1).split()[0].lower() not in _NOT_A_NOUN_START:
                return whole.group(1).strip()
    return None


# the plan a share is of, right after it: `107% kế hoạch năm`, `98% dự toán`, `100% chỉ tiêu` (not `chỉ tiêu` + noun)
_PLAN_AFTER_SHARE = re.compile(r"\s*(?:kế hoạch|dự toán|KH)(?:\s+(?:năm|tỉnh giao|được giao|đề ra|giao))?\s*(?:[,;.()]|$)")
# (after a verb that only reaches the share: not `hoàn thành 100% kế hoạch`, where completing it is the act)
_REACHED_AT_END = re.compile(r"(?<!\w)(?:đạt|bằng|vượt|được)\s*(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s+)?$")
# a count right before a share of what its items hold: `có 2 cấp học 100% trường đạt chuẩn`
_COUNT_RIGHT_BEFORE = re.compile(r"(?<![\d.,/-])(?<!năm )\d+\s+(?!(?:chiếm|đạt|tăng|giảm|là|có|còn|gần|hơn|trên|khoảng|"
                                 r"xấp xỉ|với|và)(?!\w))[^\W\d]+(?:\s+[^\W\d]+)?\s*$")
# units of administration a share counts (named with what they did): `xã`, `đơn vị cấp huyện`, `thôn, bản`
_ADMIN_UNITS = re.compile(r"(?:xã|huyện|thôn|bản|phường|thị trấn|đơn vị cấp huyện|đơn vị cấp xã|thôn, bản|thôn, tổ dân phố|"
                          r"xã, phường, thị trấn|huyện, thị xã, thành phố)(?:\s(?!ủy|uỷ)|$)")   # (not `huyện ủy`: a body)
# the same share restated as a fraction in brackets right after it: `100% (152/152) đảng bộ trực thuộc …`
_RESTATED_AFTER = re.compile(r"^\s*\(\s*[\d.,]+\s*/\s*[\d.,]+\s*\)")
# what may stand before a share that opens its clause part: nothing, `có`, `với`, `và`, a hedge
_OPENS_A_SHARE = re.compile(r"\s*(?:(?:có|với|và|trong đó|hiện|đã|nay|vẫn còn|còn)\s*)*(?:(?:trên|hơn|gần|khoảng|xấp xỉ)\s*)?",
                            re.IGNORECASE)


# a part that opens a clause of its own, whose subject the part before does not give: `…, trong khi kế hoạch …`
_OPENS_ANOTHER_CLAUSE = re.compile(r"\s*(?:trong khi|nhưng|song|mà)(?!\w)", re.IGNORECASE)
