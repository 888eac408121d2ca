"""The mention finder's tokens: runs of digits (with their `.`/`,` marks and a `k`/`M`/`G` suffix),
runs of letters, and single symbols, each with its offsets in the text (`Tokens`, one column per field)."""
from __future__ import annotations

import re
from array import array
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:[kKMG](?![^\W\d_]))?|[.,]\d+(?:[kKMG](?![^\W\d_]))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
_SPACED_TOKEN_RE = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern.replace("(?P<num>", "(").replace("(?P<word>", "(")
                              .replace("(?P<sym>", "(") + ")")
DASHES = {"-", "–", "—", "‑", "‐", "−"}


class Tok(NamedTuple):
    """One token, as `iter(Tokens)` gives it (the finder reads the columns)."""
    kind: str
    text: str
    start: int
    end: int
    low: str


class Tokens:
    """A text's tokens as parallel columns: token i is `kind[i]` (`num` | `word` | `sym`), `text[i]`, its
    lower-cased `low[i]` and its offsets `start[i]`, `end[i]` (arrays of machine integers); the finder counts
    them as `len(toks.kind)` (`len(toks)` calls Python code, and it asks at every step). A document of
    1 MB has about 200,000 tokens: as one Python object each, with their offsets, they took 27 MiB; as
    columns (the texts shared between tokens that repeat them), about 7 MiB."""
    __slots__ = ("kind", "text", "low", "start", "end", "vocab")

    def __init__(self, longest: int = 0):
        self.kind: list[str] = []
        self.text: list[str] = []
        self.low: list[str] = []
        offset = "i" if longest < 2 ** 31 else "q"   # 4 bytes an offset, unless the text is longer than that
        self.start = array(offset)
        self.end = array(offset)
        self.vocab: dict[str, tuple[str, str, str]] = {}   # a token's text: (that text, lower-cased, kind)

    def __len__(self) -> int:
        return len(self.kind)

    def __iter__(self):
        return map(Tok, self.kind, self.text, self.start, self.end, self.low)


def tokenize(text: str) -> Tokens:
    """The tokens of `text`. A word met again shares the first one's text, lower-cased text and kind (the
    kind follows from the text: a `num` starts with a digit or a `.`/`,` and one, a `word` with a letter):
    `vocab` holds them by text."""
    out = Tokens(len(text))
    same = out.vocab
    add_kind, add_text, add_low = out.kind.append, out.text.append, out.low.append
    add_start, add_end = out.start.append, out.end.append
    pos = 0
    end = len(text.rstrip())   # in white space that no token follows, every position would read all of it
    while pos < end:
        # a `findall` (no match objects) over a piece of the text that ends with a token: the white space
        # before each token, then the token in its kind's group (pieces keep the list of matches small)
        cut = _PIECE_END.search(text, pos + _PIECE, end) if end - pos > _PIECE else None
        cut = cut.start() + 1 if cut else end
        for space, num, word, sym in _SPACED_TOKEN_RE.findall(text, pos, cut):
            w = num or word or sym
            shared = same.get(w)
            if shared is None:
                low = w.lower()
                shared = same[w] = (w, w if low == w else low, "num" if num else "word" if word else "sym")
            w, low, kind = shared
            add_kind(kind)
            add_text(w)
            add_low(low)
            pos += len(space)
            add_start(pos)
            pos += len(w)
            add_end(pos)
    return out


def last_words(phrases) -> frozenset:
    """The last token (lower-cased) of each of `phrases`, for `ends_none`."""
    return frozenset(m.group().lower() for m in (list(TOKEN_RE.finditer(p))[-1:] for p in phrases) for m in m)


def ends_none(toks, i: int, last: frozenset) -> bool:
    """Whether no phrase ending with token i-1 can be one whose last tokens are `last`: the token, lower-cased,
    is none of them, and it lowers inside a phrase as it does alone (the one letter lowered by what stands
    around it is `Σ`; a letter that lowers to two shifts what follows)."""
    low, w = toks.low[i - 1], toks.text[i - 1]
    return low not in last and len(low) == len(w) and "Σ" not in w


_PIECE = 1 << 15
_PIECE_END = re.compile(r"\S\s")   # a token's last character, white space after it
