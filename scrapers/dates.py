"""Dates as Vietnamese sites print them, to ISO: `Thứ Năm, 2/12/2021 10:24'(GMT+7)`, `10/01/2022`,
`Cập nhật: 08:15 - 19/01/2022`, and ISO or RFC dates from feeds and sitemaps.

The dateline forms are the text-dump reader's (`extractors.textdump`), reused here; day comes before
month, as in Vietnamese. `find_datelines` walks a page's short text nodes for them, noting which come
after the article's title, so the site header's "today" is not taken for the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.textdump import parse_dateline

_PREFIX_RE = re.compile(
    r"^\s*(?:cập\s+nhật(?:\s+lúc)?|ngày\s+đăng|đăng\s+(?:lúc|ngày)|ngày\s+cập\s+nhật|thời\s+gian|xuất\s+bản|"
    r"published|posted|updated|lúc|ngày)\s*[:\-]?\s*", re.IGNORECASE)
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_TIME_RE = re.compile(r"(?<!\d)(\d{1,2})[:h](\d{2})(?!\d)")


def _iso(y, mo, d, hh=None, mm=None) -> str | None:
    y, mo, d = int(y), int(mo), int(d)
    if not 1900 < y < 2200:
        return None
    try:
        date(y, mo, d)
    except ValueError:
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if hh is not None and (int(hh), int(mm)) != (0, 0) and int(hh) < 24 and int(mm) < 60:
        out += f"T{int(hh):02d}:{int(mm):02d}"
    return out


def parse_date_text(value: str | None) -> str | None:
    """An ISO date (with time when written) from a date as printed, or None."""
    if not value:
        return None
    s = value.strip()
    m = _ISO_RE.match(s)
    if m:
        return _iso(*m.groups())
    s = _PREFIX_RE.sub("", s)
    d = parse_dateline(s)
    if d:
        return d.iso
    m = _DMY_RE.search(s)
    if not m or len(s) > 80:
        return None
    t = _TIME_RE.search(s[:m.start()] + " " + s[m.end():])
    return _iso(m.group(3), m.group(2), m.group(1), *(t.groups() if t else (None, None)))


@dataclass
class Dateline:
    iso: str
    index: int          # order in the page
    after_title: bool


_SKIP = {"script", "style", "noscript", "template", "option", "select"}


def find_datelines(root, title_el=None) -> list[Dateline]:
    """Every short text node of an lxml tree that reads as a date."""
    out: list[Dateline] = []
    after = title_el is None
    i = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el is title_el:
            after = True
        if el.tag in _SKIP:
            texts = [el.tail]
        else:
            texts = [el.text, el.tail]
        for t in texts:
            if not t or len(t) > 120 or "/" not in t and "-" not in t:
                continue
            iso = parse_date_text(t.strip())
            if iso:
                out.append(Dateline(iso, i, after))
                i += 1
    return out


def best_dateline(lines: list[Dateline]) -> str | None:
    """The publication dateline: after the title if any is, one with a time first (the page header
    shows today's date without one), else the first."""
    if not lines:
        return None
    pool = [d for d in lines if d.after_title] or lines
    timed = [d for d in pool if "T" in d.iso]
    return (timed or pool)[0].iso
