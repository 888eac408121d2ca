"""What a document says about itself: whose it is and when.

Most figures in a real article sit in sentences that say `toàn tỉnh`, `tỉnh ta`, `Đảng bộ tỉnh` or
nothing at all; the province is in the title, the lead, a dateline (`(Baonghean.vn) -`, `(QBĐT) -`),
or only the site. A document's province is taken, in this order of trust, from

1. `title`: the first province the title names as a place;
2. `lead`: the first province the lead paragraph names as a place;
3. `dateline`: the code or site name that opens the lead (`(Baonghean.vn) -`, `(QBĐT) -`);
4. `address`: the first province the address's last path segment names (the title as the site wrote it:
   `vov.vn/kinh-te/bac-ninh-thu-hut-hon-300-du-an-fdi-post1057638.vov`), else a section of it
   (`dangcongsan.vn/vinh-phuc-tiem-nang-va-trien-vong/…`); without tone marks, so trusted below the lead
   (`…-sat-vach-ha-noi-…` is only a neighbour);
5. `site`: the site's profile, else its host (`baonghean.vn`, `vpubnd.quangnam.gov.vn`), else the one district of
   the country its host names (`ttthlak.gov.vn`: huyện Lắk, of Đắk Lắk);
6. `text`: the province the text names most often;

and the frame records which one it used. Provinces named in a comparison (`đứng trên Nam Định,
Thái Bình`, `so với Hà Nội`) and names that are not places (`Đoàn TNCS Hồ Chí Minh`) never count.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from extractors.entities import district_anywhere, district_places, districts_of
from extractors.gazetteer import find_places, provinces
from extractors.normalize import fold

DATA = Path(__file__).parent / "data"
SOURCES = ("title", "lead", "dateline", "address", "site", "text")
_HOST_PREFIXES = ("bao", "tinhuy", "dangbo", "ubnd", "hdnd", "cong", "portal", "www")


@dataclass(frozen=True)
class Frame:
    province: str | None
    province_source: str | None   # one of SOURCES, or None


@lru_cache(maxsize=1)
def _site_table() -> tuple[dict[str, str], dict[str, str]]:
    """(dateline code -> province, host label -> province) from data/sites.tsv."""
    datelines: dict[str, str] = {}
    hosts: dict[str, str] = {}
    with open(DATA / "sites.tsv", encoding="utf-8") as f:
        rows = csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t")
        for kind, key, province, _example in rows:
            (datelines if kind == "dateline" else hosts)[key if kind == "dateline" else key.lower()] = province
    return datelines, hosts


@lru_cache(maxsize=1)
def _slugs() -> tuple[tuple[str, str], ...]:
    """Province names as hosts write them (`nghean`, `bariavungtau`), longest first."""
    out: dict[str, str] = {}
    for p in provinces():
        for n in (p.name, *p.aliases):
            slug = re.sub(r"[^a-z]", "", fold(n).lower())
            if len(slug) >= 4:
                out.setdefault(slug, p.name)
    return tuple(sorted(out.items(), key=lambda kv: len(kv[0]), reverse=True))


def site_province(url: str | None) -> str | None:
    """The province a site belongs to, read from its host: `baonghean.vn` -> Nghệ An,
    `duclinh.binhthuan.dcs.vn` -> Bình Thuận; None for national or unknown sites and for paths."""
    if not url or "://" not in url and not re.match(r"^[\w-]+(?:\.[\w-]+)+$", url):
        return None
    host = (urlsplit(url).hostname if "://" in url else url) or ""
    _, known = _site_table()
    labels = [lab for lab in host.lower().split(".") if lab]
    for lab in labels[:-1]:   # the last label is a TLD
        if lab in known:
            return known[lab]
    for lab in labels[:-1]:
        bare = lab.replace("-", "")
        for prefix in _HOST_PREFIXES:
            if bare.startswith(prefix) and len(bare) > len(prefix) + 3:
                bare = bare[len(prefix):]
                break
        for slug, name in _slugs():
            if bare == slug or (bare.startswith(slug) or bare.endswith(slug)) and len(slug) >= 6:
                # `baodienbienphu`, `xuctiendautuhagiang`, `cucthongkelangson`
                return name
    return None


# what a district's site puts before the district's name in its host: `pgdtanuyen` (its education office),
# `huyenuyducLinh`, `ubndtxlagi`, `tpphanthiet`, `ttthlak` (its media centre)
_DISTRICT_HOST_PREFIXES = ("phonggiaoduc", "phonggd", "pgddt", "pgd", "huyenuy", "thiuy", "dangbo", "ubnd", "hdnd",
                           "huyen", "thixa", "thanhpho", "quan", "ttvhtt", "ttvh", "ttth", "ttyt", "tx", "tp")


def site_district(url: str | None, province: str | None) -> str | None:
    """The district a district's own site belongs to, read from a label of its host: `duclinh.binhthuan.dcs.vn` ->
    huyện Đức Linh, `pgdtanuyen.laichau.edu.vn` -> huyện Tân Uyên; of `province`, or, when no province is known, the
    one district of the country with that name (`ttthlak.gov.vn` -> huyện Lắk); None for a province's site (a district
    named like its province, `thành phố Lai Châu`, is never read from a host). A name of fewer than five letters is read
    only after one of the prefixes (`ttthlak`, not `lak`)."""
    found = _site_place(url, province)
    return found[0] if found else None


def site_district_province(url: str | None) -> str | None:
    """The province of the one district of the country a host names (`ttthlak.gov.vn` -> Đắk Lắk), or None."""
    found = _site_place(url, None)
    return found[1] if found else None


def _site_place(url: str | None, province: str | None) -> tuple[str, str | None] | None:
    if not url or "://" not in url:
        return None
    labels = [lab for lab in (urlsplit(url).hostname or "").lower().split(".") if lab][:-1]
    slugs = _district_slugs(province) if province else _country_district_slugs()
    for lab in labels:
        bare = lab.replace("-", "")
        for prefix in ("",) + _DISTRICT_HOST_PREFIXES:
            rest = bare[len(prefix):]
            if bare.startswith(prefix) and rest in slugs and (prefix or len(rest) >= 5):
                return slugs[rest] if not province else (slugs[rest], province)
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]", "", fold(name).lower())


@lru_cache(maxsize=64)
def _district_slugs(province: str) -> dict[str, str]:
    """A province's districts as hosts write them (`duclinh` -> `huyện Đức Linh`), leaving out any whose name is
    the province's own (`laichau`)."""
    own = {_slug(n) for p in provinces() if p.name == province for n in (p.name, *p.aliases)}
    out: dict[str, str] = {}
    for name, full in districts_of(province).items():
        slug = _slug(name)
        if len(slug) >= 3 and slug not in own:
            out[slug] = full
    return out


@lru_cache(maxsize=1)
def _country_district_slugs() -> dict[str, tuple[str, str]]:
    """Every district of the country whose name no other district and no province shares, as hosts write it:
    `lak` -> (`huyện Lắk`, `Đắk Lắk`)."""
    provinces_own = {_slug(n) for p in provinces() for n in (p.name, *p.aliases)}
    seen: dict[str, list[tuple[str, str]]] = {}
    for name, places in district_places().items():
        seen.setdefault(_slug(name), []).extend(places)
    return {slug: places[0] for slug, places in seen.items()
            if len(places) == 1 and len(slug) >= 3 and slug not in provinces_own}


def address_province(url: str | None) -> str | None:
    """The first province the last segment of an article's address names, its words cut at hyphens:
    `…/bac-ninh-thu-hut-hon-300-du-an-fdi-trong-10-thang-post1057638.vov` -> Bắc Ninh. Names of two words or
    more only (`ha-noi`, `ba-ria-vung-tau`), so that a single word of a slug never makes a province."""
    if not url or "://" not in url:
        return None
    segments = [seg for seg in urlsplit(url).path.split("/") if seg]
    # the title's slug first, then the sections (`dangcongsan.vn/vinh-phuc-tiem-nang-va-trien-vong/…`)
    for seg in (segments[-1:] + segments[-2::-1]) if segments else []:
        words = re.sub(r"\.\w{2,5}$", "", seg).lower().split("-")
        if len(words) < 2:
            continue   # an id, not words
        joined = "-" + "-".join(words) + "-"
        best = None
        for slug, name in _hyphen_slugs():
            at = joined.find(slug)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, name)
        if best:
            return best[1]
    return None


@lru_cache(maxsize=1)
def _hyphen_slugs() -> tuple[tuple[str, str], ...]:
    """Province names of two words or more as addresses write them: `-bac-ninh-`, `-ba-ria-vung-tau-`."""
    out: dict[str, str] = {}
    for p in provinces():
        for n in (p.name, *p.aliases):
            words = re.findall(r"[a-z]+", fold(n).lower())
            if len(words) >= 2:
                out.setdefault("-" + "-".join(words) + "-", p.name)
    return tuple(sorted(out.items(), key=lambda kv: len(kv[0]), reverse=True))


_DATELINE = re.compile(r"^\s*\(?\s*([\w.ĐđÀ-ỹ-]{2,30}?)\s*\)?\s*[-–—]\s+")


def dateline_province(text: str) -> str | None:
    """The province of the dateline that opens a lead: `(Baonghean.vn) - …`, `(QBĐT) - …`."""
    m = _DATELINE.match(text[:60])
    if not m:
        return None
    code = m.group(1)
    if "." in code:
        return site_province(code.lower())
    datelines, _ = _site_table()
    return datelines.get(code)


def lead(text: str) -> str:
    """The lead: the first paragraph, or its first 400 characters."""
    return text.split("\n\n", 1)[0].split("\n", 1)[0][:400]


def document_frame(text: str, title: str | None = None, source: str | None = None,
                   site_province_hint: str | None = None) -> Frame:
    """The document's province and where it was found (see the module's docstring)."""
    if title:
        hits = find_places(title)
        if hits:
            return Frame(hits[0][2].name, "title")
    first = lead(text)
    hits = find_places(first)
    if hits:
        return Frame(hits[0][2].name, "lead")
    dl = dateline_province(first)
    if dl:
        return Frame(dl, "dateline")
    named = address_province(source)   # (the title, read first, named none)
    if named:
        return Frame(named, "address")
    site = site_province_hint or site_province(source) or site_district_province(source)
    if site:
        return Frame(site, "site")
    counts = Counter(p.name for _, _, p in find_places(text))
    if counts:
        return Frame(counts.most_common(1)[0][0], "text")
    named = _districts_named(text)
    if named:
        return Frame(named, "text")   # `Vĩnh Thuận 6.492 ha, U Minh Thượng 7.565 ha, …`: the province of its districts
    return Frame(None, None)


def _districts_named(text: str) -> str | None:
    """The province whose districts a text that names no province names most (two at least, each the only district of
    the country with its name), or None."""
    counts: Counter = Counter()
    for run in re.finditer(r"(?:(?<=\s)|^)((?:[A-ZĐ][^\W\d_]*(?:\s+|$)){1,3})", text[:20000]):
        words = run.group(1).split()
        for n in range(len(words), 0, -1):
            hit = district_anywhere(" ".join(words[:n]))
            if hit:
                counts[hit[1]] += 1
                break
    if not counts:
        return None
    province, n = counts.most_common(1)[0]
    return province if n >= 2 else None


def url_date(url: str | None) -> str | None:
    """The publication date an article's address carries, for a document without one of its own:
    `/201901/`, `/2019/01/` (a month), an id of 14 to 17 digits `…-20231227165816429.htm` (YYYYMMDDhhmm…), an
    18-digit id `…-185241214143027124.htm` (a 3-digit prefix, then YYMMDDhhmmss…)."""
    if not url or "://" not in url:
        return None
    path = urlsplit(url).path
    for run in re.findall(r"(?<!\d)\d{14,18}(?!\d)", path):
        y, mo, d = (run[0:4], run[4:6], run[6:8]) if len(run) < 18 else ("20" + run[3:5], run[5:7], run[7:9])
        if _valid(y, mo, d):
            return f"{y}-{mo}-{d}"
    m = re.search(r"/((?:19|20)\d{2})/?(0[1-9]|1[0-2])/", path)
    if m and _valid(m.group(1), m.group(2), "01"):
        return f"{m.group(1)}-{m.group(2)}"
    return None


def _valid(y: str, mo: str, d: str) -> bool:
    return 2000 <= int(y) <= 2035 and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31

