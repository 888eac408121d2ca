"""The periods a text names: years, terms, quarters, halves, the first N months, a month, `up to` a date.

`find_periods(text)` gives them in order, each with its kind (`year`, `term`, `quarter`, `half`, `nine`,
`months`, `month`, `since`, `deadline`); bases of comparison (`so với 6 tháng năm 2019`) and base-year
prices (`giá so sánh 2010`) are left out. A value without a year (`H1`, `9M`, `Q2`, `M10`, `Y`) takes the
year of its sentence or document later (`period_choice.with_year`). `topical` says whether a period sets
the time of what follows, and `dateline_date` reads the date a lead opens with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import lexicon
from extractors.cues import Needs, first_letters, led
from extractors.endings import EndsWith

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# `so với cùng kỳ năm 2019`, `cao hơn cùng kỳ năm 2024`: the figure is of the year after its base
SAME_TIME_OF = re.compile(r"(?<!\w)cùng kỳ\s+(?:năm\s+)?((?:19|20)\d{2})(?!\d)")
SAME_TIME_OF = led(SAME_TIME_OF)   # (tried only where a character one of its matches starts with stands: `cues.led`)
_BASE_BEFORE = re.compile(r"(?<!\w)[Ss]o(?: với)?\s+(?:cùng kỳ\s+)?$")
# the number of months in words: `mười tháng đầu năm` (extractors/lexicon/month_words.tsv)
_MONTH_WORDS = {w: int(n) for w, n in lexicon.mapping("month_words", "word", "months").items()}


def month_count(word: str) -> int:
    """The number of months a word or numeral before `tháng` says (`9`, `chín`, `mười một`; 0 if none)."""
    word = word.lower()
    return int(word) if word.isdigit() else _MONTH_WORDS.get(word) or _HALF_AND_NINE.get(word, 0)


# (`sáu` and `chín` have patterns of their own, `_HALF` and `_NINE`, so they are not among the words of `_FIRST_MONTHS`)
_HALF_AND_NINE = {"sáu": 6, "chín": 9}


@dataclass
class Period:
    pos: int
    value: str
    kind: str  # year | term | quarter | half | nine | months | month | deadline | vision | sofar
    paragraph: int | None = None  # the paragraph of the sentence that named it; -1 for the title
    bracket: int | None = None  # where the bracket it is written in opens, in its sentence (an aside)
    # a value without a year (`H1`, `9M`, `Q2`, `10M`, `M10`, `Y` for "up to a day of the year")
    # takes the year of its sentence or document: see `with_year`


# `đến ngày 30/9/2023`, `Đến hết tháng 9/2023`, `tính đến hết năm 2023`, `đến hết quý I/2024`, `tính đến ngày 30-6`
# (compiled once; the lookahead lets the engine skip every position that cannot start one, its letters as written: each
# character that matches one of them ignoring case, `first_letters`, so that they are not lower-cased at every place)
# (and, after the first letter, the rest of `tính`, `đến`, `tới` or `hết`, with which every match opens)
_UP_TO = re.compile(first_letters(("t", "đ", "h")) + r"(?:(?=.(?:ính|ến|ới|ết))(?:"
                    r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:thời điểm\s+)?(?:hết\s+|cuối\s+|giữa\s+)?|hết\s+)(?:ngày\s+)?"
                    r"(?:\d{1,2}\s*[/.-]\s*)?(?:tháng\s+)?\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)|"
                    r"(?<!\w)tính\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?!\d)|"
                    r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?|hết\s+)quý\s+(?:IV|III|II|I|[1-4])\s*(?:/|-|năm\s+)"
                    r"((?:19|20)\d{2})(?!\d)|"
                    r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)\s+(?:thời điểm\s+)?(?:hết\s+|cuối\s+)?|hết\s+)"
                    r"(?:ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2})?|\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2})(?![\d/.-])))",
                    re.IGNORECASE)


_LAST_YEAR = re.compile(r"(?=[nN])(?<!\w)[Nn]ăm ngoái(?!\w)")
_THIS_YEAR = re.compile(r"(?=[nN])(?<!\w)(?<!tháng )(?<!đầu )(?<!cuối )[Nn]ăm nay(?!\w)")
_YEAR_PAST = re.compile(r"(?=[nN])(?<!\w)[Nn]ăm (?:qua|vừa qua)(?!\w)")
_MONTH_PAST = re.compile(r"(?=[tT])(?<!\w)[Tt]háng (?:qua|vừa qua)(?!\w)")
# a count right before `tháng qua`, `năm qua` (`10 tháng qua`, `5 năm qua`, `những năm qua`): a span, not the one gone by
_COUNTED_BEFORE = re.compile(r"(?<!\w)(?:\d+|ba|bốn|năm|sáu|bảy|tám|chín|mười|hai|mấy|các|những)\s*$", re.IGNORECASE)
# `Lũy kế từ đầu năm`, `Từ đầu năm đến nay`, `tính từ đầu năm` (with no year after it: `từ đầu năm 2024` is a year):
# `YTD`, the year so far of its sentence or the document's date; it times its own sentence only (kind `sofar`)
_SINCE_NEW_YEAR = re.compile(r"(?=[LlTtĐđ])(?<!\w)(?:(?:(?:[Ll]ũy kế|[Tt]ính|[Cc]ộng dồn)\s+)?[Tt]ừ đầu năm(?!\s*(?:19|20)\d{2})|"
                             r"[Đđ]ầu năm\s+(?:đến|tới)\s+nay)(?!\w)")


# the term of a standard or of a list a figure is counted by: `chuẩn nghèo đa chiều giai đoạn 2022 - 2025`, `Danh sách
# huyện nghèo … giai đoạn 2021-2025`
_STANDARDS_TERM = re.compile(r"(?:chuẩn nghèo|[Cc]huẩn\s+(?:nghèo|tiếp cận)|[Dd]anh sách)[^;:.()]{0,100}?\s+"
                             r"(?:áp dụng\s+(?:cho\s+)?)?(?:giai đoạn|thời kỳ)\s*$")


# `Trong 10 tháng, …` opening a sentence or a paragraph (not `hoàn thành trong 10 tháng`, a duration)
_MONTHS_OPENING = re.compile(r"(?<![^\s])Trong\s+(\d{1,2}|sáu|chín|mười)\s+tháng(?=\s*,)")   # (capital: a sentence's opening)
_MONTHS_OPENING = led(_MONTHS_OPENING)   # (tried only where a character one of its matches starts with stands: `cues.led`)
# `bình quân 6 tháng`, `tính chung 9 tháng năm 2023`, `cộng dồn 6 tháng năm 2014` (not `6 tháng cuối năm`)
_SUMMED_MONTHS = re.compile(r"(?=[bBtTcClL])(?<!\w)(?:bình quân|tính chung|cộng dồn|lũy kế)\s+(\d{1,2}|sáu|chín|mười) tháng"
                            r"(?!\s+(?:đầu|cuối|qua|trước|tới|sau))(?:\s+(?:năm\s+)?((?:19|20)\d{2}))?(?!\d)", re.IGNORECASE)


# `… ngân sách nhà nước 6 tháng là`, `… xuất khẩu 9 tháng ước đạt`: N months after a word, before a copula
_MONTHS_OF_MEASURE = re.compile(r"(?<=[^\W\d] )(\d{1,2}|sáu|chín|mười) tháng(?:\s+(?:năm\s+)?((?:19|20)\d{2}))?"
                                r"(?=\s+(?:là|đạt|ước|tăng|giảm)(?!\w))")
# a word before N months that makes them a span, not the months of the year so far
_SPAN_BEFORE = re.compile(r"(?<!\w)(?:trong|sau|dưới|trên|hơn|khoảng|gần|mỗi|từ|đến|vòng|hạn|kỳ|thời gian|các|những|mất)\s*$",
                          re.IGNORECASE)
# a month's figure compared with the month before: `tháng 9 tăng 0,70% so với tháng trước`
_MONTH_ON_MONTH = re.compile(r"(?:[^.;:\n]|(?<=\d)\.(?=\d)){0,40}?(?:tăng|giảm)[^.;:\n]{0,25}?so\s+(?:với\s+)?tháng\s+"
                             r"(?:trước|\d{1,2})(?![\w/])",
                             re.IGNORECASE)


# the term of an elected council, part of its name: `Hội đồng nhân dân tỉnh Bắc Ninh khóa 19, nhiệm kỳ 2021-2026`
_COUNCILS_TERM = re.compile(r"(?<!\w)(?:khóa|khoá)\s+(?:[IVXLC]+|\d{1,2})\s*[,(]?\s*(?:nhiệm kỳ\s*)?$", re.IGNORECASE)


# `đến hết tháng 9/2023`, `hết tháng 11-2019`, `tính đến hết tháng 3`: the months of the year so far
_TO_MONTH_END = re.compile(r"(?=[hH])(?<!\w)[Hh]ết\s+tháng\s+(\d{1,2})(?:\s*(?:/|-|năm\s+)((?:19|20)\d{2}))?(?![\d/.-])")


# what may stand right before a month without a year that is a figure's time: the start, a comma, `trong`, …
# (read on the last 12 characters before it, trailing spaces stripped)
# a month named after what it measures, right before its result: `Tổng mức bán lẻ … tháng 9 ước đạt 10.925,83 tỷ đồng`,
# `Thu ngân sách … tháng 9 ước thực hiện 963 tỷ đồng` (not a day's date: `ngày 5 tháng 10 đạt`)
_RESULT_AFTER_MONTH = re.compile(r"(?:\s+của\s+(?:toàn\s+)?(?:tỉnh|thành phố|huyện|địa phương)(?:\s+[A-ZĐÂĂÊÔƠƯ]\w*){0,3})?"
                                 r"\s+(?:ước\s+(?:đạt|tính|thực hiện|tăng|giảm)|đạt|tăng|giảm)(?!\w)")   # (`… tháng 8 của tỉnh ước đạt`)
_DAY_BEFORE = re.compile(r"(?<!\w)[Nn]gày\s+\d{1,2}\s+$")
_OPENS_A_TIME = re.compile(r"(?:^|[,;:]|(?:^|\W)(?:trong|riêng|của|cả|Trong|Riêng))$")


# the patterns of `find_periods`' loops (compiled once, not looked up in `re`'s cache for every sentence)
_TERM_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-–—‑]\s*((?:19|20)\d{2})")
# a span from one year to another: `Từ năm 2010 đến tháng 6.2016`, `từ năm 2016 đến hết năm 2020`; and the years a
# count of years names in brackets, which are its span, not an aside: `Qua 2 năm (2018-2019)`, `trong 02 năm (2021 và 2022)`
_FROM_TO = re.compile(r"(?=[Tt])(?<!\w)[Tt]ừ\s+(?:năm\s+)?((?:19|20)\d{2})\s*(?:đến|tới)\s+(?:hết\s+|cuối\s+)?"
                      r"(?:tháng\s+\d{1,2}\s*[/.-]\s*|năm\s+)?((?:19|20)\d{2})(?![\d/.-])")
_YEARS_BRACKETED = re.compile(r"(?<![\w])(?:0?\d|hai|ba|bốn|năm)\s+năm\s*\(((?:19|20)\d{2})\s*(?:[-–—‑]|và|đến)\s*"
                              r"((?:19|20)\d{2})\)", re.IGNORECASE)
_QUARTER = re.compile(r"[Qq]uý\s+(IV|III|II|I|[1-4])(?:\s*(?:/|-|năm\s+)((?:19|20)\d{2}))?(?![\w/])")
_HALF = re.compile(r"(?=[06SsNn])(?<![\d\w])(?:(?:0?6|[Ss]áu) tháng(?:(?: đầu| của)? năm| qua)|[Nn]ửa đầu năm)\s*((?:19|20)\d{2})?")
_NINE = re.compile(r"(?=[09Cc])(?<![\d\w])(?:0?9|[Cc]hín) tháng(?: đầu| của)?(?: năm| qua)?\s*((?:19|20)\d{2})?")
_SINCE = re.compile(r"(?=[Tt])(?<!\w)[Tt]ừ\s+(?:đầu\s+)?(?:năm\s+)?((?:19|20)\d{2})\s+(?:đến|tới)\s+nay(?!\w)")
_FIRST_MONTHS = re.compile(r"(?=[0-9btmnhBTMNH])(?<![\d\w])(0?2|0?3|0?4|0?5|0?7|0?8|10|11|" + "|".join(_MONTH_WORDS) + ") tháng"
                           r"(?: đầu năm| qua| (?:của )?năm(?=\s*(?:19|20)\d{2}))\s*((?:19|20)\d{2})?")
_MONTH_OF = re.compile(r"(?=[Tt])(?<!\w)[Tt]háng\s+(\d{1,2})(?:\s*(?:/|-|năm\s+)((?:19|20)\d{2}))?(?![\d/.-])")
_YEAR = re.compile(r"(?=[12])(?<![\d/.,-])((?:19|20)\d{2})(?![\d/-])")


def months_part(n: int) -> str:
    """The first n months of a year as the contract writes them: `Q1` for three, `H1` for six, else `10M`."""
    return {3: "Q1", 6: "H1"}.get(n, f"{n}M")


def find_periods(text: str) -> list[Period]:
    """Periods named in `text`, in order; bases of comparison and base-year prices are left out."""
    # `quí` is an old spelling of `quý` (one letter for one, so positions stay)
    # (and `Qúy`, the tone mark put on the wrong letter)
    text = text.replace("quí", "quý").replace("Quí", "Quý") if "uí" in text else text
    text = text.replace("Qúy", "Quý").replace("qúy", "quý") if "úy" in text else text
    # each loop below runs only where its pattern could match: the words every match of it holds (`in` is
    # much cheaper than the scan); `low` for the patterns read without case (`ı` matches an `i` there)
    years, month = "19" in text or "20" in text, "háng" in text
    low = text.lower()
    out: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(m, value, kind):
        out.append(Period(m.start(), value, kind))
        taken.append((m.start(), m.end()))

    def overlaps(m) -> bool:
        """`m` reaches into a span a period read before it has taken."""
        return any(s < m.end() and m.start() < e for s, e in taken)

    for m in _TERM_SPAN.finditer(text) if years and ("-" in text or "–" in text or "—" in text or "‑" in text) else ():
        pre = text[max(0, m.start() - 25):m.start()].lower()
        if "so với" in pre[-15:]:
            continue
        if _STANDARDS_TERM.search(text[max(0, m.start() - 90):m.start()]) \
                or _COUNCILS_TERM.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025`: the standard's term, not the figures' time;
            # `HĐND tỉnh khóa 19, nhiệm kỳ 2021-2026`: the council's
        add(m, f"{m.group(1)}-{m.group(2)}", "term")
    # (`_FROM_TO` only where `ừ` and `đến` or `tới` are written, `_YEARS_BRACKETED` only where a bracket is: every match
    # of each holds them)
    spans = (_FROM_TO if "ừ" in text and ("đến" in text or "tới" in text) else None,
             _YEARS_BRACKETED if "(" in text else None) if years else ()
    for pattern in spans:
        for m in pattern.finditer(text) if pattern is not None else ():
            if int(m.group(1)) < int(m.group(2)) \
                    and not any(a < m.end() and m.start() < b and not m.start() <= a < m.end() for a, b in taken):
                # (the span's own years, in brackets or not, taken: not read again as a term or an aside)
                taken[:] = [(a, b) for a, b in taken if not (m.start() <= a < m.end())]
                out[:] = [p for p in out if not (m.start() <= p.pos < m.end())]
                add(m, f"{m.group(1)}-{m.group(2)}", "term")
    for m in _QUARTER.finditer(text) if "uý" in text else ():
        if m.group(2) and re.search(r"(?<!\w)(?:đến|tới|hết)\s+(?:hết\s+)?$", text[max(0, m.start() - 15):m.start()],
                                    re.IGNORECASE):
            continue  # `Đến quý 3 năm 2023, …`: up to a date within the year (read below)
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        add(m, f"{m.group(2)}-Q{q}" if m.group(2) else f"Q{q}", "quarter")
    for m in _HALF.finditer(text) \
            if month or "ửa đầu năm" in text else ():
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `tăng 13,48% so với 6 tháng năm 2019`: a base of comparison
        add(m, f"{m.group(1)}-H1" if m.group(1) else "H1", "half")
    for m in _NINE.finditer(text) \
            if month else ():
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue
        add(m, f"{m.group(1)}-9M" if m.group(1) else "9M", "nine")
    # `Từ năm 2021 đến nay`: from that year to the document's (`NOW` is filled in with its year)
    for m in _SINCE.finditer(text) \
            if "nay" in text and ("đến" in text or "tới" in text) else ():
        if re.search(r"(?<!\w)nhất(?:\s+\S+){0,4}\s*$", text[max(0, m.start() - 40):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `mức tăng trưởng cao nhất từ năm 2010 đến nay`: the span of a record, not the figure's time
        add(m, f"{m.group(1)}-NOW", "since")
    # the first N months: `10 tháng đầu năm 2022` is 2022-10M, `3 tháng đầu năm` the first quarter, `10 tháng qua`
    # (a leading zero as some portals write it: `06 tháng đầu năm 2023`)
    for m in _FIRST_MONTHS.finditer(text) if month else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `tăng cao so với 5 tháng đầu năm 2017`: a base of comparison
        n = month_count(m.group(1))
        part = "Q1" if n == 3 else f"{n}M"
        add(m, f"{m.group(2)}-{part}" if m.group(2) else part, "months")
    # the first N months opening a sentence: `Trong 10 tháng, tỉnh Quảng Ninh đã thu hút …`
    for m in _MONTHS_OPENING.finditer(text) if month else ():
        if overlaps(m):
            continue
        n = month_count(m.group(1))
        if 1 < n < 12:
            part = months_part(n)
            out.append(Period(m.start(1), part, {6: "half", 9: "nine"}.get(n, "months")))
            taken.append((m.start(1), m.end()))
    # the first N months added up or averaged, with no `đầu năm` (`bình quân 6 tháng tăng 3,68%`, `cộng dồn 9 tháng`),
    # and named right after what they measure, before its copula (`Tổng thu ngân sách nhà nước 6 tháng là 12.221 tỷ
    # đồng`, `kim ngạch xuất khẩu 9 tháng ước đạt`; not a span: `trong 6 tháng`, `dưới 6 tháng tuổi`)
    for pattern in (_SUMMED_MONTHS, _MONTHS_OF_MEASURE) if "háng" in low else ():
        for m in pattern.finditer(text):
            if overlaps(m) or pattern is _MONTHS_OF_MEASURE and _SPAN_BEFORE.search(text, max(0, m.start() - 12),
                                                                                      m.start()):
                continue
            n = month_count(m.group(1))
            if not 1 < n < 12:
                continue
            part = months_part(n)
            out.append(Period(m.start(1), f"{m.group(2)}-{part}" if m.group(2) else part,
                              {6: "half", 9: "nine"}.get(n, "months")))
            taken.append((m.start(1), m.end()))
    # up to the end of a month is the months so far: `Đến hết tháng 9-2019` 2019-9M, `hết tháng 3` the first quarter
    for m in _TO_MONTH_END.finditer(text) if month and "ết" in text else ():
        n = int(m.group(1))
        if any(s <= m.start() < e for s, e in taken) or not 1 <= n <= 12:
            continue
        year = m.group(2)
        if n == 12:
            add(m, year or "Y", "year")
        elif n == 1:   # the first month is that month: `2024-01`, or `M01` without a year
            add(m, f"{year}-01" if year else "M01", "months")
        else:
            part = months_part(n)
            add(m, f"{year}-{part}" if year else part, "months")
    # the month gone by, of the page's date: `trong tháng qua` (not `10 tháng qua`, the first ten months)
    for m in _MONTH_PAST.finditer(text) if "háng qua" in text or "háng vừa qua" in text else ():
        if not overlaps(m) \
                and not _COUNTED_BEFORE.search(text[max(0, m.start() - 10):m.start()]):
            add(m, "MLAST", "month")
    # this year, the page's: `Năm nay, Quảng Ngãi thu hút được 4 dự án` (not `6 tháng đầu năm nay`, read above)
    for m in _THIS_YEAR.finditer(text) if "ăm nay" in text else ():
        if not overlaps(m) \
                and not re.search(r"(?:[Qq]uý\s+\S+|[Tt]háng\s+\d{1,2})\s*$", text[max(0, m.start() - 12):m.start()]):
            # (`quý I năm nay`, `tháng 3 năm nay`: that quarter or month, whose year is the page's)
            add(m, "Y", "year")
    # last year: `năm ngoái sản lượng đạt 230.000 tấn` (not a base: `so với năm ngoái`)
    for m in _LAST_YEAR.finditer(text) if "ăm ngoái" in text else ():
        if not overlaps(m) \
                and not _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]) \
                and not re.search(r"(?:cùng kỳ|so|với|hơn|lần|vượt|bằng|gấp)\s*(?:cả\s*)?$", text[max(0, m.start() - 14):m.start()]):
            add(m, "YPREV", "year")
    # the year gone by, of the page's date: `Trong năm qua, Huyện ủy … kết nạp được 358 đảng viên` (not `5 năm qua`)
    for m in _YEAR_PAST.finditer(text) if "ăm qua" in text or "ăm vừa qua" in text else ():
        if not overlaps(m) \
                and not _COUNTED_BEFORE.search(text[max(0, m.start() - 10):m.start()]):
            add(m, "YPAST", "year")
    # since the start of the year, so far: the year (`Lũy kế từ đầu năm, thành lập mới 258 doanh nghiệp`)
    for m in _SINCE_NEW_YEAR.finditer(text) if "ầu năm" in text else ():
        if not overlaps(m):
            add(m, "YTD", "sofar")
    # a figure "up to" a date within a year gets the year (ANNOTATION.md): `Tính đến tháng 12/2022`,
    # `đến ngày 30/9/2023`, `Đến hết tháng 9/2023`; without a year (`tính đến ngày 30-6`) the year
    # the document is about
    for m in _UP_TO.finditer(text) if "đến" in low or "tới" in low or "hết" in low or "ı" in text else ():
        if overlaps(m):
            continue
        add(m, m.group(1) or m.group(2) or m.group(3) or "Y", "year")
    # one month: `tháng 12/2023`, `trong tháng 10`
    for m in _MONTH_OF.finditer(text) \
            if month else ():
        if any(s <= m.start() < e for s, e in taken) or not 1 <= int(m.group(1)) <= 12:
            continue
        if re.search(r"(?<!\w)(?:[Tt]ừ|kể từ|bắt đầu)\s+$", text[max(0, m.start() - 12):m.start()]):
            continue  # `Được triển khai từ tháng 5/2023, đến nay …`: when something began, not the figure's time
        if _BASE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # `tăng 0,07% so với tháng 12/2022`: a base of comparison
        if not m.group(2) and not _OPENS_A_TIME.search(text[:m.start()].rstrip()[-12:]) \
                and not _MONTH_ON_MONTH.match(text, m.end(), m.end() + 70) \
                and not (_RESULT_AFTER_MONTH.match(text, m.end(), m.end() + 20)
                         and not _DAY_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            continue  # `từ tháng 3`, `ngày 5 tháng 10` are dates, not the time of a figure (but `… ước tính tháng 9
            # tăng 0,70% so với tháng trước` is that month's)
        month = f"M{int(m.group(1)):02d}"
        add(m, f"{m.group(2)}-{month[1:]}" if m.group(2) else month, "month")
    for m in _YEAR.finditer(text) if years else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        pre = text[max(0, m.start() - 45):m.start()].lower()
        if _YEAR_AS_BASE.search(pre) or _BASE_YEAR_PRICES.search(pre):
            continue  # a base of comparison, or base-year prices (`giá so sánh 2010`)
        if _VISION_BEFORE.search(pre):
            add(m, m.group(1), "vision")
            continue
        if _DEADLINE_BEFORE.search(pre):
            add(m, m.group(1), "deadline")  # `đến năm 2022, …`: holds for its own clause only
            continue
        add(m, m.group(1), "year")
    if len(out) > 1:
        out.sort(key=lambda p: p.pos)
    titles = [(q.start(), q.end()) for q in _QUOTED_TITLE.finditer(text)] if "“" in text else []
    # a resolution's quoted title (`Nghị quyết 01 “… giai đoạn 2020-2025, định hướng đến năm 2030”`) names
    # the plan's term, not the time of what follows it
    return [p for p in out if p.kind != "vision"
            and (p.kind == "term" or not any(s <= p.pos < e for s, e in titles))]


# what may stand before a year (read on the 45 characters before it, lower-cased; each pattern runs only where the
# words each of its matches holds are written, `Needs`, or where the text ends as they end, `EndsWith`): a base of
# comparison (`so với năm 2020`, `gấp 2 lần năm 2015`, `cùng kỳ năm 2022`), base-year prices (`giá so sánh 2010`), a
# vision's horizon (`tầm nhìn đến năm 2045`), a deadline (`đến năm 2025`, `trước hết năm 2023`)
_YEAR_AS_BASE = Needs(re.compile(r"(?<!\w)so(?: với)?\s+(?:[^\s;,()]+\s+){0,4}$|(?<!\w)so(?: với)?\s+(?:[^\s\d;,()]+\s+){5,6}$|"
                                 r"(?<!\w)lần\s+(?:năm\s+)?$|cùng kỳ\s+(?:năm\s+)?$"), ("so", "lần", "cùng kỳ"))
_BASE_YEAR_PRICES = Needs(re.compile(r"(?:giá so s\w+|giá cố định|gốc)\s*(?:năm\s+)?$"), ("giá", "gốc"))
_VISION_BEFORE = Needs(re.compile(r"tầm nhìn\s+(?:đến\s+|tới\s+)?(?:năm\s+)?$"), ("tầm nhìn",))
_DEADLINE_BEFORE = EndsWith(re.compile(r"(?:đến|tới|trước)\s+(?:hết\s+|cuối\s+)?năm\s+$"), ("năm",))


# the quoted title of a document: `Nghị quyết số 01-NQ/TU ngày 16/11/2020 “Về phát triển …”`
_QUOTED_TITLE = re.compile(r"(?:Nghị quyết|Chương trình|Đề án|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Chiến lược|"
                           r"Quy hoạch)[^“”\n]{0,120}?“[^”“\n]{10,300}”")


_BRACKET = re.compile(r"[()]")


def brackets(text: str) -> list[tuple[int, int]]:
    """The spans of `text` in round brackets, innermost last among those that nest; an unclosed one runs
    to the end."""
    spans, stack = [], []
    for m in _BRACKET.finditer(text):   # (the brackets only, not every character)
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            spans.append((stack.pop(), i + 1))
    spans += [(o, len(text)) for o in stack]
    return sorted(spans)


# a bracket that holds only a period labels the words before it (`nhiệm kỳ (2016- 2020)`): no aside
_ONLY_A_PERIOD = re.compile(r"\(\s*(?:năm|quý|tháng|giai đoạn|nhiệm kỳ)?[\s\dIVX/.,–-]*\)?\s*", re.IGNORECASE)


def bracket_at(spans: list[tuple[int, int]], pos: int, text: str | None = None) -> int | None:
    """Where the innermost bracket holding `pos` opens, or None outside brackets (or, given the `text`,
    in a bracket that holds only a period)."""
    inner = None
    for o, c in spans:
        if o < pos < c and (inner is None or o > inner[0]):
            inner = (o, c)
        elif o > pos:
            break
    if inner is None or text is not None and _ONLY_A_PERIOD.fullmatch(text, inner[0], inner[1]):
        return None
    return inner[0]


def dateline_date(text: str) -> str | None:
    """The date a sentence of the lead opens with, for a document that has no date of its own:
    `LSO-Ngày 7/12/2015, Hội đồng thẩm định …` (not `áp dụng từ ngày 01/01/2024`)."""
    m = re.search(r"(?:^|[.!?]\s+|\n)\W*(?:[\w.]{2,20}\s*\)?\s*[-–—]\s*)?(?:Ngày|Sáng|Chiều|Tối|Trưa)\s+"
                  r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})", text[:400])
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31):
        return None
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


_TIME_WORDS = {"năm", "trong", "đến", "tới", "từ", "đầu", "cuối", "hết", "giai", "đoạn", "nhiệm", "kỳ", "thời",
               "quý", "tháng", "sau", "qua", "lũy", "kế", "cộng", "dồn", "và", "riêng", "cả", "theo", "đó", "tính", "chung", "sáu", "chín", "6", "9"}


# (the patterns `topical` asks about every period, compiled once)
_LABEL_TIME = re.compile(r"(?:[^\W\d_]+\s+){0,4}[\d\s/.–-]*(?:19|20)\d{2}\s*:")
_PART_MARKS = re.compile(r"[,;:(]")


def topical(sentence: str, pos: int) -> bool:
    """A period that sets the time of what follows (`Năm 2021, …`, `Trong năm 2022, …`, `…, năm 2023,
    Tỉnh đặt mục tiêu`), not one that qualifies a noun (`hậu quả thiên tai năm 2020`,
    `tổng kết 5 năm …, giai đoạn 2015 – 2020;`)."""
    before = sentence[:pos]
    if _LABEL_TIME.match(sentence[pos:pos + 60]) and ";" not in before:
        return True  # the time of a label that opens a list: `Tiến độ thu hoạch ước tính đến ngày 15/10/2022: …`
    head = _PART_MARKS.split(before)[-1]
    words = head.split()
    if len(words) > 3 or not all(w.lower() in _TIME_WORDS for w in words):
        return False
    if len(before.split()) <= 6:
        return True  # near the start of the sentence
    # a parenthetical time adverbial: `…, năm 2022, Ban Thường vụ …`
    tail = sentence[pos:]
    m = re.match(r"[\d\s/–-]*(?:\d{4})?", tail)
    rest = tail[m.end():] if m else tail
    # `…, trong 6 tháng đầu năm 2021, tuy …`: a period phrase of a few words closed by a comma
    # (`trong tháng 5/2023,`, `trong quý I/2024,` too)
    phrase = (re.match(r"\s*(?:[^\W\d_]+\s+){1,4}(?:(?:\d{1,2}|[IVX]{1,4})\s*[/.–-]\s*)?(?:19|20)\d{2}(?=\s*,)", rest)
              or re.match(r"\s*(?:hết\s+|cuối\s+)?tháng\s+\d{1,2}(?=\s*,)", rest)) \
        if not rest.lstrip().startswith(",") else None   # (`…, đến hết tháng 10, Khánh Hòa đón …` too)
    return before.rstrip().endswith((",", ":")) is False and (rest.lstrip().startswith(",") or phrase is not None) \
        and re.search(r",\s*(?:\S+\s+){0,2}$", before) is not None
