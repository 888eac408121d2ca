"""Vietnamese text in the legacy 8-bit font encodings, TCVN3 (ABC) and VNI-Windows, converted to Unicode.

Old provincial archives hold text typed with the ABC (TCVN3) or VNI fonts. Read in any code page it is
garbage that still holds numbers, so a reader must either convert it or refuse it. It comes in two forms:
- the bytes themselves (`T\\xa8ng tr\\xadëng`, not valid UTF-8), recognised by `legacy_encoding`;
- the same bytes already read as windows-1252 and saved as UTF-8 (`T¨ng tr­ëng`, `Taêng tröôûng`):
  valid UTF-8, so nothing fails, and the garbage would be stored as text. `repair_mojibake` finds it.

`convert` turns the bytes into Unicode with the tables of `data/legacy_vietnamese.tsv` and checks the
result: it is kept only when its words are Vietnamese syllables (`syllable_share`). Text that is not
clearly legacy is never touched, so ordinary Unicode Vietnamese (which has letters such as ă ơ ư đ ạ
that windows-1252 cannot hold) always reads as it is.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

TCVN3, VNI = "TCVN3 (ABC)", "VNI-Windows"
TABLE = Path(__file__).parent / "data" / "legacy_vietnamese.tsv"

# TCVN3 puts the lower-case letters with diacritics in 0xA8-0xFE (đ = 0xAE, ư = 0xAD, ơ = 0xAC, ô = 0xAB,
# ê = 0xAA, â = 0xA9, ă = 0xA8) and Ă Â Đ Ê Ô Ơ Ư in 0xA1-0xA7; VNI-Windows writes a base letter followed
# by a mark byte (ê = e + 0xE2 …).
_TCVN3_BYTES = set(range(0xA1, 0xA8)) | set(range(0xA8, 0xAF)) | set(range(0xB5, 0xBA)) | set(range(0xBB, 0xFF))
_TCVN3_CORE = set(range(0xA1, 0xAF)) | set(range(0xB5, 0xBA))
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# a syllable without its tone: onset, vowels, coda (loose, but no other language's words fit it)
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}"
                       r"(?:ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
ACCEPT = 0.9  # share of a conversion's accented words that must be Vietnamese syllables


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[bytes, str]]:
    """{encoding: {bytes: Unicode letter}}, from `data/legacy_vietnamese.tsv`."""
    out: dict[str, dict[bytes, str]] = {TCVN3: {}, VNI: {}}
    lines = [l for l in TABLE.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    for line in lines[1:]:
        letter, tcvn3, vni = line.split("\t")[:3]
        if tcvn3 != "-":
            out[TCVN3][bytes.fromhex(tcvn3)] = letter
        out[VNI][bytes.fromhex(vni)] = letter
    vni = out[VNI]
    for code, letter in list(vni.items()):
        # an upper-case letter typed with a lower-case mark (`Aù` for Á) reads as the upper-case letter
        if len(code) == 2 and letter.isupper() and 0xC0 <= code[1] <= 0xDF and code[:1] + bytes([code[1] + 0x20]) not in vni:
            vni[code[:1] + bytes([code[1] + 0x20])] = letter
    return out


@lru_cache(maxsize=2)
def _pattern(encoding: str) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of the table's byte sequences (as Latin-1 characters), longest first."""
    table = {code.decode("latin-1"): letter for code, letter in tables()[encoding].items()}
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))), table


# windows-1252's characters for the C1 bytes a legacy file may hold (quotes, dashes, …)
_C1 = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}


def _upper_words(text: str) -> str:
    """TCVN3's upper-case fonts reuse the lower-case bytes: a word whose plain letters are all capitals
    (`TR¦ëNG`, read `TRƯởNG`) is upper-cased whole, and so is a word with one plain capital next to such a
    word (`HỒ` in `THÀNH PHỐ HỒ CHÍ MINH`); a capital alone (`Hồ`, `Nội`) starts a word in lower case."""
    words = list(_WORD.finditer(text))

    def caps(w: str) -> int:  # 2: surely all capitals, 1: one plain capital, 0: no
        plain = [c for c in w if c.isascii()]
        if not plain or not all(c.isupper() for c in plain):
            return 0
        return 2 if len(plain) >= 2 else 1

    marks = [caps(m.group(0)) for m in words]
    out, last = [], 0
    for i, m in enumerate(words):
        near = (i and marks[i - 1] == 2) or (i + 1 < len(words) and marks[i + 1] == 2)
        if marks[i] == 2 or (marks[i] == 1 and near and len(m.group(0)) > 1):
            out.append(text[last:m.start()])
            out.append(m.group(0).upper())
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def decode(raw: bytes, encoding: str) -> str:
    """The bytes as Unicode (NFC), read with the table of `encoding` (TCVN3 or VNI)."""
    pattern, table = _pattern(encoding)
    text = pattern.sub(lambda m: table[m.group(0)], raw.decode("latin-1")).translate(_C1)
    if encoding == TCVN3:
        text = _upper_words(text)
    return unicodedata.normalize("NFC", text)


def legacy_encoding(raw: bytes) -> str | None:
    """`TCVN3 (ABC)` or `VNI-Windows` when the bytes look like one of them, else None."""
    high = [b for b in raw if b >= 0x80]
    if len(high) < 5:
        return None
    # VNI's mark bytes follow the vowel they mark; TCVN3's letters stand in for the vowel itself
    after_vowel = sum(1 for i, b in enumerate(raw) if b >= 0x80 and i and
                      (raw[i - 1] in b"aeiouyAEIOUY" or raw[i - 1] >= 0x80))
    if after_vowel >= 0.45 * len(high):
        return VNI
    core = sum(1 for b in high if b in _TCVN3_CORE)  # ă â ê ô ơ ư đ and the a-row tones
    if sum(1 for b in high if b in _TCVN3_BYTES) >= 0.8 * len(high) and core >= 0.2 * len(high):
        return TCVN3
    return None


def syllable_share(text: str) -> float:
    """The share of the words with a letter outside ASCII that are Vietnamese syllables (one tone at most);
    1.0 when there are none."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 1.0
    good = 0
    for w in words:
        d = unicodedata.normalize("NFD", w.lower())
        bare = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        if sum(c in _TONES for c in d) <= 1 and _SYLLABLE.fullmatch(bare):
            good += 1
    return good / len(words)


def convert(raw: bytes) -> tuple[str, str] | None:
    """(Unicode text, encoding) when the bytes are TCVN3 or VNI text that converts into Vietnamese (at least
    `ACCEPT` of its accented words are syllables), else None. The first megabyte decides; all is converted."""
    sample = raw[:1_000_000]
    guess = legacy_encoding(sample)
    if guess is None:
        return None  # bytes that do not look legacy are never converted
    for encoding in (guess, *(e for e in (TCVN3, VNI) if e != guess)):
        if syllable_share(decode(sample, encoding)) >= ACCEPT:
            return decode(raw, encoding), encoding
    return None


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """(Unicode text, encoding) when `text` is TCVN3 or VNI text that was read as windows-1252 (or Latin-1)
    and saved as Unicode (`T¨ng tr­ëng`, `Taêng tröôûng`), else None. Text with a letter windows-1252 has no
    byte for (ă ơ ư đ ạ …, which Unicode Vietnamese is full of) is never touched."""
    if text.isascii():
        return None
    raw = None
    for codec in ("cp1252", "latin-1"):  # Latin-1 for the C1 bytes windows-1252 leaves undefined
        try:
            raw = text.encode(codec)
            break
        except UnicodeEncodeError:
            continue
    if raw is None:
        return None
    converted = convert(raw)
    if converted is None or syllable_share(converted[0][:200_000]) <= syllable_share(text[:200_000]):
        return None  # it read as well before: left as it is
    return converted
