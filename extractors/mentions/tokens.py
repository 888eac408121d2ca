"""The mention finder's tokens: runs of digits (with their `.`/`,` marks and a `k`/`M`/`G` suffix),
runs of letters, and single symbols, each with its offsets in the text."""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:[kKMG](?![^\W\d_]))?|[.,]\d+(?:[kKMG](?![^\W\d_]))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
_SPACED_TOKEN_RE = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern.replace("(?P<num>", "(").replace("(?P<word>", "(")
                              .replace("(?P<sym>", "(") + ")")
DASHES = {"-", "–", "—", "‑", "‐", "−"}


class Tok:
    """A token: kind `num` | `word` | `sym`, its text, lower-cased text and offsets."""
    __slots__ = ("kind", "text", "start", "end", "low")

    def __init__(self, kind: str, text: str, start: int, end: int, low: str | None = None):
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.low = text.lower() if low is None else low

    def __repr__(self) -> str:
        return f"Tok({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Tok) and (self.kind, self.text, self.start, self.end) == \
            (other.kind, other.text, other.start, other.end)


def tokenize(text: str) -> list[Tok]:
    """The tokens of `text`. A word met again shares the first one's text and lower-cased text (a text
    repeats a few thousand words: this cuts the memory of a document's tokens by a third)."""
    same: dict[str, tuple[str, str]] = {}
    out = []
    add = out.append
    new = object.__new__   # a token's slots set here: no call of __init__ for each of them
    pos = 0
    end = len(text.rstrip())   # in white space that no token follows, every position would read all of it
    while pos < end:
        # a `findall` (no match objects) over a piece of the text that ends with a token: the white space
        # before each token, then the token in its kind's group (pieces keep the list of matches small)
        cut = _PIECE_END.search(text, pos + _PIECE, end) if end - pos > _PIECE else None
        cut = cut.start() + 1 if cut else end
        for space, num, word, sym in _SPACED_TOKEN_RE.findall(text, pos, cut):
            pos += len(space)
            w, kind = (num, "num") if num else (word, "word") if word else (sym, "sym")
            shared = same.get(w)
            if shared is None:
                low = w.lower()
                shared = same[w] = (w, w if low == w else low)
            tok = new(Tok)
            tok.kind, (tok.text, tok.low), tok.start = kind, shared, pos
            pos += len(w)
            tok.end = pos
            add(tok)
    return out


_PIECE = 1 << 15
_PIECE_END = re.compile(r"\S\s")   # a token's last character, white space after it
