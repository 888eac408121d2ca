"""Places and bodies: the 63 provinces before 1 July 2025, the 34 after, with their GSO codes."""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.normalize import new_style_tones, nfc

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Province:
    name: str            # canonical, new-style tone marks
    gso_code: str
    kind: str            # tỉnh | thành phố
    new_province: str    # the province it belongs to after the 2025 merger
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    with open(DATA / "provinces.csv", encoding="utf-8") as f:
        return tuple(
            Province(r["name"], r["gso_code"], r["kind"], r["new_province"],
                     tuple(a for a in r["aliases"].split("|") if a))
            for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def _province_re() -> tuple[re.Pattern, dict[str, Province]]:
    names: dict[str, Province] = {}
    for p in provinces():
        for n in (p.name, *p.aliases):
            names[n.lower()] = p
    # After the merger `Huế` is a city of its own; keep it pointing at the old province row.
    alts = sorted(names, key=len, reverse=True)
    pat = re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])", re.IGNORECASE)
    return pat, names


def find_provinces(text: str) -> list[tuple[int, int, Province]]:
    """Every province name in `text`, old-style tone marks included (`Thanh Hoá`, `Hoà Bình`)."""
    norm = new_style_tones(nfc(text))
    pat, names = _province_re()
    out = []
    for m in pat.finditer(norm):
        s = m.group(1)
        if not s[0].isupper():
            continue  # `hà nội` lower-cased is not a name in running text
        out.append((m.start(1), m.end(1), names[s.lower()]))
    return out


def find_province(text: str) -> Province | None:
    hits = find_provinces(text)
    return hits[0][2] if hits else None


def document_province(text: str, title: str | None = None) -> str | None:
    """The province a document is about: the most named one, the title's counting thrice."""
    counts: Counter[str] = Counter()
    for _, _, p in find_provinces(text):
        counts[p.name] += 1
    if title:
        for _, _, p in find_provinces(title):
            counts[p.name] += 2
    if not counts:
        return None
    return counts.most_common(1)[0][0]
