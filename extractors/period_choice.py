"""The period of one figure: its own label (`năm 2021: 9,44%`, `73,26% (2021)`), else a period of its clause
or sentence not owned by another figure, else the period the document named last (the earliest for a
result, the latest for a target), else the document's date; a period without a year takes one
(`with_year`).
"""
from __future__ import annotations

import re

from extractors.cues import Needs, first_letters, led
from extractors.doc_context import CONGRESS_OPENS, DocContext
from extractors.endings import EndsWith
from extractors.periods import SAME_TIME_OF, Period, bracket_at, month_count, months_part
from extractors.record import Mention
from extractors.sentences import Sentence
from extractors.normalize import UPPER


# (the patterns asked about every figure's period, compiled once)
_TERM_VALUE = re.compile(r"\d{4}-\d{4}")
_YEAR_FIRST = re.compile(r"(?:19|20)\d{2}")
_YEAR_DASH = re.compile(r"(?:19|20)\d{2}-")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})-(\d{2})")
# a year, and the part of it if one is named (`2022`, `2022-H1`, `2022-9M`, `2022-Q3`, `2022-07`)
_YEAR_AND_PART = re.compile(r"((?:19|20)\d{2})(-(?:Q[1-4]|H[12]|\d{1,2}M|\d{2}))?")
_MONTHS_OR_PART = re.compile(r"(?:(?:19|20)\d{2}-)?(?:\d{1,2}M|Q1|H1|9M)")
_RIGHT_AFTER = re.compile(r"(?:\s*,\s*(?:tỷ lệ|tỉ lệ|chiếm|bằng)\s+[\d.,]+\s*%)?"   # (`75.639 hộ, tỉ lệ 24,31% (năm 2010)`)
                          r"\s*(?:\(\s*(?:(?:cuối|đầu|hết)\s+)?(?:năm\s+)?|(?:vào\s+)?(?:cuối|đầu|hết)\s+(?:năm\s+)?|"   # (`9,89% (cuối năm 2017)`)
                          r"(?:vào|trong|của)\s+năm\s+|năm\s+|của\s+)")
_LABEL_GAP = re.compile(r"\(?(?:năm\s+)?[\d\s/QIV-]*\s*[:=]\s*")
_COMPARED_IS = re.compile(r"(?:năm\s+)?(?:19|20)\d{2}\s*là\s*")
_COMPARED_WITH_END = re.compile(r"(?<!\w)(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|so với|so)\s+(?:năm\s+)?$")
_LABEL_VERB_GAP = re.compile(r"[\d\s/QIV-]*\s*(?:tăng|giảm|đạt|là|còn)\s*")


def _pick_before(periods: list[Period], upto: int) -> str | None:
    before = [p for p in periods if p.pos < upto]
    return before[-1].value if before else None


_NOW_WORDS = ("đến nay", "hiện nay", "hiện tại", "tính đến nay", "cho đến nay", "hiện có", "hiện còn")
# (asked only whether it matches: the words' alternatives behind a look ahead for their first letters, `first_letters`;
# run only where one of its words or `hiện` is written, ignoring case: every match holds one)
_HERE_AND_NOW = Needs(re.compile(rf"{first_letters(_NOW_WORDS)}(?:(?<!\w)(?:{'|'.join(_NOW_WORDS)})(?!\w)|"
                                 r"(?<!\w)hiện\s+(?:" + UPPER + r"\w*\s+){1,3}(?:có|còn)(?!\w)|"
                                 r"(?<!\w)(?<!thực )(?<!thể )(?<!xuất )(?<!phát )(?<!biểu )hiện đã(?!\w))|^\s*Hiện\b",
                                 re.IGNORECASE), (*_NOW_WORDS, "hiện"))


def period_of(m: Mention, s: Sentence, ctx: DocContext, cs: int) -> tuple[str | None, str | None]:
    """The period of a figure, and where it was found: `sentence`, `paragraph` (an earlier sentence
    of its paragraph), `document` (the title, an earlier paragraph or heading, the document's date)."""
    rel_cs, rel_m = cs - s.start, m.start - s.start
    own = _own_period(ctx.sentence_periods[s.index], s.text, rel_m, m.end - s.start, ctx)
    if own is not None:
        part = _part_outside_bracket(ctx, s, rel_m, own) if len(own) == 4 and m.kind != "rank" \
            and not _PLAN_OPENS_BRACKET.search(ctx.text, max(s.start, m.start - 40), m.start) else None
        # (`GDP 6 tháng đầu năm … đạt 7,52% (năm 2012 đạt 5,7%, …)`: that year's same months)
        return part or own, "sentence"
    opened = ctx.text.rfind("(", max(s.start, m.start - 160), m.start)
    if opened >= 0 and ")" not in ctx.text[opened:m.start] and ("năm" in ctx.text[opened:m.start]
                                                                 or "cùng kỳ" in ctx.text[opened:m.start]):
        named = _YEAR_OPENS_BRACKET.match(ctx.text, opened, m.start)
        if named and not re.search(r"(?:19|20)\d{2}", ctx.text[named.end(1):m.start]) \
                and not re.search(r"(?:quý|tháng)(?:\s+\S+)?\s+năm\s+\d{4}", ctx.text[opened:named.end(1)], re.IGNORECASE):
            # (not a part of that year: `(Cơ cấu tương ứng quý I năm 2022: 18,42%; …)` is read below)
            if "cùng kỳ" in named.group(0):
                # `(cùng kỳ 2012: 5,02%, …)` in a report of six months: the same part of that year
                part = next((p.value[5:] for p in (*ctx.sentence_periods[s.index], *ctx.running_actual[s.index])
                             if (y := _YEAR_AND_PART.fullmatch(p.value)) and y.group(2)), None)
                return (f"{named.group(1)}-{part}" if part else named.group(1)), "sentence"
            return named.group(1), "sentence"   # `tỷ lệ hộ nghèo còn 3,69% (so năm 2017 là 6,47%)`: that year's
    base = _BASE_IN_BRACKETS.search(ctx.text, max(s.start, m.start - 60), m.start) \
        if _BRACKET_AT_END.may(ctx.text[max(s.start, m.start - 60):m.start]) else None
    if base:
        # of the same part of that year as the figure it is the base of (`Quý I/2024, … vượt nhiều lần so với cùng kỳ
        # năm 2023 (35,4 triệu USD)`: 2023-Q1)
        after = str(int(base.group(1)) + 1)
        part = next((p.value[5:] for p in (*reversed([p for p in ctx.sentence_periods[s.index] if p.pos < rel_m]),
                                           *ctx.running_actual[s.index])
                     if p.value.startswith(after + "-") and not re.fullmatch(r"\d{4}", p.value[5:])), None) \
            if "cùng kỳ" in base.group(0) else None
        m.extra["base_in_brackets"] = True   # (attribution asks whether it is the change instead: `_the_change`)
        return (f"{base.group(1)}-{part}" if part else base.group(1)), "sentence"
    # an aside in brackets (`… đạt 7,82% (quý I/2023 đạt 4,11%)`) times only the figures inside it
    spans = ctx.sentence_brackets[s.index]
    inside = bracket_at(spans, rel_m) if spans else None
    periods = [p for p, owners in _owners(ctx, s)
               if (not owners or owners.count(rel_m) == len(owners))   # (owned by no other figure)
               and (p.bracket is None or p.bracket == inside)]
    source = "sentence"
    termed = _term_relative(m, s, ctx, periods, rel_m)
    if termed:
        return termed, "sentence"
    if _THIS_SPAN_WORDS._may(s.text[max(0, rel_m - 120):rel_m]) and _THIS_SPAN.search(s.text, max(0, rel_m - 120), rel_m) \
            and not any(p.pos < rel_m for p in periods):
        # `Cụ thể, giai đoạn này tỉnh Quảng Ngãi thu ngân sách đạt 85.300 tỉ đồng` after `từ năm 2021 - 2023`: the span
        # the sentence before named
        span = ctx.last_term[s.index] or ctx.last_named[s.index]
        if span is not None and _TERM_VALUE.fullmatch(_resolve_now(span.value, ctx)):
            return _resolve_now(span.value, ctx), "paragraph" if span.paragraph == s.paragraph else "document"
    in_clause = [p for p in periods if rel_cs <= p.pos < rel_m]
    period = in_clause[-1].value if in_clause else None
    if period is not None and len(period) == 4 and in_clause[-1].kind in ("deadline", "year") \
            and m.unit in ("%", "%/năm") and (m.unit == "%/năm" or _AVERAGE.search(_clause_part(ctx.text, cs, m.start))):
        # `Đến cuối năm 2020, … giảm xuống còn 25,59%; bình quân giảm 5,55%`, `đến 2030, … tốc độ tăng dân số bình quân
        # 0,75 %/năm`: a yearly average up to the end of a term the text names is of that term
        term = next((p for p in reversed(periods) if p.kind == "term" and p.value[5:] == period), None) \
            or (ctx.last_term[s.index] if ctx.last_term[s.index] is not None
                and ctx.last_term[s.index].value[5:] == period else None)
        if term is not None:
            return term.value, "sentence" if term in periods else \
                ("paragraph" if term.paragraph == s.paragraph else "document")
    if period is None and (_AVERAGE.search(ctx.text[max(s.start, cs):m.start])
                           or (m.unit or "").endswith("/năm") and "/người/" not in (m.unit or "")
                           and not _per_head_level(ctx.text, cs, m.start)):   # (an income per head is a level)
        # a yearly average (`bình quân giảm 5,55%`, `tăng 12%/năm`) is of the term the text is about
        terms = [p for p in periods if p.kind == "term" and p.pos < rel_m] \
            or [p for p in periods if p.kind == "term"][:1]   # (or the term the sentence names after it)
        term = terms[-1] if terms else ctx.last_term[s.index]
        if term is not None:
            return term.value, "sentence" if terms else ("paragraph" if term.paragraph == s.paragraph else "document")
        if m.status == "target" and _congress_year(ctx):
            # `Tổng sản phẩm trong tỉnh (GRDP) tăng bình quân trên 9%/năm` in the targets a page of October 2015
            # sets out, naming no term: the term the congresses of that year open
            return f"{ctx.pub_year}-{ctx.pub_year + 5}", "document"
    if period is None and rel_cs > 0:
        # a period after the figure in its own clause beats one of an earlier clause:
        # `…, thời kỳ 2021-2030; … giải ngân 100% vốn đầu tư được giao trong năm 2023`
        period = _after_in_clause(periods, s, rel_m, ctx.figure_spans.get(s.index, ()))
    if period is None:
        period = _pick_before([p for p in periods if p.kind != "deadline"], rel_m)
    if period is not None and "nay" in s.text and (now := _NOW_IN_CONTRAST.search(s.text, 0, rel_m)) \
            and not any(now.start() <= p.pos < rel_m for p in periods) and ctx.year_spoken_from \
            and len(period) == 4 and period.isdigit() and int(period) < ctx.year_spoken_from:
        # `Năm 1989, tỉ lệ hộ nghèo gần 50% nhưng đến nay giảm còn 6,14%`: now, against the year before
        period = str(ctx.year_spoken_from - 1 if ctx.pub_year and ctx.reviews_year_before else ctx.year_spoken_from)
    if period is not None and _TERM_VALUE.fullmatch(period) and (ctx.pub_year or ctx.doc_year):
        term = next((p for p in reversed(periods) if p.value == period and p.pos < rel_m), None)
        if term is not None and _HERE_AND_NOW.search(s.text, term.pos + 9, rel_m):
            # `Thực hiện Chương trình … giai đoạn 2010 - 2020, đến nay tỉnh đã có 13/86 xã …`: the term names what is
            # carried out; the figure is as of now
            now = (ctx.pub_year - 1 if ctx.reviews_year_before else ctx.pub_year) if ctx.pub_year else int(ctx.doc_year)
            if int(period[:4]) <= now <= int(period[5:]):
                period = str(now)
    if period is None and m.status == "target":
        # `Tỉnh phấn đấu đến năm 2025, có …; có ít nhất 80% xã …`: the deadline the targets are set for,
        # unless it is a milestone inside the term the document sets targets for
        deadline = _pick_before([p for p in periods if p.kind == "deadline"], rel_m)
        terms = [p.value for p in ctx.running[s.index] if p.kind == "term"]
        if deadline and not any(t[:4] <= deadline <= t[5:] for t in terms):
            period = deadline
    if period is None and periods and not any(p.pos < rel_m for p in periods):
        # `… đạt 5% trong năm 2023`; not a deadline after a result (`có 1 huyện đạt chuẩn, 2 huyện phấn đấu
        # đến năm 2025 …`)
        period = _after_in_clause([p for p in periods if m.status != "actual" or p.kind != "deadline"], s, rel_m,
                                  ctx.figure_spans.get(s.index, ()))
    if period is None and (_HERE_AND_NOW.search(text_before_in_sentence(s, m, ctx).replace("từ trước đến nay", ""))
                           or not ctx.sentence_periods[s.index] and _goes_on_from_now(s, ctx)):
        # `Đến nay, toàn tỉnh đã có 171/182 xã …`: as of the report's date; on an undated page that reviews a term
        # (`Nhiệm kỳ 2015-2020, huyện Chư Sê …`), as of the term's end
        term = ctx.last_term[s.index]
        now = (ctx.pub_year - 1 if ctx.reviews_year_before else ctx.pub_year) if ctx.pub_year else \
            ctx.doc_year or (term.value[5:] if term is not None else None)
        if not ctx.pub_year and term is not None and ctx.congress_opens == term.value[:4]:
            now = ctx.congress_opens   # (on an undated congress's page, now is when the congress meets: the new term's start)
        period = str(now) if now else None
    run = ctx.running_actual[s.index] if m.status == "actual" else ctx.running[s.index]
    if period is None and run:
        # results take the earliest period the document named last, targets the latest
        chosen = run[0] if m.status == "actual" else run[-1]
        named = ctx.last_named[s.index]
        if m.status == "actual" and chosen.paragraph < 0 and named is not None and named.paragraph >= 0 \
                and _YEAR_FIRST.fullmatch(chosen.value) and named.value.startswith(chosen.value + "-") \
                and _MONTHS_OR_PART.fullmatch(named.value):
            # `Xuất khẩu của Tiền Giang năm 2024 …` over a text that reports `8 tháng đầu năm 2024`: the results are of
            # the part of the title's year the text names
            chosen = named
        period = _resolve_now(chosen.value, ctx)
        source = "paragraph" if chosen.paragraph == s.paragraph else "document"
        if m.status == "actual" and ctx.pub_year and period[:4].isdigit() and int(period[:4]) > ctx.pub_year:
            period = None
        elif m.status == "actual" and ctx.pub_year and _TERM_VALUE.fullmatch(period) \
                and int(period[:4]) <= ctx.pub_year <= int(period[5:]) and int(period[5:]) - int(period[:4]) > 1:
            # a result reported within a term belongs to the report's year (not within a school or crop year,
            # `năm học 2017-2018`, which is the figure's own time)
            period = str(ctx.pub_year)
    if period is not None:
        period = _resolve_now(period, ctx)
    if period is not None and _MONTHS_OR_PART.fullmatch(period) \
            and (_STOCK_AT_MONTH_END.search(before_m := text_before_in_sentence(s, m, ctx))
                 or _YEAR_END_BASE.search(_clause_of(m, s, ctx, cs))
                 or ("tổng" in before_m or "ũy kế" in before_m or "uỹ kế" in before_m or "ư vậy" in before_m)
                 and (raised := _STOCK_RAISED.search(before_m))
                 and not _MONTHS_SUMMED.search(before_m, raised.start())   # (`nâng tổng số khách … trong 9 tháng là`)
                 and not _CHANGE_RIGHT_BEFORE.search(before_m[-20:])   # (`Lũy kế đến hết tháng 7 chỉ số … tăng 10,2%`)
                 or _STILL_IN_FORCE.match(ctx.text, m.end, m.end + 40)):   # (the cheap tests first)
        # `Tính đến hết tháng 9/2023, tỉnh còn 1.200 hộ …`, `… đạt 98.000 tỷ đồng, tăng 2,06% so với thời điểm cuối năm
        # 2022`, `nâng tổng số các dự án … lên thành 328 dự án đầu tư còn hiệu lực`, `lũy kế đến hết 6 tháng năm 2018,
        # vốn đầu tư đã thực hiện … ước đạt 11.131 tỷ đồng` in a report of six months: a level at a date is of the year
        period = period[:4] if _YEAR_DASH.match(period) else "Y"
    if period is not None and not _YEAR_FIRST.match(period):
        period = with_year(period, periods, ctx, s)
    if period is None and m.status == "target" and ctx.last_term[s.index] is not None:
        term = ctx.last_term[s.index]  # `…, trong nhiệm kỳ 2025-2030, tỉnh phấn đấu …\n\nHằng năm, … đạt 80% trở lên`
        period, source = term.value, "paragraph" if term.paragraph == s.paragraph else "document"
    if period is None and m.status == "target" and (deadline := ctx.last_deadline[s.index]) is not None \
            and s.paragraph - deadline.paragraph <= 1 and deadline.value[:4].isdigit():
        # `Tỉnh Hà Nam đặt mục tiêu phấn đấu đến năm 2025 có …\n\nThu nhập bình quân đầu người khu vực nông thôn đạt 68
        # triệu đồng/người/năm trở lên`: the targets go on, for the deadline set
        period, source = deadline.value, "paragraph" if deadline.paragraph == s.paragraph else "document"
    if period is None and ctx.last_named[s.index] is not None:
        named = ctx.last_named[s.index]
        period = named.value if re.match(r"(?:19|20)\d{2}(?!.*NOW)", named.value) else with_year(named.value, periods, ctx, s)
        source = "paragraph" if named.paragraph == s.paragraph else "document"
        if period and m.status == "actual" and ctx.pub_year and _TERM_VALUE.fullmatch(period) \
                and int(period[:4]) <= ctx.pub_year <= int(period[5:]):
            period = str(ctx.pub_year)
    if period is not None and source != "sentence" and _YEAR_FIRST.fullmatch(period):
        # `GRDP tăng 7,96% so với năm 2021; tổng thu ngân sách cả năm thực hiện hơn 8.000 tỷ đồng`: a result
        # compared with a year is of the year after it, whatever the document named last
        after = _after_base(s, ctx) if m.status == "actual" else None
        if after and after != period and abs(int(after[:4]) - int(period)) <= 3:
            # (a base many years back spans them: `tăng trên 3.478 tỉ đồng so với năm 2003` in a report of 2021)
            period, source = after, "sentence"
    if period is not None and _FROM_BEFORE.search(ctx.text[max(s.start, m.start - 40):m.start]) \
            and _TO_AFTER.match(ctx.text[m.end:m.end + 20]):
        # `tỷ lệ hộ nghèo giảm từ 31,17% xuống còn …`: where the change started, the end of the year before
        # (of a year), the first year (`Từ năm 2015 đến nay, … giảm từ 5,12% xuống 3,21%`)
        span = re.fullmatch(r"((?:19|20)\d{2})(?:-((?:19|20)\d{2}))?", period)
        if span and (span.group(2) is None or ctx.since_named(s.index, period)):
            period = span.group(1) if span.group(2) else str(int(span.group(1)) - 1)
    elif period is not None and _TO_BEFORE.search(ctx.text[max(s.start, m.start - 60):m.start]):
        span = re.fullmatch(r"((?:19|20)\d{2})-((?:19|20)\d{2})", period)
        if span and ctx.since_named(s.index, period):
            period = span.group(2)   # `… xuống 3,21%`: where it stands now
    plan = _OF_YEARS_PLAN.match(ctx.text, m.end, m.end + 50) if period and len(period) == 4 else None
    if plan and plan.group(1) == period and m.status == "actual":
        # `…, đạt 90% kế hoạch năm 2024` in a review of 9 months: the year is the plan's, the share is of the
        # months the sentence or document reports
        finer = [p.value for p in ctx.sentence_periods[s.index] if p.pos < rel_m and p.value.startswith(period + "-")] \
            or [p.value for p in ctx.running_actual[s.index] if p.value.startswith(period + "-")]
        if finer:
            period = finer[-1]
    same_then = _SAME_TIME_OPENS.match(ctx.text, cs, m.start) if "cùng kỳ" in ctx.text[cs:m.start] else None
    if same_then:
        # `Năm 2023, tỉnh thu hút 9 dự án …; cùng kỳ năm 2022 thu hút được 7 dự án`: a clause that opens on the same
        # time of an earlier year is of that year (its part of the year, if the sentence's period has one)
        part = re.fullmatch(r"(?:19|20)\d{2}-(.+)", period or "")
        period = f"{same_then.group(1)}-{part.group(1)}" if part else same_then.group(1)
    part_base = _PART_BASE.search(s.text, 0, rel_m) if m.status == "actual" and "tháng" in s.text else None
    if part_base and (period is None or period[:4] == str(int(part_base.group(2)) + 1)):
        # `Nhiều sản phẩm tăng cao so với 5 tháng đầu năm 2017 như: tôm đông lạnh tăng hơn 2 lần`: the same months of
        # the year after the base
        n = month_count(part_base.group(1))
        if 1 < n < 12:
            period = f"{int(part_base.group(2)) + 1}-{months_part(n)}"
    if period and _MONTH_OF_YEAR.fullmatch(period) and (_CROP_SEASON.search(s.text, 0, rel_m) or s.index > 0
                                                        and ctx.sentences[s.index - 1].paragraph == s.paragraph
                                                        and _CROP_SEASON.search(ctx.sentences[s.index - 1].text)) \
            and ((m.unit or "").split("/")[0] in _CROP_UNITS
                 or m.unit == "%" and _CROP_FIGURE_BEFORE.search(s.text, max(0, rel_m - 60), rel_m)):
        # `Lúa đông xuân: toàn tỉnh xuống giống được 77.917 ha` in a report of May: a crop season's area or output is
        # of its year, not of the month the report is for
        period = period[:4]
    if period and len(period) == 4 and period.isdigit() and m.kind != "rank" and m.status == "actual":
        period = _part_outside_bracket(ctx, s, rel_m, period) or period   # (as for a year of its own, above)
    now = ctx.pub_year
    if period and m.status == "actual" and now and _TERM_VALUE.fullmatch(period) and int(period[:4]) >= now:
        # `Đại hội … nhiệm kỳ 2025-2030 với sự tham dự của 399 đại biểu`: a term that has just begun names
        # the body, and a result is of the report's year
        period, source = str(now), "document"
    congress = None
    if m.status == "actual" and not now and (period is None or source != "sentence"):
        prev = ctx.sentences[s.index - 1] if s.index > 0 else None
        congress = CONGRESS_OPENS.search(ctx.text, s.start, m.start) or \
            (CONGRESS_OPENS.search(prev.text) if prev is not None and prev.paragraph == s.paragraph else None)
    if congress and (period is None or period[:4] != congress.group(1)):
        # `Sáng 15.10, Đại hội Đại biểu Đảng bộ tỉnh … nhiệm kỳ 2020 - 2025 chính thức khai mạc. Dự đại hội có 317 đại
        # biểu`: on an undated page, the congress meets in the first year of its term
        period, source = congress.group(1), "sentence"
    if period is None:
        same_time = SAME_TIME_OF.search(s.text)
        if same_time:
            # `tăng 26,7% so với cùng kỳ năm 2019`: the figure is of the year after its base; of the part of it the
            # page names (`… tăng 9,14% so với cùng kỳ năm 2023` on a page that says `9 tháng đầu năm 2024` later)
            period, source = str(int(same_time.group(1)) + 1), "sentence"
            if ctx.doc_part and ctx.doc_part[:4] == period and "cùng kỳ" in same_time.group(0):
                period = ctx.doc_part
    if period is None and m.status == "target" and _congress_year(ctx) and _CONGRESS.search(ctx.text) \
            and ctx.first_time_named > s.index:
        # `Đại hội cũng thống nhất … Giá trị dịch vụ tăng 7,5%` on a page of a congress year that names no time up to
        # the figure but deadlines (`đến năm 2020`): the targets of the term the congress opens
        period, source = f"{ctx.pub_year}-{ctx.pub_year + 5}", "document"
    if period is None and ctx.pub_year:
        # a review of the year gone by: says so, or compares with the year before that (`tăng 7,2% so với
        # năm 2021` in January 2023)
        reviewed = _LOOKS_BACK.search(f"{ctx.title or ''} {s.text}") or ctx.compares_two_years_back
        period, source = (_pub_year_reviewed(ctx) if reviewed else str(ctx.pub_year)), "document"
    if period is None and not ctx.pub_year and ctx.doc_year:
        period, source = ctx.doc_year, "document"   # an undated page: the year its text names most
        if m.status == "actual" and s.index < ctx.first_time_named and ctx.reported_part:
            # `Cụ thể, khu vực nông, lâm nghiệp và thủy sản tăng 1,23%` before `Trong 9 tháng, …`: results before
            # the page names any time are of the part of the year it reports
            period = ctx.reported_part

        after = _after_base(s, ctx) if m.status == "actual" else None
        if after:
            period, source = after, "sentence"   # (unless its sentence compares it with a year)
    if source != "sentence" and m.unit and _PLAN_ITEMS.fullmatch(m.unit.split("/")[0]) and (
            _names_a_congress(s.text)
            or s.index > 0 and ctx.sentences[s.index - 1].paragraph == s.paragraph
            and _names_a_congress(ctx.sentences[s.index - 1].text)):
        term = ctx.last_term[s.index]
        if term is not None and (period is None or period[:4].isdigit() and term.value[:4] <= period[:4] <= term.value[5:]):
            # `Nghị quyết Đại hội Đảng bộ tỉnh xác định 17 chỉ tiêu`, `hoàn thành và vượt 18/18 nhóm chỉ tiêu chủ yếu của
            # Nghị quyết Đại hội`: the targets of a congress are its term's
            period, source = term.value, "paragraph" if term.paragraph == s.paragraph else "document"
    if period is not None and (own := _YEAR_AND_PART.fullmatch(period)):
        then = _OF_SAME_TIME_AFTER.match(ctx.text, m.end, m.end + 40)
        if then or _SAME_TIME_RIGHT_BEFORE.search(ctx.text, max(s.start, m.start - 40), m.start):
            # `…, cao so với mức 7,89% của cùng kỳ năm 2022`, `(tăng mạnh so với mức tăng cùng kỳ âm 7,5%)`: the figure
            # of the same part of the year before it is compared with
            period, source = f"{then.group(1) if then else int(own.group(1)) - 1}{own.group(2) or ''}", "sentence"
    if (period is None or source != "sentence") and m.kind == "quantity" and m.status != "target" \
            and (m.unit or "").startswith("đại biểu") \
            and ctx.congress_opens and "đại hội" in s.text.lower() and (not ctx.pub_year or ctx.pub_year <= int(ctx.congress_opens)):
        # `Tham dự đại hội còn có … cùng 358 đại biểu chính thức` on the page of a congress of 2025-2030 that names no
        # date: the delegates are counted when the congress meets
        period = ctx.congress_opens
    if period is not None and _TERM_VALUE.fullmatch(period) and m.kind == "quantity" and m.status != "target" \
            and ((m.unit or "").startswith("đại biểu") or (m.unit or "").startswith(("đảng viên", "chi", "đảng bộ"))
                 and "đại biểu" in s.text):
        # `… cùng 235 đại biểu ưu tú, … của trên 4.000 đảng viên đến từ 55 chi, đảng bộ cơ sở` at a congress of
        # 2020-2025: who attends, and whom they stand for, are counted when the congress meets
        period = ctx.congress_opens or period[:4]
    if m.status == "actual" and source != "sentence" and period is not None and _TERM_VALUE.fullmatch(period) \
            and ctx.congress_opens and period[:4] == ctx.congress_opens \
            and (not ctx.pub_year or ctx.pub_year <= int(ctx.congress_opens)) \
            and not _ADOPTS.search(ctx.text, max(s.start, m.start - 40), m.start):   # (`Đại hội đã thông qua 33 chỉ tiêu`)
        # `Đại hội Đảng bộ tỉnh Lai Châu … nhiệm kỳ 2020-2025`, then `… đạt được những thành tựu: 11/11 chỉ tiêu …; tốc
        # độ tăng trưởng kinh tế bình quân hàng năm đạt 11,55%`: the results a congress reports are of the term that
        # ends, not of the one it opens
        start = int(ctx.congress_opens)
        period = f"{start - 5}-{start}"
    if m.status == "target" and source != "sentence" and period is not None and _TERM_VALUE.fullmatch(period) \
            and ctx.congress_opens and period[5:] == ctx.congress_opens:
        # `Đại hội đặt ra mục tiêu mới: GRDP tăng từ 10% trở lên mỗi năm` after the results of 2020-2025, on the page of
        # a congress of 2025-2030: its targets are of the term it opens, not of the term its report looked back on
        period = f"{ctx.congress_opens}-{int(ctx.congress_opens) + 5}"
    if period is not None and _TERM_VALUE.fullmatch(period) and (m.kind == "money" or "/người" in (m.unit or "")
                                                           or m.kind == "range" and _CURRENCY_UNIT.match(m.unit or "")) \
            and _per_head_level(ctx.text, cs, m.start):
        # `giai đoạn 2020-2025 …, GRDP bình quân đầu người đạt 94 triệu đồng`: a level per head reached by the term's
        # end is of its last year (its growth, `bình quân 6,4%/năm`, stays the term's)
        period = period[5:]
    month = _YEAR_MONTH.fullmatch(period) if period else None
    if month and 1 < int(month.group(2)) < 12 and 0 <= ctx.first_in_sentence(s.index, _CUMULATIVE) < m.start - s.start:
        # `Tổng thu ngân sách tháng 3 năm 2017 được 595.381 triệu đồng, lũy kế được 2.898.654 triệu đồng`: the
        # months of the year up to that month
        n = int(month.group(2))
        period = f"{month.group(1)}-{months_part(n)}"
    return period, source if period is not None else None


# the year of the plan a share is of: `(vượt 20% kế hoạch năm 2024)`, `đạt 107,4 % so với kế hoạch năm 2022`
_OF_YEARS_PLAN = re.compile(r"\s*(?:so\s+với\s+)?(?:kế hoạch|dự toán|chỉ tiêu)\s+(?:cả\s+)?năm\s+((?:19|20)\d{2})(?!\d)",
                            re.IGNORECASE)


# December of a year as the base of a month's change: the month is of the year after (`so với tháng 12/2022`)
_DECEMBER_BASE = re.compile(r"(?<!\w)so\s+(?:với\s+)?tháng\s+12\s*(?:/|-|năm\s+)((?:19|20)\d{2})(?!\d)")
_DECEMBER_BASE = led(_DECEMBER_BASE)   # (tried only where a character one of its matches starts with stands: `cues.led`)
# the end of a year as the base of a level's change: the level is of the year after
_YEAR_END_BASE = re.compile(r"(?<!\w)so\s+(?:với\s+)?(?:thời điểm\s+)?(?:cuối|hết)\s+năm\s+((?:19|20)\d{2})(?!\d)")
_YEAR_END_BASE = led(_YEAR_END_BASE)   # (tried only where a character one of its matches starts with stands: `cues.led`)
# a figure in brackets right after the year it is compared with: that year's (`tăng 4% so với cùng kỳ năm 2023
# (255.013 lượt)`, `so với năm 2021 (trên 6.700 lao động)`)
_BASE_IN_BRACKETS = re.compile(r"(?<!\w)(?:so\s+(?:với\s+)?(?:cùng kỳ\s+)?|gấp\s+[\d,.]+\s+lần\s+(?:so với\s+)?)(?:năm\s+)?"
                               r"((?:19|20)\d{2})\s*\(\s*$")
# a bracket that names the year its figures are of before them: `(so năm 2017 là 6,47%)`, `(Cơ cấu tương ứng của năm
# 2023 là 28,34%; 35,92%; …)`
_YEAR_OPENS_BRACKET = re.compile(r"\((?:[^()\d]{0,60}?\s)?(?:so\s+(?:với\s+)?|của\s+)?(?:năm|cùng kỳ(?:\s+năm)?)\s+((?:19|20)\d{2})\s*"
                                 r"(?:là|:|(?<=\d)\s+(?:tăng|đạt)(?=\s))\s"   # (`(kế hoạch năm 2019 tăng 6,5% - 7%)`)
                                 r"[^()]*$")
# a bracket that gives the plan of a year: `(kế hoạch năm 2019 tăng 6,5% - 7%)` (the whole year's, not the months')
_PLAN_OPENS_BRACKET = re.compile(r"\(\s*(?:kế hoạch|KH|chỉ tiêu|mục tiêu)\s+(?:năm\s+)?(?:19|20)\d{2}[^()]*$")
# (asked only where the text before the figure ends with its bracket, blanks left out: every match ends so)
_BRACKET_AT_END = EndsWith(_BASE_IN_BRACKETS, ("(",))


def _term_relative(m: Mention, s: Sentence, ctx: DocContext, periods: list[Period], rel_m: int) -> str | None:
    """A result timed by the term the page names: `Từ đầu nhiệm kỳ đến nay` (2020-2023 in a page of 2023 about the
    term 2020-2025); `Trong nhiệm kỳ vừa qua`, or `Trong nhiệm kỳ,` at a congress that opens a term, the term it
    closes (2015-2020 at the congress of 2020-2025)."""
    if m.status != "actual" or not 0 <= ctx.first_in_sentence(s.index, _TERM_WORD) < rel_m \
            or any(p.pos < rel_m and p.kind != "term" for p in periods):
        return None
    before = s.text[max(0, rel_m - 200):rel_m]   # (a bounded look back: linear however many figures follow)
    terms = [p for p in periods if p.kind == "term"]
    term = terms[-1] if terms else ctx.last_term[s.index]
    if term is None and (now := ctx.year_spoken_from) and "ảng" in s.text and _TERM_START_TO_NOW.search(before):
        # `Từ đầu nhiệm kỳ đến nay, toàn Đảng bộ tỉnh đã kết nạp được 7.898 đảng viên` in a page of 2019 naming no term:
        # the party's terms open together, in 2015, 2020, 2025 (a term's last year is still its own: 2020 is 2015's);
        # the level it raised them to (`nâng tổng số đảng viên … lên hơn 41.900`) is of now
        return str(now) if _STOCK_RAISED.search(before) else f"{now - (now % 5 or 5)}-{now}"
    if term is None or not _TERM_VALUE.fullmatch(term.value):
        return None
    start, end = int(term.value[:4]), int(term.value[5:])
    if _TERM_START_TO_NOW.search(before):
        now = ctx.year_spoken_from
        return f"{start}-{min(now, end) if now and now > start else end}"
    if _TERM_GONE_BY.search(before) or _IN_THE_TERM.match(s.text):
        if ctx.congress_opens == str(start):
            return f"{start - (end - start)}-{start}"   # the congress opens this term: the one it closes
        return term.value if _TERM_GONE_BY.search(before) else None
    return None


_TERM_WORD = re.compile("nhiệm kỳ")
# `Từ đầu nhiệm kỳ đến nay`, `từ đầu nhiệm kỳ`
# a span named again: `giai đoạn này`, `thời kỳ này`, `giai đoạn nói trên`
# (its words' first letters looked ahead for before its look behind, `first_letters`: searched in the 120 characters
# before every figure, it was tried at each of them)
_THIS_SPAN = re.compile(first_letters(("giai đoạn", "thời kỳ", "thời gian", "nhiệm kỳ"))
                        + r"(?<!\w)(?:giai đoạn|thời kỳ|thời gian|nhiệm kỳ)\s+(?:này|nói trên|trên)(?!\w)", re.IGNORECASE)
# (its matches hold `kỳ`, `đoạn` or `gian`, ignoring case: searched only in the windows that hold one, read with `in`)
_THIS_SPAN_WORDS = Needs(_THIS_SPAN, ("kỳ", "đoạn", "gian"))
_TERM_START_TO_NOW = re.compile(r"(?<!\w)từ đầu nhiệm kỳ(?!\s*\d)", re.IGNORECASE)
# `Trong nhiệm kỳ vừa qua`, `nhiệm kỳ qua`, `nhiệm kỳ trước`
_TERM_GONE_BY = re.compile(r"(?<!\w)nhiệm kỳ (?:vừa qua|qua|trước)(?!\w)", re.IGNORECASE)
# a sentence that opens `Trong nhiệm kỳ,`
_IN_THE_TERM = re.compile(r"\s*Trong nhiệm kỳ\s*,", re.IGNORECASE)


# what a congress's resolution counts: its targets, breakthroughs and programmes
_PLAN_ITEMS = re.compile(r"(?:nhóm\s+)?(?:chỉ tiêu|mục tiêu|khâu đột phá|đột phá|chương trình|nhiệm vụ)(?:\s+\S+){0,3}",
                         re.IGNORECASE)


def _names_a_congress(text: str) -> bool:
    return "Đại hội" in text or "nhiệm kỳ" in text


def _clause_part(text: str, cs: int, end: int) -> str:
    """The part of the clause from `cs` to `end` after its last comma or semicolon."""
    part = text[cs:end]
    return part[max(part.rfind(","), part.rfind(";")) + 1:]


def _congress_year(ctx: DocContext) -> bool:
    """A page of a year in which provincial party congresses open their five-year term (2010, 2015, 2020, 2025)."""
    return ctx.pub_year is not None and ctx.pub_year % 5 == 0 and ctx.pub_year >= 2000


_CONGRESS = re.compile(r"(?<!\w)Đại hội(?!\w)")
# (a party congress named with its term: doc_context.CONGRESS_OPENS)


# a change from one level to another: `giảm từ 31,17% xuống còn 27,41%`
_FROM_BEFORE = EndsWith(re.compile(r"(?<!\w)từ\s*(?:mức\s+)?$"), ("từ", "mức"))
_TO_AFTER = re.compile(r"\s*(?:\([^()]{0,15}\)\s*)?(?:xuống|lên)(?!\w)")
_TO_BEFORE = EndsWith(re.compile(r"(?<!\w)từ\s+[\d.,]+\s*%?\s*(?:\([^()]{0,15}\)\s*)?(?:xuống|lên)(?:\s+(?:còn|mức))?\s*$"),
                      ("xuống", "lên", "còn", "mức"))


def _clause_of(m: Mention, s: Sentence, ctx: DocContext, cs: int) -> str:
    """The figure's clause: from its start to the next `;` of the sentence (or its end)."""
    after = m.end
    opened = ctx.text.rfind("(", cs, m.start)
    if opened >= 0 and ctx.text.find(")", opened, m.start) < 0:
        close = ctx.text.find(")", m.end, s.end)   # (inside brackets: past them, `(+10,74%; +10.960 tỷ đồng) so với …`)
        after = close if close >= 0 else after
    end = ctx.text.find(";", after, s.end)
    return ctx.text[cs:end if end >= 0 else s.end]


# now, set against an earlier year in the same sentence: `Năm 1989, … gần 50% nhưng đến nay giảm còn 6,14%`
_NOW_IN_CONTRAST = re.compile(r"(?<!\w)(?:nhưng|song|còn|thì|và)\s+(?:đến nay|tới nay|hiện nay|nay)(?!\w)")


def _after_base(s: Sentence, ctx: DocContext) -> str | None:
    """The year a result compared with a year is of: the year after it (`tăng 7,96% so với năm 2021`: 2022; after
    the latest of several), or the end of a term the text names that starts then (`gấp 1,35 lần so với năm 2015; …
    giai đoạn 2016 - 2020`: 2020)."""
    bases = [int(b.group(1)) for b in _BASE_YEAR.finditer(s.text)] if "so" in s.text else []
    if not bases:
        return None
    # (compared with several years, `so với năm 2015 tăng 217,55%, so với năm 2018 tăng 8,73%`: after the latest)
    after = str(max(bases) + 1)
    last_term = ctx.last_term[s.index]
    term = next((p.value for p in (*ctx.sentence_periods[s.index], *([last_term] if last_term else []))
                 if p.kind == "term" and p.value[:4] == after), None)
    return term[5:] if term else after


# a base year of comparison: `so với năm 2021`, `so với cùng kỳ năm 2021`, `so với năm trước` is not one
_BASE_YEAR = re.compile(r"(?<!\w)so(?: với)?\s+(?:cùng kỳ\s+|(?:thời điểm\s+)?(?:cuối|hết)\s+)?năm\s+((?:19|20)\d{2})(?!\d)")
_BASE_YEAR = led(_BASE_YEAR)   # (tried only where a character one of its matches starts with stands: `cues.led`)


# an average over the years: `bình quân giảm`, `tăng bình quân`; not per head, per commune or the country's
# a sum from the start of the year: `lũy kế`, `luỹ kế`, `cộng dồn`
_CUMULATIVE = re.compile(r"(?<!\w)(?:lũy kế|luỹ kế|cộng dồn)(?!\w)", re.IGNORECASE)
# (`bình quân mỗi năm giảm trên 2,4%`, `tính chung mỗi năm giảm từ 2% - 3%`: a year's average too)
_AVERAGE = Needs(re.compile(r"(?<!\w)(?:(?:bình quân|trung bình)(?!\s+(?:đầu người|mỗi(?!\s+năm)|chung|cả|một|1\b|của|"
                            r"mức|là))|mỗi năm\s+(?:tăng|giảm))(?!\w)", re.IGNORECASE), ("bình", "mỗi năm"))
# (run only where `bình` or `mỗi năm` is written: every match holds one)


# a level held at the end of a month (`Tính đến hết tháng 9/2023, tỉnh còn 1.200 hộ`), not what the months added up to
# (`có`, `là`, `còn` anywhere after the date: `Đến hết tháng 9/2024, toàn tỉnh có 807.650 người tham gia …, đạt
# tỷ lệ bao phủ 93,1%`), against a flow (`Đến hết tháng 9-2019, Khánh Hòa đã đón hơn 5,6 triệu lượt khách`)
# (not the part of a flow: `đến hết tháng 11-2018, toàn tỉnh đón hơn 5,8 triệu lượt khách; trong đó có …`)
# a total the figures of the part of the year were added to, or a running total up to its end
_STOCK_RAISED = re.compile(r"(?<!\w)(?:nâng\s+tổng\s+số\b[^;]*\s(?:lên|là)|(?:lũy|luỹ)\s+kế\s+(?:đến|tới)\s+hết|"
                           r"như vậy,?\s+(?:toàn tỉnh|tỉnh|toàn huyện|huyện|đến nay)\s+(?:đã\s+)?(?:có|đạt))(?!\w)",
                           re.IGNORECASE)
# a level per head right before its figure, with no change between (`GRDP bình quân đầu người đạt`, `thu nhập bình quân
# đầu người năm 2025 khoảng`)
_PER_HEAD_LEVEL = re.compile(r"(?<!\w)(?:bình quân|trung bình)\s+(?:\S+\s+)?đầu người(?:\s+(?!tăng|giảm|gấp)[^\s,;:()\d]+){0,6}"
                             r"\s*(?:\(\S+\)\s*)?$", re.IGNORECASE)


def _per_head_level(text: str, cs: int, start: int) -> bool:
    """Whether a level per head leads to the figure (`thu nhập bình quân đầu người của huyện đã đạt mức`): its
    `triệu đồng/năm` is a level, not a yearly average."""
    near = text[max(cs, start - 80):start]
    return "đầu người" in near and _PER_HEAD_LEVEL.search(near) is not None


_CURRENCY_UNIT = re.compile(r"(?:USD|VND|EUR|đồng)\b")
_OF_SAME_TIME_AFTER = re.compile(r"\s+của\s+cùng kỳ\s+(?:năm\s+)?((?:19|20)\d{2})(?!\d)")
_SAME_TIME_RIGHT_BEFORE = re.compile(r"(?<!\w)so(?:\s+với)?\s+(?:mức\s+(?:tăng\s+(?:trưởng\s+)?)?)cùng kỳ\s*(?:năm trước\s*)?$")
_SAME_TIME_RIGHT_BEFORE = led(_SAME_TIME_RIGHT_BEFORE)   # (tried only where a character one of its matches starts with stands: `cues.led`)
_ADOPTS = re.compile(r"(?<!\w)(?:thông qua|đề ra|đặt ra|xác định|quyết nghị|biểu quyết)(?!\w)")
# the months a total adds up, named in its clause: the total is of them, not a level of the year
_MONTHS_SUMMED = re.compile(r"(?<!\w)trong\s+(?:\d{1,2}|sáu|chín|mười)\s+tháng(?!\w)", re.IGNORECASE)
_CHANGE_RIGHT_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+\S+)?\s*$")
# what is still in force at the date: `328 dự án đầu tư còn hiệu lực`
_STILL_IN_FORCE = re.compile(r"[^,;.()\d]{0,25}?(?<!\w)còn hiệu lực(?!\w)")
_STOCK_AT_MONTH_END = re.compile(r"(?<!\w)hết\s+tháng\s+\d{1,2}\b.*(?<!\w)(?<!trong đó )(?<!Trong đó )(?:còn|có|là)(?!\w)",
                                 re.IGNORECASE | re.DOTALL)


# a document that looks back on a year: published early in the next, its undated results are that year's
_LOOKS_BACK = re.compile(r"(?<!\w)(?:năm qua|năm vừa qua|năm cũ|tổng kết|cả năm|trong năm)(?!\w)", re.IGNORECASE)


def _resolve_now(period: str, ctx: DocContext) -> str:
    """`2021-NOW` (`Từ năm 2021 đến nay`) up to the document's year: `2021-2023`."""
    if not period.endswith("-NOW"):
        return period
    start, year = period[:4], str(ctx.pub_year) if ctx.pub_year else None
    return f"{start}-{year}" if year and year > start else start


def _own_period(periods: list[Period], sentence: str, rel_s: int, rel_e: int, ctx: DocContext) -> str | None:
    """A period written as the figure's own label: `năm 2021: 9,44%`, `73,26% (2021)`, `31,17% vào cuối
    năm 2018`."""
    for p in periods:
        if p.pos < rel_s and _labels(sentence, p, rel_s):
            return p.value if _YEAR_FIRST.match(p.value) else None
        if p.pos >= rel_e and _right_after(sentence[rel_e:p.pos]) and \
                not re.match(r"[\d\s/QIV-]*\s*(?:tăng|giảm|đạt|là|còn|[:=])\s*\d", sentence[p.pos:]):
            return p.value if _YEAR_FIRST.match(p.value) else None  # not `(năm 2020 tăng 6,97%`
    return None


def _right_after(gap: str) -> bool:
    return bool(_RIGHT_AFTER.fullmatch(gap))


def _opens_a_label(before: str) -> bool:
    r"""`re.search(r"(?:^|[(,;]\s*|năm\s+)$", before)`, read from the end of `before` instead of trying every
    place in it: nothing, a bracket, comma or semicolon, or `năm` and a space, then only spaces to its end."""
    rest = before.rstrip()
    return before in ("", "\n") or bool(rest) and (rest[-1] in "(,;"
                                                  or rest.endswith("năm") and len(rest) < len(before))


def _labels(sentence: str, p: Period, rel_s: int) -> bool:
    """Whether period `p` labels the figure starting at `rel_s`: `năm 2021: 9,44%`, `(năm 2020 tăng 6,97%`."""
    gap, before = sentence[p.pos:rel_s], sentence[:p.pos]
    if _COMPARED_IS.fullmatch(gap) and _COMPARED_WITH_END.search(before[-30:]):
        return True   # `…, cao hơn năm 2019 là 15%, gấp 4 lần …`: the year compared with, and its own figure
    if not _opens_a_label(before):
        return False
    if _LABEL_GAP.fullmatch(gap):
        return True
    # inside brackets a verb may stand between: `(năm 2020 tăng 6,97%, năm 2021 tăng 7,7%)`
    return before.count("(") > before.count(")") and \
        _LABEL_VERB_GAP.fullmatch(gap) is not None


def _owned_by_other(sentence: str, p: Period, spans, rel_m: int) -> bool:
    """A period written right after another figure of the sentence, or as another figure's label,
    belongs to that figure."""
    return any(s != rel_m and (e <= p.pos and _right_after(sentence[e:p.pos]) or p.pos < s and _labels(sentence, p, s))
               for s, e in spans)


def _owners(ctx: DocContext, s: Sentence) -> list[tuple[Period, list[int]]]:
    """Each period of sentence `s` with the starts of the figures of the sentence that own it (written right after
    one, or as its label): `_owned_by_other(s.text, p, spans, rel_m)` is whether a start other than `rel_m` is among
    them. Read once per sentence (kept for the sentence in hand), not once per figure and period: the test does not
    depend on the figure asked about."""
    spans = ctx.figure_spans.get(s.index, ())
    periods = ctx.sentence_periods[s.index]
    got = ctx.period_owners
    if not got or got[0] is not s.text or got[1] is not periods or got[2] is not spans or got[3] != len(spans):
        sentence = s.text
        pairs = [(p, [a for a, e in spans
                      if e <= p.pos and _right_after(sentence[e:p.pos]) or p.pos < a and _labels(sentence, p, a)])
                 for p in periods]
        got[:] = [sentence, periods, spans, len(spans), pairs]
    return got[4]


def _context_year(periods: list[Period], ctx: DocContext, s: Sentence, period: str | None = None) -> str | None:
    """The year a period without one belongs to: the sentence's, else what the document named
    last, else the title's, else the document's date (a review published early in a year looks back
    at the year before)."""
    december = _DECEMBER_BASE.search(s.text) or _YEAR_END_BASE.search(s.text)
    if december:
        # `tháng 6 tăng 0,07% so với tháng 12/2022`: June 2023; `đến hết tháng 8 đạt 98.000 tỷ đồng, tăng 2,06% so
        # với thời điểm cuối năm 2022`: 2023
        return str(int(december.group(1)) + 1)
    for pool in (periods, ctx.running[s.index]):
        # not a year written as an aside in brackets (`6 tháng đầu năm … (năm 2012 đạt 5,7%)`)
        years = [p.value[:4] for p in pool if p.value[:4].isdigit() and p.kind != "term" and p.bracket is None]
        if years:
            return years[-1]
    same_time = SAME_TIME_OF.search(s.text)
    if same_time:
        return str(int(same_time.group(1)) + 1)   # `6 tháng đầu năm … so với cùng kỳ năm 2019`: 2020
    if ctx.pub_year and period == "YTD":
        return str(ctx.pub_year)   # `Lũy kế từ đầu năm` in a page of February: this year so far, not the year before
    if ctx.pub_year:
        last = _last_month(period)
        month = int(ctx.published[5:7]) if ctx.published and ctx.published[5:7].isdigit() else None
        if last is not None and month is not None:
            # `trong tháng 2` in a page of 23 February 2024 is February 2024; `6 tháng đầu năm` in January
            # is last year's
            return str(ctx.pub_year if last <= month else ctx.pub_year - 1)
        return _pub_year_reviewed(ctx)
    return ctx.doc_year


# a clause that opens on the same time of an earlier year: `…; cùng kỳ năm 2022 thu hút được 7 dự án`
_SAME_TIME_OPENS = re.compile(r"\s*(?:[;,]\s*)?(?:còn\s+|trong khi\s+)?[Cc]ùng kỳ\s+(?:năm\s+)?((?:19|20)\d{2})(?!\d)\s*,?\s+"
                              r"(?!(?:là|đạt|chỉ)\s+\d)")
# a base that is the first months of a year: `tăng cao so với 5 tháng đầu năm 2017`
_PART_BASE = re.compile(r"(?<!\w)so\s+(?:với\s+)?(?:cùng kỳ\s+)?(\d{1,2}|sáu|chín)\s+tháng\s+(?:đầu\s+)?năm\s+((?:19|20)\d{2})"
                        r"(?!\d)", re.IGNORECASE)
_PART_BASE = led(_PART_BASE)   # (tried only where a character one of its matches starts with stands: `cues.led`)
_MONTH_OF_YEAR = re.compile(r"(?:19|20)\d{2}-\d{2}")
_CROP_FIGURE_BEFORE = re.compile(r"\d\s*(?:ha|tấn)(?!\w)")   # (the change of a crop's area or output right after it)
_CROP_UNITS = frozenset(("ha", "tấn", "tạ", "héc-ta", "hécta", "héc ta", "nghìn ha", "nghìn tấn"))
_CROP_SEASON = re.compile(r"(?<!\w)(?:vụ|đông xuân|hè thu|thu đông|lúa mùa|xuống giống|gieo trồng|gieo cấy|gieo sạ|"
                          r"thu hoạch)(?!\w)", re.IGNORECASE)
_CROP_SEASON = led(_CROP_SEASON)   # (tried only where a character one of its matches starts with stands: `cues.led`)


# the first months of a year, with their year or not: `H1`, `2012-9M`, `Q1`, `10M`
_PART_OF_A_YEAR = re.compile(r"((?:19|20)\d{2}-)?(H1|9M|Q[1-4]|\d{1,2}M)")


def _part_outside_bracket(ctx: DocContext, s: Sentence, rel_m: int, year: str) -> str | None:
    """`2012-H1` for a figure of `year` in the brackets of a sentence whose figures before them are of the first six
    months (`Tốc độ tăng trưởng GDP 6 tháng đầu năm … đạt 7,52% (năm 2012 đạt 5,7%, năm 2013 đạt 6,81%)`): the same
    part of the earlier year; None when the figure is in no bracket, or the year is not in it."""
    spans = ctx.sentence_brackets[s.index]
    opened = bracket_at(spans, rel_m, s.text) if spans else None
    periods = ctx.sentence_periods[s.index]
    if opened is None or not any(p.value == year and p.bracket == opened for p in periods):
        # a list of years after the part of a year it gives them for: `Tốc độ tăng IIP 6 tháng đầu năm: Năm 2020
        # (+6,1%); năm 2021 (+13,8%)`
        listed = [p for p in periods if p.value == year and p.pos < rel_m]
        parts = [p for p in periods if listed and p.pos < listed[-1].pos and (q := _PART_OF_A_YEAR.fullmatch(p.value))
                 and not q.group(1) and ":" in s.text[p.pos:listed[-1].pos]]
        return f"{year}-{parts[-1].value}" if parts else None
    parts = [_PART_OF_A_YEAR.fullmatch(p.value) for p in periods if p.bracket is None and p.pos < opened]
    parts = [q.group(2) for q in parts if q]
    return f"{year}-{parts[-1]}" if parts else None


def _last_month(period: str | None) -> int | None:
    """The last month a yearless period covers: `M02` 2, `H1` 6, `Q3` 9, `9M` 9; None for a whole year."""
    m = re.fullmatch(r"M(\d{2})|H([12])|Q([1-4])|(\d{1,2})M", period or "")
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        return 6 * int(m.group(2))
    if m.group(3):
        return 3 * int(m.group(3))
    return int(m.group(4))


def _pub_year_reviewed(ctx: DocContext) -> str:
    month = ctx.published[5:7] if ctx.published and len(ctx.published) >= 7 else ""
    return str(ctx.pub_year - 1) if month in ("01", "02") else str(ctx.pub_year)


def with_year(period: str, periods: list[Period], ctx: DocContext, s: Sentence) -> str | None:
    """`H1`, `9M`, `Q2`, `10M`, `M10`, `Y` with their year; `MLAST` (`trong tháng qua`) the month of the page's
    date, or the month before it in the first half of a month; `YPAST` (`năm qua`) and `YPREV` (`năm ngoái`)."""
    if period == "YPAST":
        # the year gone by: the year before in a page of January or February, else the page's year
        return _pub_year_reviewed(ctx) if ctx.pub_year else None
    if period == "MLAST":
        if not ctx.published or not re.match(r"\d{4}-\d{2}-\d{2}", ctx.published):
            return None
        y, mo, day = (int(x) for x in ctx.published[:10].split("-"))
        if day < 15:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return f"{y}-{mo:02d}"
    year = _context_year(periods, ctx, s, period)   # (`YPREV` is no year of its own, and no part of one)
    if year is None:
        return None
    if period == "YPREV":
        return str(int(year) - 1)   # `năm ngoái`: the year before the one the sentence or document is of
    if period == "YTD":
        # `Đầu năm đến nay, ước tính đạt 78.591 tỷ đồng` in a report of October: the year, as a figure "up to" a date
        # within a year (ANNOTATION.md; the sixth session's months, `2019-10M`, were dropped in the seventh)
        return year
    if period == "Y":
        return year
    if period.startswith("M"):
        return f"{year}-{period[1:]}"
    return f"{year}-{period}"


def _after_in_clause(periods: list[Period], s: Sentence, rel_m: int, spans=()) -> str | None:
    clause_end = s.text.find(";", rel_m)
    # not past another figure, whose period it is (`… ước đạt 284 tỷ đồng, …, nâng tổng thu 11 tháng năm 2022
    # đạt gần 20 nghìn tỷ đồng`)
    nxt = min((a for a, _ in spans if a > rel_m), default=None)
    if nxt is not None:
        comma = s.text.find(", ", rel_m, nxt)   # (not a decimal comma)
        nxt = comma if comma >= 0 else nxt   # nor in the part that leads to that figure
    after = [p for p in periods if p.pos >= rel_m and (clause_end < 0 or p.pos < clause_end) and p.kind != "term"
             and (nxt is None or p.pos < nxt)]
    return after[0].value if after else None


# a sentence that opens on now (`Đến nay Tham Đôn đã có nhiều đổi thay, …`): the one after it in its paragraph goes on
# with now, not with a year an earlier paragraph looked back to (`Khi mới bước vào … năm 2010, …`)
_THERE_ARE = re.compile(r"\s*(?:[Cc]ó|[Cc]òn|[Tt]rong đó(?:,)?\s+có)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?\d")
_OPENS_ON_NOW = re.compile(r"\s*(?:[Đđ]ến nay|[Hh]iện nay|[Cc]ho đến nay|[Tt]ính đến nay)(?!\w)")


def _goes_on_from_now(s: Sentence, ctx: DocContext) -> bool:
    """The sentence before, in the same paragraph, opens on now and names no time nor figure of its own."""
    k = s.index
    if k == 0 or ctx.sentences[k - 1].paragraph != s.paragraph or _OPENS_ON_NOW.match(ctx.sentences[k - 1].text) is None:
        return False
    # (or, after a sentence of figures as of now, one that only goes on counting what there is: `Đến nay, toàn tỉnh có
    # 726 cơ sở lưu trú với 22.654 phòng. Có 13 doanh nghiệp kinh doanh dịch vụ lữ hành quốc tế, …`)
    return not ctx.sentence_periods[k - 1] and not ctx.figure_spans.get(k - 1) or _THERE_ARE.match(s.text) is not None


def text_before_in_sentence(s: Sentence, m: Mention, ctx: DocContext) -> str:
    return ctx.text[s.start:m.start]
