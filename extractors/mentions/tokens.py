"""The mention finder's tokens: runs of digits (with their `.`/`,` marks and a `k`/`M`/`G` suffix),
runs of letters, and single symbols, each with its offsets in the text (`Tokens`, one column per field)."""
from __future__ import annotations

import re
from array import array
from typing import NamedTuple

import numpy as np

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:[kKMG](?![^\W\d_]))?|[.,]\d+(?:[kKMG](?![^\W\d_]))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
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
    columns (the texts shared between tokens that repeat them), about 7 MiB.

    Read off the same character classes: `run_start`, `run_end`, the offsets of each run of digits (`\\d+`), for
    the digit windows of the skip patterns; `grouped`, the starts of the runs that no letter, digit or `_` stands
    before and a `.` or `,` and a digit follow (where `reader._GROUPED_NUMBER_AT` matches), for `number_style`."""
    __slots__ = ("kind", "text", "low", "start", "end", "run_start", "run_end", "grouped")

    def __init__(self, longest: int = 0):
        self.kind: list[str] = []
        self.text: list[str] = []
        self.low: list[str] = []
        offset = "i" if longest < 2 ** 31 else "q"   # 4 bytes an offset, unless the text is longer than that
        self.start = array(offset)
        self.end = array(offset)
        self.run_start = array(offset)
        self.run_end = array(offset)
        self.grouped = array(offset)

    def __len__(self) -> int:
        return len(self.kind)

    def __iter__(self):
        return map(Tok, self.kind, self.text, self.start, self.end, self.low)


def tokenize(text: str) -> Tokens:
    """The tokens of `text`: those of `TOKEN_RE.finditer(text)`, read a piece at a time by `_read_piece`. A word
    met again shares the first one's text and lower-cased text (its kind follows from the text: a `num` starts
    with a digit or a `.`/`,` and one, a `word` with a letter, `kind_of`)."""
    global _SHARED
    if len(_SHARED[0]) > CACHE_LIMIT:
        _SHARED = _new_shared()   # (replaced, never emptied: a text read in another thread keeps the one it began with)
    shared = _SHARED
    out = Tokens(len(text))
    pos = 0
    end = len(text.rstrip())   # (white space that no token follows is read no further)
    while pos < end:
        # a piece that ends with a token and white space after it (pieces keep the arrays small)
        cut = _PIECE_END.search(text, pos + _PIECE, end) if end - pos > _PIECE else None
        cut = cut.start() + 1 if cut else end
        _read_piece(out, text[pos:cut], pos, shared)
        pos = cut
    return out


def _read_piece(out: Tokens, piece: str, pos: int, shared: tuple[Table, dict]) -> None:
    """The tokens of `piece` (at offset `pos` of the text) added to `out`: where each starts and ends is worked
    out with numpy from the class of each character, then one Python string a token is cut out."""
    cls, codes = _classes(piece)
    n = len(cls)
    space, digit, mark = cls == _SPACE, cls == _DIGIT, cls == _MARK
    letter = (cls == _LETTER) | (cls == _SUFFIX)

    def before(a):   # a[p - 1] at p (False at the start)
        b = np.zeros(n, bool)
        b[1:] = a[:-1]
        return b

    def after(a):    # a[p + 1] at p (False at the end)
        b = np.zeros(n, bool)
        b[:-1] = a[1:]
        return b

    digit_before, digit_after, letter_before = before(digit), after(digit), before(letter)
    # a `k`/`K`/`M`/`G` right after digits and before no letter ends their number (`5k`); in `5km` it starts a word
    suffix = (cls == _SUFFIX) & digit_before & ~after(letter)
    word_start = letter & ~suffix & ~letter_before
    # runs of digits joined by single marks (`1.234,5`): a chain. Read from its first digit it is one number; a
    # mark before its first run (`.5`, not after a digit) starts a number of one mark and one run (`[.,]\d+`
    # reads no mark after), and so does each mark inside that chain (`.5.3` is `.5` and `.3`)
    joiner = mark & digit_before & digit_after
    chain_start = digit & ~digit_before & ~before(joiner)
    from_mark = chain_start & before(mark)
    chain = chain_start.cumsum()
    read_by_marks = np.zeros(int(chain[-1]) + 1, bool)
    read_by_marks[chain[from_mark]] = True
    num_start = (chain_start & ~from_mark) | (joiner & read_by_marks[chain]) | after(from_mark)
    # any other character but white space is a token of its own (a mark before no digit too)
    starts = word_start | num_start | (cls == _OTHER) | (mark & ~digit_after)
    st = np.flatnonzero(starts)
    # a token ends where the next starts or at white space: at the bound after its start (bounds hold every start)
    at = np.flatnonzero(starts | space)
    bounds = np.empty(len(at) + 1, at.dtype)
    bounds[:-1], bounds[-1] = at, n
    en = bounds[np.flatnonzero(starts[at]) + 1]
    texts, lows = shared
    words = list(map(texts.__getitem__, [piece[a:b] for a, b in zip(st.tolist(), en.tolist())]))
    out.text.extend(words)
    out.low.extend(map(lows.__getitem__, words))
    out.kind.extend(_KINDS[np.where(letter[st], 1, np.where(digit[st] | (mark[st] & digit_after[st]), 0, 2))].tolist())
    offset = np.dtype(f"i{out.start.itemsize}")
    out.start.frombytes((st + pos).astype(offset).tobytes())
    out.end.frombytes((en + pos).astype(offset).tobytes())
    # runs of digits (a piece starts with white space and ends before it: no run, mark or digit after it is cut)
    run_start = np.flatnonzero(digit & ~digit_before)
    run_end = np.flatnonzero(digit & ~digit_after) + 1
    out.run_start.frombytes((run_start + pos).astype(offset).tobytes())
    out.run_end.frombytes((run_end + pos).astype(offset).tobytes())
    word_char_before = letter_before | before(codes == _UNDERSCORE)   # (`\w`: a letter, a digit or `_`)
    followed = after(mark & digit_after)   # at p: a mark at p + 1, a digit at p + 2
    grouped = run_start[followed[run_end - 1] & ~word_char_before[run_start]]
    out.grouped.frombytes((grouped + pos).astype(offset).tobytes())


# the classes of characters `TOKEN_RE` reads: white space (`\s`), a digit (`\d`), a letter (`[^\W\d_]`), `.` or
# `,`, a letter that may end a number (`k`, `K`, `M`, `G`), anything else
_OTHER, _SPACE, _DIGIT, _LETTER, _MARK, _SUFFIX = range(6)
_BMP: np.ndarray | None = None          # the class of each character below U+10000, made at first use
_ASTRAL: dict[int, int] = {}            # and of those above it met so far
# (the finder's caches of what it decides once per distinct text hold at most CACHE_LIMIT texts each)
CACHE_LIMIT = 100_000
_KINDS = np.array(["num", "word", "sym"], dtype=object)
_UNDERSCORE = ord("_")


class Table(dict):
    """What `decide(text)` says of each token text met so far: `table[text]` decides a text met for the first time
    and keeps it (`__missing__`), so `map(table.__getitem__, toks.text)` is one lookup a token in C, and a Python
    step only for the new texts (`decide` never says None)."""
    __slots__ = ("decide",)

    def __init__(self, decide):
        super().__init__()
        self.decide = decide

    def __missing__(self, text: str):
        got = self[text] = self.decide(text)
        return got


def _new_shared() -> tuple[Table, dict[str, str]]:
    """A token's text (the first string met with it, by text) and its lower-cased text, kept from text to text."""
    lows: dict[str, str] = {}

    def share(w: str) -> str:   # a text met for the first time: its lower-cased text first, then itself
        low = w.lower()
        lows[w] = w if low == w else low
        return w   # (kept in the texts after: a text another thread finds there is in `lows` too)

    return Table(share), lows


_SHARED = _new_shared()


def kind_of(w: str) -> str:
    """The kind of a token whose text is `w` (`num`, `word` or `sym`)."""
    c = _class_of(w[0])
    return "word" if c in (_LETTER, _SUFFIX) else "num" if c == _DIGIT or (c == _MARK and len(w) > 1) else "sym"


def _class_of(c: str) -> int:
    """The class of one character (`_classes` reads them from a table)."""
    if _IS_SPACE(c):
        return _SPACE
    if _IS_DIGIT(c):
        return _DIGIT
    if _IS_LETTER(c):
        return _SUFFIX if c in "kKMG" else _LETTER
    return _MARK if c in ".," else _OTHER


# (compiled once: `kind_of` asks for the class of the first character of every token text met for the first time)
_IS_SPACE, _IS_DIGIT, _IS_LETTER = (re.compile(p).match for p in (r"\s", r"\d", r"[^\W\d_]"))


def _classes(piece: str) -> tuple[np.ndarray, np.ndarray]:
    """The class of each character of `piece` (numpy, one byte each), and its code point."""
    global _BMP
    if _BMP is None:
        every = "".join(map(chr, range(0x10000)))
        table = np.zeros(0x10000, np.uint8)
        for cls, pattern in ((_SPACE, r"\s+"), (_DIGIT, r"\d+"), (_LETTER, r"[^\W\d_]+")):
            for m in re.finditer(pattern, every):
                table[m.start():m.end()] = cls
        table[[ord(c) for c in ".,"]] = _MARK
        table[[ord(c) for c in "kKMG"]] = _SUFFIX
        _BMP = table
    codes = np.frombuffer(piece.encode("utf-32-le", "surrogatepass"), np.uint32)
    if piece.isascii() or int(codes.max()) < 0x10000:
        return _BMP[codes], codes
    astral = codes >= 0x10000
    cls = _BMP[np.where(astral, 0, codes)]
    for k in np.flatnonzero(astral).tolist():
        c = int(codes[k])
        got = _ASTRAL.get(c)
        if got is None:
            got = _ASTRAL[c] = _class_of(chr(c))
        cls[k] = got
    return cls, codes


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
