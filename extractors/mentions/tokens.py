"""The mention finder's tokens: runs of digits (with their `.`/`,` marks and a `k`/`M`/`G` suffix),
runs of letters, and single symbols, each with its offsets in the text."""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:[kKMG](?![^\W\d_]))?|[.,]\d+(?:[kKMG](?![^\W\d_]))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
DASHES = {"-", "–", "—", "‑", "‐", "−"}


class Tok:
    """A token: kind `num` | `word` | `sym`, its text, lower-cased text and offsets."""
    __slots__ = ("kind", "text", "start", "end", "low")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Tok) and (self.kind, self.text, self.start, self.end) == \
            (other.kind, other.text, other.start, other.end)


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.lastgroup, m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]

