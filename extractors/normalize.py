"""Unicode normalization and diacritic folding for Vietnamese text."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (hoà, thuý, Thanh Hoá) to the new style (hòa, thúy, Thanh Hóa).
# An upper-case Vietnamese letter. (A range such as `[A-ZĐÀ-Ỹ]` is no such class: between À and Ỹ lie the lower-case
# letters too, `à`, `đ`, `ơ`, `ạ` …, so `huyện\s+[A-ZĐÀ-Ỹ]` matched `huyện đã`.)
UPPER = "[A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]"

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# the pairs as written, in capitals and capitalised: one class of second letters for each first letter (the same two
# letters as the alternation of every pair and form, tried once for a first letter instead of once for each pair)
_SECONDS = {f: "".join(sorted(k[1] for k in _OLD_TONES if k[0] == f)) for f in sorted({k[0] for k in _OLD_TONES})}
_OLD_TONE_RE = re.compile("|".join(f"{f}[{s}]|{f.upper()}[{s}{s.upper()}]" for f, s in _SECONDS.items()))


# Icelandic eth (`Ð`, `ð`) typed for the Vietnamese `Đ`, `đ` it looks like (`Ðắk Nông`, `Ðảng bộ`): Vietnamese has no
# eth, so the letter meant is the one it stands for (the same length: offsets into the text are kept)
_ETH = {0xD0: 0x110, 0xF0: 0x111}


def nfc(text: str) -> str:
    """NFC-normalize, so decomposed and composed diacritics compare equal, with an eth read as the `Đ` it stands
    for."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_ETH) if "Ð" in text or "ð" in text else text


def new_style_tones(text: str, spans: list[tuple[int, int]] | None = None) -> str:
    """Move tone marks to the new-style position: `Thanh Hoá` -> `Thanh Hóa`, `Uỷ ban` -> `Ủy ban`.

    Only at the end of a syllable (`hoà` but not `hoàng`), where the two spellings differ. `spans`: the text's
    `old_tone_spans`, when the caller has them already (the text is then not scanned again).
    """
    def repl(s: str) -> str:
        out = _OLD_TONES.get(s.lower(), s)
        if s[0].isupper():
            out = out[0].upper() + out[1:]
        if s.isupper():
            out = out.upper()
        return out

    result = []
    pos = 0
    for start, end in (spans if spans is not None else map(re.Match.span, _OLD_TONE_RE.finditer(text))):
        if end < len(text) and text[end].isalpha():
            continue  # inside a longer syllable: `hoàng`, `quyết`
        if start > 0 and text[start - 1].lower() == "q" and text[start].lower() == "u":
            # `quý`, `quỹ`: the u belongs to `qu`, the tone stays on y.
            continue
        result.append(text[pos:start])
        result.append(repl(text[start:end]))
        pos = end
    result.append(text[pos:])
    return "".join(result)


def may_have_old_tones(text: str) -> bool:
    """Whether `new_style_tones` could change `text` or any stretch of it: none of the pairs it rewrites is
    written there, else no stretch holds one either."""
    return _OLD_TONE_RE.search(text) is not None


def old_tone_spans(text: str) -> list[tuple[int, int]]:
    """Where the pairs `new_style_tones` may rewrite are written in `text` (two letters each, never overlapping): a
    stretch of `text` holds exactly those that lie wholly inside it."""
    return [m.span() for m in _OLD_TONE_RE.finditer(text)]


def _strip(c: str) -> str:
    c = c.replace("đ", "d").replace("Đ", "D")
    return "".join(x for x in unicodedata.normalize("NFD", c) if unicodedata.category(x) != "Mn")


# Every precomposed Latin letter with diacritics (Vietnamese and others) to its bare letter.
_FOLD_TABLE = {cp: _strip(chr(cp)) for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
               if _strip(chr(cp)) != chr(cp)}


def fold(text: str) -> str:
    """Lower-case and strip every diacritic, `đ` included: `Hộ nghèo` -> `ho ngheo`."""
    out = text.translate(_FOLD_TABLE)
    if not out.isascii():  # combining marks left (NFD input): the slow, complete path
        out = _strip(unicodedata.normalize("NFC", out))
    return out.lower()
