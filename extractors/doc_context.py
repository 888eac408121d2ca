"""What a document has said so far, for the rules that attribute each figure: its text, sentences,
province and date, and per sentence the periods named so far (the running period of a section), whether
its paragraph sets out targets, and the spans of its figures. `DocContext.build` reads it once.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from extractors.cues import (PROGRAMME, TARGET_AS_RESULT, TARGET_CUE, TARGET_SENTENCE, TARGETS_REVIEWED, Needs,
                             PhrasesWritten, words, led)
from extractors.gazetteer import PlacesIn, find_places
from extractors.periods import SAME_TIME_OF, Period, bracket_at, brackets, dateline_date, find_periods, topical
from extractors.sentences import Sentence, sentence_starts
from extractors.normalize import UPPER


# a title that opens with its year: `Năm 2019, …`, `2024: …`
_TITLE_YEAR = re.compile(r"\s*(?:[Nn]ăm\s+)?((?:19|20)\d{2})\s*[,:\-–]")
_REPORTED_PART = ("half", "nine", "months", "quarter")
# where a period "up to" a date starts (`Đến ngày 15/5/2018`, `tính đến hết tháng 9`)
_UP_TO_AT = re.compile(r"(?:tính\s+)?(?:đến|tới|hết)(?!\w)", re.IGNORECASE)
# what a lead says the page reports on before the part of a year it names: `Tình hình KT-XH 6 tháng đầu năm 2020 …`
_REPORT_OF = re.compile(r"(?<!\w)(?:tình hình|kết quả|báo cáo|kinh tế\s*[-–]\s*xã hội|KT-XH|KTXH)(?!\w)", re.IGNORECASE)
# a school year, which times an education page's figures that follow: `Bước vào học kỳ II năm học 2017-2018, …`
_SCHOOL_YEAR = re.compile(r"(?<!\w)năm học\s*$", re.IGNORECASE)
# the provinces' and districts' merger that took effect on 1 July 2025, which a page that names no year speaks of:
# `TP Hải Phòng mới`, `tỉnh Phú Thọ (mới, sau sáp nhập)`, `Đà Nẵng (cũ)`, `huyện Tuần Giáo (cũ)`, `sau hợp nhất`,
# `chính quyền địa phương 2 cấp`, `34 tỉnh, thành phố`
MERGER_YEAR = "2025"
_MERGER = re.compile(r"(?<!\w)(?:sau\s+(?:khi\s+)?(?:sáp nhập|hợp nhất|sắp xếp)|chính quyền địa phương (?:2|hai) cấp|"
                     r"34 tỉnh, thành(?: phố)?)(?!\w)|"
                     r"(?:" + UPPER + r"[^\W\d_]*\s+)(?:\((?:cũ|mới)\b|mới(?=\s+(?:ước|đạt|tăng|có|là)(?!\w)))")
_MERGER = led(_MERGER)   # (tried only where a character one of its matches starts with stands: `cues.led`)
_BASE_YEAR = re.compile(r"(?<!\w)so(?: với)?\s+(?:(?:thời điểm\s+)?(?:cuối|hết)\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\d)")
_BASE_YEAR = led(_BASE_YEAR)   # (tried only where a character one of its matches starts with stands: `cues.led`)
# what a result is compared with (`so với cùng kỳ năm 2022`, `so với tháng 9/2017`) or counted from (`Từ tháng 4-2023`,
# `từ đầu năm 2021`): the page is of a later year than the first, not of an earlier year than the second
# (a look ahead for its first letter before its look behind: not tried at every place)
_LATER_THAN = re.compile(r"(?=[sS])(?<!\w)[sS]o(?: với)?\s+(?:cùng kỳ\s+)?(?:(?:thời điểm\s+)?(?:cuối|hết)\s+)?"
                         r"(?:tháng\s+(\d{1,2})\s*[/-]\s*|năm\s+)?((?:19|20)\d{2})(?![\d/-])")
# a span of years whose result is reported, its end: `tốc độ tăng trưởng … thời kỳ 1989-2019 đạt 8,2%`
_SPAN_REPORTED = re.compile(r"(?<!\w)(?:thời kỳ|giai đoạn)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\s+(?:đã\s+)?(?:đạt|tăng|giảm)(?!\w)")
# a month named without its year: `tháng 9` (not `tháng 9/2017`)
_BARE_MONTH = re.compile(r"(?<!\w)tháng\s+0?(\d{1,2})(?!\s*[/-]\s*\d|\d)")
# (a look ahead for its first letter before its look behind: not tried at every place)
_NOT_BEFORE = re.compile(r"(?=[Tt])(?<!\w)[Tt]ừ\s+(?:đầu\s+)?(?:tháng\s+\d{1,2}\s*[/-]\s*|năm\s+)((?:19|20)\d{2})(?![\d/-])")
# a commune, ward or town named in full: `Xã Tham Đôn`, `phường Hòa Thuận`, `thị trấn Phú Phong` (not `Hợp tác xã …`)
# (its look behinds stand behind a look ahead for its first letters: they are not tried at every place of the page)
_COMMUNE = re.compile(r"(?=[XxPpTt])(?<!\w)(?<![Tt]ác )([Xx]ã|[Pp]hường|[Tt]hị trấn)\s+(" + UPPER + r"[^\W\d_]*(?:\s+" + UPPER + r"[^\W\d_]*){0,2})(?!\w)")
_COMMUNE_WORDS = ("xã", "Xã", "phường", "Phường", "thị trấn", "Thị trấn")
_NAME_WORDS = UPPER + r"[^\W\d_]*(?:\s+" + UPPER + r"[^\W\d_]*){0,2}"
# a name that goes on a list of communes, before what it did: `…, A Bung giảm 7,01% và Húc Nghì giảm 6,54%`
_LISTED_NAME = re.compile(r"(?:,|\svà)\s+(" + _NAME_WORDS + r")\s+(?:giảm|tăng|đạt|có|chiếm|là)(?!\w)")
# a name said to be a commune: `Hướng Hiệp là xã có …`
_NAME_IS_COMMUNE = re.compile(r"(?<![\w,])(" + _NAME_WORDS + r")\s+là\s+(xã|phường|thị trấn)(?!\w)")
# what each match of it ends with: where the text writes none, the pattern (tried at every capital letter of the page)
# is not run
_IS_A_COMMUNE = re.compile(r"là\s+(?:xã|phường|thị trấn)(?!\w)")
GATE_COMMUNE_NAMES = True   # tests/test_fast_paths_eleventh.py turns it off to compare with the plain reading


def _names_a_commune(text: str) -> bool:
    """Whether `_NAME_IS_COMMUNE` is run over the page: ` là ` is written (as always), and so is what its matches end
    with (`là xã`, `là phường`, `là thị trấn`)."""
    return " là " in text and (not GATE_COMMUNE_NAMES or _IS_A_COMMUNE.search(text) is not None)


def _commune_matches(text: str):
    """`_COMMUNE.finditer(text)`, the pattern tried only where one of its words is written (every match starts with
    one: its look behinds and look ahead take no text): found with `str.find`, not by a scan of every place."""
    starts = []
    for w in _COMMUNE_WORDS:
        k = text.find(w)
        while k >= 0:
            starts.append(k)
            k = text.find(w, k + 1)
    p = 0
    for c in sorted(starts):
        if c < p:
            continue   # (inside the match before: `finditer` goes on after a match's end)
        m = _COMMUNE.match(text, c)
        if m is not None:
            yield m
            p = m.end()


# words that report what was done (an estimate of it included), not what is planned
_REPORTED = re.compile(r"(?<!\w)(?:ước|đã|đạt được|ước thực hiện)(?!\w)", re.IGNORECASE)
# a period that labels the figure right before it (`cao hơn mức tăng 3,59% của 6 tháng đầu năm 2021`): the time of
# that figure only, not of what follows
_OF_THE_FIGURE = re.compile(r"\d\s*%?\s+của\s+$|(?<!\w)trong khi\s+(?:năm\s+)?$")   # (`…, trong khi năm 2023 âm 8,37%`)
# the year a poverty review counts, named with it: `phê duyệt kết quả Tổng rà soát hộ nghèo, hộ cận nghèo năm 2021`
_REVIEW_OF_YEAR = re.compile(r"(?<!\w)rà soát hộ nghèo(?:,? (?:và )?hộ cận nghèo)?(?:\s+(?:cuối|của))?\s+(?:năm\s+)?$")
# a party congress named with its term: it meets in the term's first year
# (a look ahead for its first letter before its look behind: not tried at every place)
CONGRESS_OPENS = re.compile(r"(?=Đ)(?<!\w)Đại hội[^.;]{0,80}?(?<!trong )(?<!qua )(?<!cả )nhiệm kỳ\s*((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}")
# (not the term a congress's report looks back on: `Báo cáo chính trị tại Đại hội … cho thấy, trong nhiệm kỳ 2015 – 2020`)
# a page that reviews a year gone by: `kết quả rà soát hộ nghèo`, `tổng kết`, `Đến hết năm 2019`
_REVIEWS = re.compile(r"(?<!\w)(?:rà soát|tổng kết|(?:đến|tính đến)\s+(?:hết|cuối)\s+năm\s+(?:19|20)\d\d)", re.IGNORECASE)
# the end of a year before it: `Đến hết năm 2018`, `tính đến cuối năm 2020`
_END_OF = re.compile(r"(?:hết|cuối)\s+năm\s*$", re.IGNORECASE)
# a paragraph that goes on with a plan's figures: `Hằng năm, …`, `Mỗi năm, …`, `Cụ thể, huyện Minh Hóa giảm …`
_EACH_YEAR = re.compile(r"\s*(?:(?:Hằng|Hàng|Mỗi|Bình quân hằng|Bình quân hàng)\s+năm|Cụ thể)\b")


def _with_known_year(p: Period, year: str) -> Period:
    """A period without a year (`H1`, `Q2`, `10M`, `M10`) given the year in force."""
    if p.value[:4].isdigit() or p.value in ("Y", "YTD", "MLAST", "YPAST", "YPREV") or p.value.endswith("NOW"):
        return p
    value = f"{year}-{p.value[1:]}" if p.value.startswith("M") else f"{year}-{p.value}"
    return Period(p.pos, value, p.kind, p.paragraph)


@dataclass
class DocContext:
    text: str
    province: str | None
    published: str | None
    sentences: list[Sentence]
    title: str | None = None
    province_source: str | None = None   # where the document's province was found (document_frame.SOURCES)
    site_district: str | None = None   # the district whose own site the document is on (document_frame.site_district)
    # per sentence: the periods of the last sentence before it that named one (what the document
    # said last): `kết quả năm 2021; nhiệm vụ năm 2022` gives results 2021 and targets 2022
    running: list[list[Period]] = field(default_factory=list)
    # the same, counting only sentences that report results (a plan's year does not date results)
    running_actual: list[list[Period]] = field(default_factory=list)
    # per sentence: a target cue earlier in the paragraph (a paragraph that sets out targets)
    para_target: list[bool] = field(default_factory=list)
    sentence_periods: list[list[Period]] = field(default_factory=list)
    sentence_brackets: list[list[tuple[int, int]]] = field(default_factory=list)  # per sentence: periods.brackets
    # per sentence: the last period any earlier sentence (or the title) named, topical or not
    last_named: list[Period | None] = field(default_factory=list)
    # per sentence: the last term (`nhiệm kỳ 2025-2030`) named before it, which a plan's figures keep
    last_term: list[Period | None] = field(default_factory=list)
    # the deadline a sentence of targets named last, before each sentence (`Tỉnh đặt mục tiêu phấn đấu đến năm 2025 có …`)
    last_deadline: list[Period | None] = field(default_factory=list)
    # per sentence: the spans of its figures, so that a period written right after one figure
    # (`từ 73,26% (2021) xuống còn 61,04%`) is kept for that figure
    figure_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _paragraph_starts: dict[int, int] = field(default_factory=dict, repr=False)
    # paragraphs that go on with a plan's yearly figures (`Hằng năm, …` after a paragraph of targets)
    plan_paragraphs: set[int] = field(default_factory=set)
    # per sentence index: its text with the words that look like cues but are none blanked out (status.py)
    status_cleaned: dict[int, str] = field(default_factory=dict, repr=False)
    # how far into the text status.py read whether the page adopts a plan -> the answer (`_page_adopts_plan`)
    status_memo: dict[int, bool] = field(default_factory=dict, repr=False)
    # per sentence index: its province names, found once (`places_in`)
    _places: dict[int, PlacesIn] = field(default_factory=dict, repr=False)
    status_model_sums: dict = field(default_factory=dict, repr=False)   # extractors/status_model.probability_at
    # the sentence in hand, its periods and figures, and which figures own each period (period_choice._owners)
    period_owners: list = field(default_factory=list, repr=False)
    # (pattern, sentence index) -> where the pattern first matches in that sentence, -1 nowhere (`first_in_sentence`)
    _first_hits: dict = field(default_factory=dict, repr=False)
    _communes_in: tuple = field(default=(None, {}), repr=False)   # (`communes_in`: the sentence in hand's)
    # per sentence index: whether it sets out targets (`is_target_sentence`), read once (`target_sentence`)
    _target_sentences: dict[int, bool] = field(default_factory=dict, repr=False)
    # per sentence: whether it is a heading (`is_heading`), read once by `build` (`heading`)
    headings: list[bool] = field(default_factory=list, repr=False)

    @classmethod
    def build(cls, text: str, sentences: list[Sentence], province: str | None, published: str | None,
              title: str | None = None, province_source: str | None = None,
              site_district: str | None = None) -> "DocContext":
        ctx = cls(text, province, published or dateline_date(text), sentences, title, province_source, site_district)
        current: list[Period] = []
        if title:
            current = [Period(p.pos, p.value, p.kind, -1) for p in find_periods(title) if p.kind != "deadline"]
        # a title that sets a target (`Phấn đấu đạt 7,47 triệu lượt khách trong năm 2018`) does not date results
        current_actual = [] if title and TARGET_CUE.search(TARGET_AS_RESULT.sub(" ", title)) else current
        target_in_para: dict[int, bool] = {}
        named: list[Period] = list(current)
        terms: list[Period] = [p for p in current if p.kind == "term"]
        deadline: Period | None = None
        # (the paragraph of a look back at an earlier year, the periods it stood in for, where in `named` it began)
        aside = None
        for s in sentences:
            if aside is not None and s.paragraph != aside[0]:
                # `Năm 2021, Đảng bộ … kết nạp …` in a page of 2022 about 2022: a look back for its own paragraph;
                # the next paragraph is of the page's time again
                # (only the periods named since the look back began: the cost stays linear in the document)
                named[aside[3]:] = [p for p in named[aside[3]:] if p.paragraph != aside[0] or not p.value[:4].isdigit()
                                    or int(p.value[:4]) >= (ctx.pub_year or 0)]
                current, current_actual, aside = aside[1], aside[2], None
            named_before = len(named)
            ps = find_periods(s.text)
            spans = brackets(s.text) if "(" in s.text else []
            ctx.sentence_brackets.append(spans)
            for p in ps:
                p.paragraph = s.paragraph
                p.bracket = bracket_at(spans, p.pos, s.text) if spans else None
                if p.kind == "deadline" and ctx.pub_year and int(p.value[:4]) <= ctx.pub_year:
                    p.kind = "year"  # `Đến hết năm 2022, toàn tỉnh có 119/119 xã` in 2023: up to a past date
                elif p.kind == "deadline" and not ctx.pub_year and (
                        _REPORTED.search(s.text) or _END_OF.search(s.text, max(0, p.pos - 12), p.pos)
                        and not ctx.target_sentence(s)):
                    # undated, but `Đến cuối năm 2020, Quảng Ngãi ước giảm …` reports: up to then; so does `Đến hết
                    # năm 2018, tỷ lệ xã … chiếm hơn 71%` (the end of a year, in a sentence that sets no target)
                    p.kind = "year"
            ctx.sentence_periods.append(ps)
            ctx.last_named.append(named[-1] if named else None)
            ctx.last_term.append(terms[-1] if terms else None)
            ctx.last_deadline.append(deadline)
            if any(p.kind == "deadline" for p in ps) and ctx.target_sentence(s):
                deadline = [p for p in ps if p.kind == "deadline"][-1]
            terms += [p for p in ps if p.kind == "term"]
            # a period in brackets is an aside (`(quý I/2023 đạt 4,11%)`): it does not set the time of what follows
            named += [p for p in ps if p.kind in ("year", "quarter", "half", "nine", "months", "month")
                      and p.bracket is None and not _OF_THE_FIGURE.search(s.text, max(0, p.pos - 16), p.pos)]
            ctx.running.append(current)
            ctx.running_actual.append(current_actual)
            if s.paragraph not in target_in_para and target_in_para.get(s.paragraph - 1) \
                    and _EACH_YEAR.match(s.text):
                target_in_para[s.paragraph] = True  # `Hằng năm, tỷ lệ … đạt 80% trở lên` after a plan's paragraph
                ctx.plan_paragraphs.add(s.paragraph)
            ctx.para_target.append(target_in_para.get(s.paragraph, False))
            heading = is_heading(s, ctx)  # a heading names the period of its section
            ctx.headings.append(heading)
            carried = [p for p in ps if p.kind not in ("deadline", "sofar") and p.bracket is None
                       and (heading or topical(s.text, p.pos)
                            or p.kind == "year" and _REVIEW_OF_YEAR.search(s.text, max(0, p.pos - 60), p.pos)
                            or s.index == 0 and p.kind in _REPORTED_PART and not current
                            and _REPORT_OF.search(s.text, 0, p.pos)
                            or p.kind == "term" and _SCHOOL_YEAR.search(s.text, max(0, p.pos - 12), p.pos))]
            # (the lead's part of a year, as a title's, is what the page reports on: `Tình hình KT-XH 6 tháng đầu năm 2020
            # trên địa bàn Hà Tĩnh giữ mức ổn định …`)
            if carried and aside is None and all(p.kind == "year" and _UP_TO_AT.match(s.text, p.pos) for p in carried) \
                    and any(not re.fullmatch(r"\d{4}|Y", c.value) for c in current):
                # `Đến ngày 15/5/2018 đã cấp …` in a report of May 2018: up to a date for its own paragraph; the next
                # paragraph is of the report's time again
                aside = (s.paragraph, current, current_actual, len(named))
            known = next((p.value[:4] for p in reversed(current) if p.value[:4].isdigit()), None)
            if known:
                # `6 tháng đầu năm` said again after the title's `6 tháng đầu năm 2025`: the same year
                carried = [_with_known_year(p, known) for p in carried]
            if carried:
                year_now = ctx.pub_year
                reviewed = any(p.kind == "year" and _REVIEW_OF_YEAR.search(s.text, max(0, p.pos - 60), p.pos) for p in carried)
                if year_now and aside is None and not heading and not reviewed and all(p.value[:4].isdigit() and int(p.value[:4]) < year_now
                                                                      for p in carried) \
                        and all(p.value[:4] == str(year_now) or not p.value[:4].isdigit() for p in current) \
                        and (ctx.published or "")[5:7] not in ("", "01", "02"):   # (not a review of the year before)
                    aside = (s.paragraph, current, current_actual, named_before)
                current = carried
                if heading or not TARGET_CUE.search(TARGET_AS_RESULT.sub(" ", s.text)):
                    current_actual = carried
            if ctx.target_sentence(s):
                target_in_para[s.paragraph] = True
                future = [p for p in ps if p.kind == "deadline" and ctx.pub_year and int(p.value[:4]) > ctx.pub_year]
                if future:
                    current = future[-1:]  # `Tỉnh phấn đấu đến năm 2025, …`: the targets that follow are for 2025
        return ctx

    def paragraph_start(self, s: Sentence) -> int:
        """Where the paragraph of sentence `s` begins."""
        if not self._paragraph_starts:
            for x in self.sentences:
                self._paragraph_starts.setdefault(x.paragraph, x.start)
        return self._paragraph_starts[s.paragraph]

    def target_sentence(self, s: Sentence) -> bool:
        """`is_target_sentence(s.text)`, read once per sentence (`build` and `doc_year` both ask of every sentence)."""
        got = self._target_sentences.get(s.index)
        if got is None:
            got = self._target_sentences[s.index] = is_target_sentence(s.text)
        return got

    def heading(self, s: Sentence) -> bool:
        """`is_heading(s, self)`, as `build` read it for each sentence (not once per figure)."""
        if s.index < len(self.headings) and self.sentences[s.index] is s:
            return self.headings[s.index]
        return is_heading(s, self)

    def places_in(self, s: Sentence, lo: int, hi: int) -> list:
        """`gazetteer.find_places(self.text[lo:hi], comparisons=True)` for a stretch of sentence `s`, its
        province names found once per sentence (not once per figure)."""
        if not s.start <= lo <= hi <= s.end:
            return find_places(self.text[lo:hi], comparisons=True)
        places = self._places.get(s.index)
        if places is None or places.text is not s.text:
            self._places.clear()   # the figures come in order: only the sentence in hand is kept (memory)
            places = self._places[s.index] = PlacesIn(s.text)
        return places.find(lo - s.start, hi - s.start)

    def since_named(self, index: int, period: str) -> bool:
        """Whether `period` (`2015-2017`) is a `Từ năm 2015 đến nay` of sentence `index` or of what the
        document named last, rather than a term (`giai đoạn 2016-2019`) whose ends a change does not split."""
        start = period[:4]
        return any(p.kind == "since" and p.value.startswith(start)
                   for p in (*self.sentence_periods[index], *self.running[index]))

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The sentences' start offsets, for `sentences.sentence_at` (computed once, not per figure)."""
        return sentence_starts(self.sentences)

    @cached_property
    def compares_two_years_back(self) -> bool:
        """The text compares with the year two before its date (`tăng 7,2% so với năm 2021` in January 2023):
        a review of the year gone by."""
        return self.pub_year is not None and re.search(
            rf"(?<!\w)so với\s+(?:cùng kỳ\s+|(?:thời điểm\s+)?cuối\s+)?(?:năm\s+)?{self.pub_year - 2}(?!\d)", self.text) is not None

    @cached_property
    def communes(self) -> dict[str, str]:
        """The communes, wards and towns the page names in full (`Xã Tham Đôn`), by their bare names (`Tham Đôn`
        -> `xã Tham Đôn`); a name two of them share is left out."""
        seen: dict[str, str] = {}

        def add(bare: str, full: str) -> None:
            if len(bare) >= 4 and not bare.isupper():
                seen[bare] = full if seen.get(bare, full) == full else ""

        for m in _commune_matches(self.text):
            kind = m.group(1).lower()
            add(m.group(2), f"{kind} {m.group(2)}")
            if self.text[max(0, m.start() - 4):m.start()] == "các ":
                # `kế đến là các xã A Vao giảm 7,7%, A Bung giảm 7,01% và Húc Nghì giảm 6,54%`: the list's other
                # names, each before what it did, are communes of the same kind
                # (to the end of the sentence or clause, at most 400 characters on: each search bounded by them, so
                # that a page of many such lists is read in linear time)
                reach = m.end() + 400
                stop = min((k for k in (self.text.find(".", m.end(), reach), self.text.find("\n", m.end(), reach),
                                        self.text.find(";", m.end(), reach)) if k >= 0), default=reach)
                for item in _LISTED_NAME.finditer(self.text, m.end(), stop):
                    add(item.group(1), f"{kind} {item.group(1)}")
        for item in _NAME_IS_COMMUNE.finditer(self.text) if _names_a_commune(self.text) else ():
            add(item.group(1), f"{item.group(2)} {item.group(1)}")   # `Hướng Hiệp là xã có hộ nghèo giảm nhiều nhất`
        return {b: f for b, f in seen.items() if f}

    def communes_in(self, s: Sentence) -> dict[str, str]:
        """`communes`, those sentence `s` writes only, looked for once per sentence (not once per figure); only the
        sentence in hand is kept (memory)."""
        if self._communes_in[0] is not s.text:
            self._communes_in = (s.text, {b: f for b, f in self.communes.items() if b in s.text})
        return self._communes_in[1]

    @cached_property
    def congress_opens(self) -> str | None:
        """The first year of the term a congress the page names opens (`Đại hội … nhiệm kỳ 2020-2025`: `2020`)."""
        opened = CONGRESS_OPENS.search(self.text)
        return opened.group(1) if opened else None

    def first_in_sentence(self, index: int, pattern: re.Pattern) -> int:
        """Where `pattern` first matches in sentence `index` (-1: nowhere), searched once per sentence however many
        figures ask (a sentence of many figures is not read again for each)."""
        key = (pattern.pattern, index)
        if key not in self._first_hits:
            hit = pattern.search(self.sentences[index].text)
            self._first_hits[key] = hit.start() if hit else -1
        return self._first_hits[key]

    @cached_property
    def reviews_year_before(self) -> bool:
        """A page of the first quarter that reviews the year before it (`kết quả rà soát hộ nghèo … năm 2021` on
        6 January 2022, `tổng kết`, `Đến hết năm 2019`) and names no time of its own year: its `hiện nay` is the end of
        the year it reviews."""
        if self.pub_year is None or not self.published or self.published[5:7] not in ("01", "02", "03") \
                or not _REVIEWS.search(self.text):
            return False
        years = {p.value[:4] for ps in self.sentence_periods for p in ps if p.kind not in ("deadline", "vision", "term")}
        return str(self.pub_year - 1) in years and str(self.pub_year) not in years

    @cached_property
    def doc_part(self) -> str | None:
        """The first part of a year (`2024-9M`, `2023-H1`, `2023-Q2`) the page names of the year it names most."""
        return self._first_part(yearless=False)

    @cached_property
    def reported_part(self) -> str | None:
        """`doc_part`, or a part the page names with no year (`Trong 9 tháng, …`: of the year it names most)."""
        return self._first_part(yearless=True)

    def _first_part(self, yearless: bool) -> str | None:
        year = self.doc_year
        return next((_with_known_year(p, year).value for ps in self.sentence_periods for p in ps
                     if p.kind in ("quarter", "half", "nine", "months") and p.bracket is None
                     and (p.value[:4] == year or yearless and not p.value[:4].isdigit())), None) if year else None

    @cached_property
    def first_time_named(self) -> int:
        """The index of the first sentence that names a time other than a deadline (the number of sentences if none)."""
        return next((k for k, ps in enumerate(self.sentence_periods) if any(p.kind not in ("deadline", "vision")
                                                                             for p in ps)), len(self.sentence_periods))

    @cached_property
    def doc_year(self) -> str | None:
        """The year the document names most, for a document without a date."""
        title = find_periods(self.title) if self.title else []
        years = [y for ps in [title, *self.sentence_periods] for y in _figure_years(ps)]
        # the years of its results first: a target sentence's year (`Năm 2023, tỉnh phấn đấu …`) is a plan's
        results = [y for s, ps in zip(self.sentences, self.sentence_periods) if not self.target_sentence(s)
                   for y in _figure_years(ps)]
        if results:
            # a title that opens with the year it reports (`Năm 2019, Vĩnh Phúc có 13/13 chỉ tiêu … đạt`) names the page's
            # year, however many other years its text compares with
            opening = _TITLE_YEAR.match(self.title or "")
            if opening and not is_target_sentence(self.title):
                return opening.group(1)
            most = Counter(results).most_common(1)[0][0]   # a tie: the first named
            # `Đặc biệt, năm 2021, tỉnh thu hút …` in a page whose results are compared with `cùng kỳ năm 2022`: a
            # year the page looks back to, not its own
            floor = self.earliest_possible_year
            return str(floor) if floor and most.isdigit() and floor > int(most) else most
        same_time = SAME_TIME_OF.search(self.text) or _BASE_YEAR.search(self.text)
        if same_time:
            # only `so với cùng kỳ năm 2019`, `so với năm 2018` among its results: the text is of the year after (not
            # of the year its plans are for: `Năm 2017, mục tiêu phấn đấu …` after `giảm 10% so năm 2015`)
            return str(int(same_time.group(1)) + 1)
        if years:
            return Counter(years).most_common(1)[0][0]
        if self.earliest_possible_year:
            return str(self.earliest_possible_year)   # `Từ tháng 4-2023, Hải Dương đã chuyển giao …`: 2023 at the earliest
        # no year at all: a page that speaks of the 2025 merger is of its year at the earliest
        return MERGER_YEAR if _MERGER.search(f"{self.title or ''} {self.text}") else None

    @cached_property
    def earliest_possible_year(self) -> int | None:
        """The earliest year an undated page can be of, by what its results are compared with (`tăng 12,7% so với
        tháng 9/2017` beside a bare `tháng 9`: 2018), counted from (`Từ tháng 4-2023`: 2023) or reported over (`thời
        kỳ 1989-2019 đạt 8,2%`: 2019); plans' sentences are not read (`đến năm 2025 gấp đôi so với năm 2020`)."""
        floor = 0
        bare_months = None   # the months the text names without a year (read once, on the first month compared)
        named = None   # the years the text names (read once, at the first span reported)
        for s in self.sentences:
            based = "so" in s.text or "ừ" in s.text
            spanned = "thời kỳ" in s.text or "giai đoạn" in s.text
            if not (based or spanned) or self.target_sentence(s):
                continue
            for m in _LATER_THAN.finditer(s.text) if based else ():
                month = m.group(1)
                if month is not None and "cùng kỳ" not in m.group(0) and bare_months is None:
                    bare_months = {int(b.group(1)) for b in _BARE_MONTH.finditer(self.text)}
                if month is None or "cùng kỳ" in m.group(0) or int(month) in bare_months:
                    floor = max(floor, int(m.group(2)) + 1)   # (a month compared with the same month of a year before)
            for m in _NOT_BEFORE.finditer(s.text) if based else ():
                floor = max(floor, int(m.group(1)))
            for m in _SPAN_REPORTED.finditer(s.text) if spanned else ():
                start, end = int(m.group(1)), int(m.group(2))
                if named is None:
                    named = [int(y) for ps in self.sentence_periods for y in _figure_years(ps)]
                if end - start >= 10 and not any(start < y < end for y in named):
                    # `GRDP thời kỳ 1989-2019 đạt 8,2%`: a look back over a decade or more is reported when it ended
                    # (not a five-year plan's span, often reported half-way, nor one the page names a year inside of)
                    floor = max(floor, end)
        return floor or None

    @property
    def year_spoken_from(self) -> int | None:
        """The year the document speaks from: its date's, or, undated, the year it names most (`doc_year`)."""
        return self.pub_year or (int(self.doc_year) if self.doc_year and self.doc_year.isdigit() else None)

    @property
    def pub_year(self) -> int | None:
        return int(self.published[:4]) if self.published and self.published[:4].isdigit() else None


def _figure_years(ps: list[Period]) -> list[str]:
    """The years periods `ps` name as the time of a figure: not terms, deadlines or asides in brackets."""
    return [p.value[:4] for p in ps if p.kind not in ("term", "deadline") and p.value[:4].isdigit() and p.bracket is None]


def is_heading(sentence: Sentence, ctx: DocContext) -> bool:
    """A title or section heading: a short paragraph of its own without final punctuation, in a
    document of several paragraphs (a one-line claim pasted by a journalist is not a heading)."""
    t = sentence.text.strip()
    if not ctx.sentences or ctx.sentences[-1].paragraph == 0:
        return False
    return not t.endswith((".", ";", "!", "?", "…", ":")) and len(t.split()) <= 25 and "\n" not in t


def is_target_sentence(s: str) -> bool:
    """A sentence that sets out targets (`phấn đấu`, `mục tiêu`); a programme named for its targets and a
    plan met (`vượt kế hoạch`) and a review of targets met (`có 18/21 chỉ tiêu chủ yếu đạt và vượt`) do not."""
    if not _target_words_written(s):
        return False   # (most sentences: no blanking is read, no scan)
    cleaned = TARGET_AS_RESULT.sub(" ", TARGETS_REVIEWED.sub(" ", PROGRAMME.sub(" ", s)))
    return bool(TARGET_SENTENCE.search(cleaned))


# The first word of each phrase `TARGET_SENTENCE` reads (`mục`, `phấn`, `chỉ`, `dự`), ignoring case as it does. Each
# of its matches holds one, and the blanking above only puts blanks for what it takes out: a word of letters in the
# cleaned sentence is written in the sentence too, so where none is, the cleaned sentence sets out no target.
_TARGET_WORDS_WRITTEN = Needs(TARGET_SENTENCE, tuple(dict.fromkeys(w.split()[0] for w in words("target_sentence"))))
# Every word of such a phrase is a run of letters in the cleaned sentence, so it is written in the sentence too: where
# no phrase has all its words written (`chỉ` alone, in `chỉ số`, `chỉ đạo`, is not `chỉ tiêu chủ yếu`), no target is set.
_TARGET_PHRASES_WRITTEN = PhrasesWritten(words("target_sentence"))
ALL_TARGET_WORDS = True   # tests/test_fast_paths_eleventh.py turns it off to compare with the first words' gate


def _target_words_written(s: str) -> bool:
    """Whether every word of one of `TARGET_SENTENCE`'s phrases is written in `s`, ignoring case as it does."""
    return _TARGET_PHRASES_WRITTEN(s) if ALL_TARGET_WORDS else _TARGET_WORDS_WRITTEN._may(s)
