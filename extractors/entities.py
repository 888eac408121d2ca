"""Bodies and places that own figures: party committees, councils, departments, districts.

Found by pattern and gazetteer, not by statistical NER: `Ban Thường vụ Tỉnh ủy`, `BTV Tỉnh ủy`,
`HĐND tỉnh`, `UBND tỉnh Vĩnh Phúc`, `Sở Tài chính`, `Ban Tổ chức Tỉnh ủy`, `Đảng bộ huyện Lập Thạch`,
`Huyện ủy Tam Dương`, `Công an tỉnh`, `Ủy ban MTTQ tỉnh`, `huyện Tam Đảo`. A body of the province
named without the province (`HĐND tỉnh`) is completed with the document's province, so the canonical
name says whose it is: `HĐND tỉnh Vĩnh Phúc`. Abbreviations are expanded to one canonical spelling.
Districts come from underthesea's administrative-units data (old provinces, districts, wards).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors import lexicon
from extractors.cues import Needs, PhrasesWritten, first_letters, led
from extractors.gazetteer import find_provinces, provinces
from extractors.normalize import UPPER, new_style_tones

# The words of the body patterns are data: extractors/lexicon/bodies.tsv (one alternation per role) and
# departments.tsv.


def _alt(role: str) -> str:
    return lexicon.alternation("bodies", role)


# Spellings the canonical name expands (`BTV ` -> `Ban Thường vụ `, `Hội đồng nhân dân` -> `HĐND`): an
# abbreviation in capitals with the space after it.
EXPANSIONS = tuple((w + " ", c + " ") if w.isupper() else (w, c)
                   for w, c in zip(lexicon.column("bodies", "word"), lexicon.column("bodies", "canonical")) if c)
# Provincial departments (sở), longest first so `Văn hóa, Thể thao và Du lịch` wins over `Văn hóa`.
DEPARTMENTS = sorted(lexicon.column("departments", "department"), key=len, reverse=True)
_UP = UPPER
_WORD = rf"{_UP}[^\s,.;:()]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"     # a proper name: capitalized words
_LEVEL = rf"(?:{_alt('level')})"
_COMMITTEE = rf"(?:{_alt('committee')})"
BODY_PATTERNS = [
    # Ban Thường vụ Tỉnh ủy [Vĩnh Phúc], BTV Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh [Hà Tĩnh], Thường trực Tỉnh ủy
    ("party", re.compile(rf"(?:{_alt('leadership')})\s+"
                         rf"(?:{_COMMITTEE}|Đảng bộ\s+{_LEVEL})(?:\s+(?P<name>{_NAME}))?")),
    # Ban Tổ chức Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy
    ("party", re.compile(rf"(?:Ban (?:{_alt('party_board')})|{_alt('party_office')})\s+{_COMMITTEE}(?:\s+(?P<name>{_NAME}))?")),
    # the party organisation of a provincial body: Đảng bộ Quân sự tỉnh, Đảng bộ Bộ đội Biên phòng tỉnh,
    # Đảng bộ Công an tỉnh, Đảng bộ Khối các cơ quan tỉnh
    ("party", re.compile(rf"Đảng (?:bộ|ủy|uỷ)\s+(?:Quân sự|Bộ đội Biên phòng|Công an|Khối(?:\s+[^\s,.;:()]+){{1,5}}?|"
                         rf"Cơ quan(?:\s+[^\s,.;:()]+){{1,3}}?|Doanh nghiệp)\s+(?:tỉnh|thành phố|Tỉnh|Thành phố)"
                         rf"(?:\s+(?P<name>{_NAME}))?")),
    # Tỉnh ủy Vĩnh Phúc, Huyện ủy Tam Dương, Đảng bộ huyện Lập Thạch, Đảng bộ tỉnh
    # (behind a look ahead for the first letters of its words: the engine finds no letter to scan for in this one)
    ("party", re.compile(rf"{first_letters((*lexicon.role_words('bodies', 'committee'), 'Đảng bộ'))}"
                         rf"(?:{_COMMITTEE}|Đảng bộ\s+{_LEVEL})(?:\s+(?P<name>{_NAME}))?")),
    # HĐND tỉnh, UBND tỉnh Vĩnh Phúc, Hội đồng nhân dân huyện X, Ủy ban MTTQ tỉnh, Công an tỉnh
    ("government", re.compile(rf"(?:{_alt('government')})\s+{_LEVEL}(?:\s+(?P<name>{_NAME}))?")),
    # Sở Tài chính, Sở Kế hoạch và Đầu tư [tỉnh Vĩnh Phúc]
    ("department", re.compile(rf"Sở\s+(?:{'|'.join(re.escape(d) for d in DEPARTMENTS)})"
                              rf"(?:\s+(?:tỉnh|thành phố)\s+(?P<name>{_NAME}))?")),
    # huyện Tam Đảo, thị xã Hồng Lĩnh, thành phố Vĩnh Yên
    ("district", re.compile(rf"(?:{_alt('district')})\s+(?P<name>{_NAME})")),
    # xã Nam Thanh, phường Hưng Bình, thị trấn Nam Đàn (after the districts: `thị xã Kinh Môn` is no commune)
    # (not a cooperative, `Liên minh các Hợp tác xã Việt Nam`)
    # (behind a look ahead for their first letters: the look behinds would be tried at every place)
    ("commune", re.compile(rf"{first_letters(lexicon.role_words('bodies', 'commune'))}(?<!\w)(?<![Tt]ác )"
                           rf"(?:{_alt('commune')})\s+(?P<name>{_NAME})")),
]
# the words each match of each pattern holds, as written (a party committee's name or `Đảng bộ`, a body's, `Sở`, …):
# `_find_bodies` runs a pattern only where one of its words is written (`cues.Needs`)
_COMMITTEE_WORDS = lexicon.role_words("bodies", "committee")
_BODY_WORDS = ((*_COMMITTEE_WORDS, "Đảng bộ"), _COMMITTEE_WORDS, ("Đảng",), (*_COMMITTEE_WORDS, "Đảng bộ"),
               lexicon.role_words("bodies", "government"), ("Sở",), lexicon.role_words("bodies", "district"),
               lexicon.role_words("bodies", "commune"))
BODY_GATES = [(kind, Needs(pattern, words)) for (kind, pattern), words in zip(BODY_PATTERNS, _BODY_WORDS, strict=True)]
# every gate's words in one pattern (as written, as the gates read them): a text that holds none of them is asked no
# gate (most clauses: one scan instead of some sixty `in` tests)
_ANY_BODY_WORD = re.compile("|".join(re.escape(w) for w in sorted({w for _, gate in BODY_GATES for w in gate.words},
                                                                    key=len, reverse=True)))
assert not any(gate.pattern.flags & re.IGNORECASE for _, gate in BODY_GATES)   # (the words are read as written)
BODY_WORDS_GATE = True   # tests/test_fast_paths_eleventh.py turns it off to compare with the plain reading
NATIONAL_RE = re.compile(rf"(?<!\w)(?:{_alt('national')})(?!\w)", re.IGNORECASE)   # `Cả nước có …` opens a sentence too
# the longest word of each of them, which a text naming it holds as written (see find_national)
_NATIONAL_PIECES = re.compile("|".join(sorted({re.escape(max(w.split(), key=len))
                                               for w in lexicon.role_words("bodies", "national")})),
                              NATIONAL_RE.flags & re.IGNORECASE)   # (ignoring case if the pattern does)


@dataclass
class Body:
    start: int
    end: int
    name: str     # canonical
    type: str     # party | government | department | district | province


def _canonical(kind: str, surface: str, name: str | None, province: str | None) -> str:
    s = new_style_tones(re.sub(r"\s+", " ", surface.strip()))
    for short, full in EXPANSIONS:
        if s.startswith(short):
            s = full + s[len(short):]
    if kind == "commune" and s[:8].lower() == "thị trấn":
        return f"thị trấn {s[9:]}"
    if kind in ("district", "commune"):
        head, _, rest = s.partition(" ")
        return f"{head.lower()} {rest}"
    if not name and province:
        if re.search(r"(?:Tỉnh ủy|Đảng bộ tỉnh|tỉnh)$", s):
            s = f"{s} {province}"
        elif re.search(r"(?:Thành ủy|Đảng bộ thành phố|thành phố)$", s) and _is_city(province):
            s = f"{s} {province}"   # `Thành ủy` in a page of Đà Nẵng is the city's, a province
        elif kind == "department":
            s = f"{s} tỉnh {province}"
    return s


@lru_cache(maxsize=None)
def _is_city(province: str) -> bool:
    """A centrally run city (Hà Nội, Đà Nẵng, Cần Thơ, …), whose party committee is a `Thành ủy`."""
    return any(p.name == province and p.kind == "thành phố" for p in provinces())


def find_bodies(text: str, province: str | None = None) -> list[Body]:
    """Bodies and districts named in `text`, longest first where they overlap."""
    return list(_find_bodies(text, province))


@lru_cache(maxsize=8192)
def _find_bodies(text: str, province: str | None) -> tuple[Body, ...]:
    # a clause is asked about once per figure in it: the last 8,192 (text, province) pairs are kept
    if BODY_WORDS_GATE and _ANY_BODY_WORD.search(text) is None:
        return ()   # (no gate's word is written: every gate would say no, one word at a time)
    found: list[Body] = []
    for kind, pat in BODY_GATES:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            surface = m.group(0)
            name = m.groupdict().get("name")
            if name:
                raw = m.group("name")
                name = _trim_name(raw, kind)
                if kind in ("district", "commune") and (not name or name.isupper() and " " not in name) \
                        or kind == "commune" \
                        and (name.split()[0].isupper() or find_provinces(name) or name.startswith("Việt Nam")):
                    continue   # (`các xã NTM`, `huyện NTM nâng cao`: an abbreviation, no name; a province is no commune's name)
                surface = surface[:surface.rfind(raw)] + name
                surface = surface.rstrip()
                e = s + len(surface)
            if kind == "district" and (not name or name.split()[0] in ("Hồ",) and "Chí Minh" not in name):
                pass
            if any(b.start <= s < b.end for b in found):
                continue
            found.append(Body(s, e, _canonical(kind, surface, name, province), kind))
    found.sort(key=lambda b: b.start)
    return tuple(found)


_NAME_STOP = {"Đảng", "Nhà", "Nước", "Trung", "Ương"}


def _trim_name(name: str, kind: str) -> str:
    """The place a body's name ends with: a province or a known district at the start of the
    capitalized words (`Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng` is Tỉnh ủy Hà Tĩnh, then a person)."""
    norm = new_style_tones(name)
    hits = [h for h in find_provinces(norm) if h[0] == 0]
    if hits:
        return name[:hits[0][1]]
    words = norm.split()
    known = district_names()
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[:n]) in known:
            return " ".join(name.split()[:n])
    loose = _loose_district_names()
    for n in (3, 2, 1):
        if len(words) >= n and _loose(" ".join(words[:n])) in loose:
            return " ".join(name.split()[:n])   # `UBND huyện Đakrông` (the list's `Đa Krông`), as the text writes it
    if kind in ("district", "commune"):
        return " ".join(name.split()[:2])
    return ""


@lru_cache(maxsize=128)
def _districts_of(province: str) -> tuple[dict[str, str], dict[str, str]]:
    """({`Tuyên Hóa`: `huyện Tuyên Hóa`}, {`tuyên hóa`: `huyện`}) for the (old) districts of a province: each by its
    name, and its kind by the name in lower case with a straight apostrophe (the text may write `Đắk R’lấp` for
    `Đắk R'Lấp`)."""
    named, kinds = {}, {}
    for full, kind in districts().get(province, []):
        name = full.split(" ", len(kind.split()))[-1]
        named[name] = f"{kind} {name}"
        kinds.setdefault(_loose(name), kind)
    return named, kinds


def _loose(name: str) -> str:
    """A district's name as it is spelt in more ways than one: curly quotes, and the `Đắk`/`Đăk`/`Đak` of the
    Central Highlands (`Đak Pơ`, `huyện Đăk Pơ`)."""
    low = new_style_tones(name.replace("’", "'").replace("‘", "'")).lower()   # (`Minh Hoá`, `Lệ Thuỷ`: old tone marks)
    low = _DAK.sub("đak", low) if "k" in low else low
    return low.replace(" ", "")   # (`Đakrông` for the list's `Đa Krông`: names of the highlands written joined or apart)


_DAK = re.compile(r"(?<!\w)(?:đắk|đăk|đak|dak|đắc|đăc)(?!\w)")


def district_named(name: str, province: str) -> str | None:
    """The district of `province` called `name`, with its kind (`huyện Tuyên Hóa`), or None; a name matched only
    loosely is kept as the text writes it (`huyện Đắk R’lấp`)."""
    named, kinds = _districts_of(province)
    if name in named:
        return named[name]
    modern = new_style_tones(name)
    if modern in named:
        return named[modern]   # `Minh Hoá`, `Lệ Thuỷ`: the old tone marks of the same name, named as the list names it
    kind = kinds.get(_loose(name))
    return f"{kind} {name}" if kind else None


@lru_cache(maxsize=1)
def _districts_by_name() -> dict[str, list[tuple[str, str]]]:
    by_name: dict[str, list[tuple[str, str]]] = {}
    for province in districts():
        for name, full in _districts_of(province)[0].items():
            by_name.setdefault(name, []).append((full, province))
    return by_name


def district_places() -> dict[str, list[tuple[str, str]]]:
    """Every district name of the country with the districts so named: {`Lắk`: [(`huyện Lắk`, `Đắk Lắk`)], …}."""
    return _districts_by_name()


def districts_of(province: str) -> dict[str, str]:
    """The (old) districts of a province by name: {`Tuyên Hóa`: `huyện Tuyên Hóa`, …}."""
    return _districts_of(province)[0]


@lru_cache(maxsize=1)
def _loose_district_names() -> frozenset[str]:
    """The names of every district as `_loose` spells them (`đakrông` for `Đa Krông`)."""
    return frozenset(_loose(n) for n in _districts_by_name())


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    """The names of every district of the country (`Văn Chấn`, `Tân Phú`, …)."""
    return frozenset(_districts_by_name())


def district_anywhere(name: str) -> tuple[str, str] | None:
    """The one district of the whole country called `name`, with its province (`huyện Văn Chấn`, `Yên Bái`), or
    None when no district or several have that name (`Tân Phú`)."""
    found = _districts_by_name().get(name, [])
    return found[0] if len(found) == 1 else None


# whether every word of one of the country's phrases is written (ignoring case, as `NATIONAL_RE` reads them): blanking a
# span out writes no word, so where none is, no blanking makes one of them
_national_words_written = PhrasesWritten(lexicon.role_words("bodies", "national"))




def national_at(text: str) -> int | None:
    """Where `text` last makes the country the owner (see `find_national`), or None."""
    if not find_national(text):
        return None
    framed = _NOT_OWNER.sub(lambda x: " " * len(x.group(0)), _RANK_FRAME.sub(lambda x: " " * len(x.group(0)), text))
    hits = [m.start() for m in NATIONAL_RE.finditer(framed)]
    return hits[-1] if hits else None


_QUOTED = re.compile(r"“[^”]{0,300}”")
_MORE_THAN_COUNTRY_AT_END = re.compile(r"(?<!\w)(?:cao hơn|thấp hơn|nhanh hơn|chậm hơn)\s+(?:\S+\s+){0,6}cả nước\s*$",
                                       re.IGNORECASE)


def find_national(text: str) -> bool:
    """Whether `text` makes the country the owner: `cả nước`, `toàn quốc`, not a ranking's frame
    (`đứng thứ 8 cả nước`, `dẫn đầu cả nước`) or a standard of comparison (`so với bình quân cả nước`)."""
    if not _national_words_written(text) or not _NATIONAL_PIECES.search(text):   # (the cheaper first: both are read)
        return False   # no phrase has all its words written (blanking frames out below only adds spaces)
    text = _NOT_OWNER.sub(" ", _RANK_FRAME.sub(" ", text))
    if "“" in text:
        text = _QUOTED.sub(" ", text)   # `phong trào thi đua “… trên phạm vi cả nước …”`: a name, no owner
    if not NATIONAL_RE.search(text):
        return False
    if re.search(r"(?<!\w)cả nước\s*(?:\(\s*|:\s*|là\s+)?(?:[^\W\d]+\s+){0,3}$", text, re.IGNORECASE) \
            and not _MORE_THAN_COUNTRY_AT_END.search(text):
        # `… cao hơn bình quân chung cả nước (ước tăng 8%)`: the standard's own figure is the country's (not how far
        # above it the place is: `cao hơn mức trung bình của cả nước 1,74%`)
        return True
    return not re.search(r"(?<!\w)so(?: với)?\s+(?:\S+\s+){0,4}cả nước|toàn quốc\)|"
                         r"(?<!\w)(?:cao hơn|thấp hơn|nhanh hơn|chậm hơn)\s+(?:\S+\s+){0,4}cả nước", text, re.IGNORECASE)


# The country named as who assigns a plan (`dự toán Trung ương giao`, `Chính phủ giao`), as a source
# (`Theo thống kê từ Bảo hiểm xã hội Việt Nam, …`) or inside an organisation's name, not as the owner.
# (The words: extractors/lexicon/owner_words.tsv.)
def _owner_alt(role: str, code: dict[str, str] | None = None) -> str:
    return lexicon.alternation("owner_words", role, code=code)


_ASSIGNER = _owner_alt("assigner")
_NATIONAL_ORGANISATION = {"Tổng Liên đoàn": r"Tổng Liên đoàn[^,;]{0,20}", "Liên minh": r"Liên minh[^,;]{0,40}"}
_NOT_OWNER = re.compile(rf"(?:(?:Thủ tướng\s+)?(?:{_ASSIGNER})\s+giao|"
                        rf"(?:{_owner_alt('assigned_plan')})\s+(?:được\s+)?(?:Thủ tướng\s+)?(?:{_ASSIGNER})|"
                        r"(?<!\w)[Tt]heo\s[^,;:]{0,80},|"
                        # the national party congress a delegation goes to names no owner: `Đoàn đại biểu dự Đại hội
                        # đại biểu toàn quốc lần thứ XII của Đảng gồm 17 đồng chí`
                        r"(?<!\w)Đại hội\s+(?:đại biểu\s+)?toàn quốc|"
                        # where money comes from, not whose it is: `thu bổ sung cân đối từ ngân sách trung ương 563 tỷ`
                        r"(?<!\w)(?:từ\s+(?:nguồn\s+)?(?:vốn\s+)?)?ngân sách\s+[Tt]rung ương|"
                        # who manages a kind of enterprise: `Thu từ khu vực doanh nghiệp Nhà nước do Trung ương quản lý`
                        r"(?<!\w)(?:do\s+)?[Tt]rung ương\s+(?:quản lý|quy định|ban hành|hướng dẫn)|"
                        # a kind of enterprise a province collects from: `thu từ doanh nghiệp nhà nước Trung ương`
                        r"(?<!\w)(?:doanh nghiệp|DNNN|DN)(?:\s+[Nn]hà nước)?\s+[Tt]rung ương|"
                        # a standard the country sets: `thoát khỏi tình trạng khó khăn theo tiêu chí Trung ương`
                        r"(?<!\w)(?:tiêu chí|tiêu chuẩn|chuẩn|quy định)\s+(?:của\s+)?[Tt]rung ương|"
                        # whose directions a province follows: `bám sát các chỉ đạo điều hành của Trung ương, của tỉnh`
                        r"(?<!\w)(?:chỉ đạo|chủ trương|hướng dẫn|chính sách|sự lãnh đạo)(?:\s+(?:điều hành|chung))?\s+"
                        r"(?:của\s+)?[Tt]rung ương|"
                        # one of a group of the country's provinces: `Hưng Yên là một trong 8 tỉnh, thành phố trong cả nước có`
                        r"(?<!\w)(?:một|1)\s+trong\s+(?:\d+|các)\s+(?:tỉnh|địa phương)[^.;:()\d]{0,20}?(?:cả nước|toàn quốc)(?!\w)|"
                        # the whole a share is of: `…, chiếm 10,9% tổng vốn đầu tư cả nước, tăng 82,4%`, `đóng góp khoảng 1,2%
                        # GDP cả nước`
                        r"(?<!\w)(?:chiếm|bằng|đóng góp)\s+(?:(?:gần|hơn|khoảng|trên)\s+)?[\d.,]+\s*%\s+(?:so với\s+)?(?:tổng\s+)?"
                        r"[^,;:()\d]{0,60}?(?:cả nước|toàn quốc)(?!\w)(?!\s*\()|"
                        # the whole a share is of, named with the share: `Tỷ trọng kinh tế TP trong kinh tế cả nước`
                        r"(?<!\w)(?:[Tt]ỷ|[Tt]ỉ)\s+trọng\s[^,;:()\d]{0,60}?\strong\s+[^,;:()\d]{0,40}?(?:cả nước|toàn quốc)(?!\w)|"
                        rf"(?:{_owner_alt('national_organisation', _NATIONAL_ORGANISATION)})\s+Việt Nam)")
_NOT_OWNER = led(_NOT_OWNER)   # (tried only where a character one of its matches starts with stands: `cues.led`)
_FRAME = {"thứ": r"thứ\s+\S+(?:\s+(?:tỉnh,\s*thành phố|tỉnh,\s*thành|tỉnh thành|tỉnh|địa phương))?", "tốp": r"tốp\s+\S+", "top": r"top\s+\S+", "nhóm": r"nhóm(?:\s+\S+){0,6}?"}
_RANK_FRAME = re.compile(rf"(?<!\w)(?:{_owner_alt('rank_frame', _FRAME)})\s+"
                         rf"(?:(?:{_owner_alt('rank_frame_link')})\s+)?(?:{_owner_alt('frame_country')})(?!\w)")
_RANK_FRAME = led(_RANK_FRAME)   # (tried only where a character one of its matches starts with stands: `cues.led`)


@lru_cache(maxsize=1)
def districts() -> dict[str, list[tuple[str, str]]]:
    """Old districts by old province short name: {'Vĩnh Phúc': [('Huyện Tam Đảo', 'huyện'), …]}.

    From underthesea's administrative-units mapping (shipped in its wheel); empty if absent.
    """
    try:
        import underthesea.address as ua
        path = Path(ua.__file__).parent / "data" / "mapping.json"
        # (the fields read below only, kept as the file is read: a smaller peak of memory)
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=lambda pairs: {
            k: v for k, v in pairs if k in ("short", "old_province_key", "old_district") or not isinstance(v, str)})
    except (ImportError, OSError, ValueError):
        return {}
    short = {k: v["short"] for k, v in data.get("old_province_names", {}).items()}
    out: dict[str, set[tuple[str, str]]] = {}
    for rec in data.get("ward_mapping", []):
        prov = short.get(rec.get("old_province_key"))
        dist = rec.get("old_district")
        if not prov or not dist:
            continue
        kind = dist.split()[0].lower()
        kind = {"thị": "thị xã", "thành": "thành phố"}.get(kind, kind)
        out.setdefault(new_style_tones(prov), set()).add((new_style_tones(dist), kind))
    for row in lexicon.rows("former_districts"):   # dissolved before 2025, or spelt otherwise (`Mù Cang Chải`)
        kind, _, name = row["name"].partition(" ")
        if row["province"] in out:
            out[row["province"]].add((f"{kind.capitalize()} {name}", kind))
    return {k: sorted(v) for k, v in out.items()}
