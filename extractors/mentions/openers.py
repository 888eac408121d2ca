"""Where a pattern that opens with a word may match, read off the finder's tokens instead of searched for.

Most skip patterns open with `\\b` and a word (`\\b(?:tháng|Tháng|THÁNG)\\s+\\d…`). Every match of such a
pattern starts where a word token starts (a letter after a character that is no letter, digit or `_`: the
tokenizer starts a token there), and that token's text starts with one of the words the pattern opens with.
`opening_words(pattern)` reads those words off the pattern's syntax tree; `word_starts` gives, for each
pattern, the offsets of the tokens that may open it, and `matches_at` tries the pattern there only: the
matches `pattern.finditer` gives over the same windows, found without the regular-expression engine
looking for the words at every position of the text (`tests/test_finder_fast_paths.py` compares them).
"""
from __future__ import annotations

import re
from functools import partial
from itertools import compress

from extractors.mentions import tokens

try:                                   # the parser of `re` (Python 3.11+; `sre_parse` before)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:                    # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parse

_LETTER = re.compile(r"[^\W\d_]").fullmatch   # what the tokenizer puts in a word
_MAX_WORDS = 512


def opening_words(pat: re.Pattern) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """How every match of `pat` opens: at a `\\b`, with a word token whose text is one of the first set
    (`tháng`: the pattern reads no letter after it) or starts with one of the second (`Covid`: letters may
    follow); None when the pattern is not of that form (it may open with a digit, a sign or a class of
    letters, or has no `\\b` before its first letter), or ignores case."""
    if pat.flags & re.IGNORECASE:
        return None
    try:
        tree = list(_sre_parse.parse(pat.pattern, pat.flags))
    except Exception:   # pragma: no cover  (a pattern the installed parser reads otherwise)
        return None
    heads = _heads(tree, "", False)
    if not heads or len(heads) > _MAX_WORDS:
        return None
    return (frozenset(w for w, whole in heads if whole),
            tuple(sorted(w for w, whole in heads if not whole)))


def _heads(seq: list, prefix: str, bounded: bool) -> set[tuple[str, bool]] | None:
    """The letter strings a match of `seq` opens with, each after `prefix`, and whether the pattern reads no
    letter after them (a word token is then that string, not only starts with it); None when a way through
    `seq` opens otherwise than with a letter after a `\\b` (a string cut short is still a correct opening)."""
    for n, (op, av) in enumerate(seq):
        if op is _sre.AT:
            bounded = bounded or av is _sre.AT_BOUNDARY
            if prefix and av is _sre.AT_BOUNDARY:
                break                                   # `\\b` after letters: no letter follows
            continue
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue                                    # look-arounds consume nothing
        if op is _sre.LITERAL and _LETTER(chr(av)):
            if not (bounded or prefix):
                return None
            prefix += chr(av)
            continue
        if op is _sre.IN and av and all(o is _sre.LITERAL and _LETTER(chr(c)) for o, c in av):
            if not (bounded or prefix):
                return None
            out: set = set()
            for _, c in av:                             # `[Tt]hứ`: each letter opens a way
                got = _heads(seq[n + 1:], prefix + chr(c), bounded)
                if got is None:
                    return None
                out |= got
            return out
        if op is _sre.BRANCH:
            out = set()
            for alt in av[1]:
                got = _heads(list(alt) + seq[n + 1:], prefix, bounded)
                if got is None or len(out | got) > _MAX_WORDS:
                    return None
                out |= got
            return out
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:   # a group, no flags of its own
            return _heads(list(av[3]) + seq[n + 1:], prefix, bounded)
        break   # anything else (a repeat, a class, a digit, a sign): the opening letters end here
    else:
        n = len(seq)
    return {(prefix, _no_letter_first(seq[n:]))} if prefix else None


def _no_letter_first(seq: list) -> bool:
    """Whether every match of `seq` reads a first character and it is no letter (or `seq` opens with a `\\b`,
    read right after a letter: what follows is no letter); False when unsure."""
    if not seq:
        return False
    (op, av), rest = seq[0], list(seq[1:])
    if op is _sre.AT:
        return av is _sre.AT_BOUNDARY or _no_letter_first(rest)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return _no_letter_first(rest)
    if op is _sre.LITERAL:
        return not _LETTER(chr(av))
    if op is _sre.IN:
        return all(o is _sre.LITERAL and not _LETTER(chr(c)) or
                   o is _sre.CATEGORY and c in (_sre.CATEGORY_SPACE, _sre.CATEGORY_DIGIT) for o, c in av)
    if op is _sre.BRANCH:
        return all(_no_letter_first(list(alt) + rest) for alt in av[1])
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _no_letter_first(list(av[3]) + rest)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        lo, _, body = av
        return _no_letter_first(list(body) + rest) and (lo > 0 or _no_letter_first(rest))
    return False


def holds_digit(pat: re.Pattern) -> bool:
    """Whether every match of `pat` reads a digit (`\\d`, or a literal digit or class of them, outside look-arounds);
    False when unsure."""
    try:
        return _reads_digit(list(_sre_parse.parse(pat.pattern, pat.flags)))
    except Exception:   # pragma: no cover  (a pattern the installed parser reads otherwise)
        return False


def _reads_digit(seq) -> bool:
    """Whether every way through `seq` reads a digit."""
    for op, av in seq:
        if op is _sre.LITERAL and chr(av).isdigit() and chr(av).isascii():
            return True
        if op is _sre.IN and av and all(o is _sre.CATEGORY and c is _sre.CATEGORY_DIGIT
                                        or o is _sre.LITERAL and chr(c).isdigit() and chr(c).isascii()
                                        or o is _sre.RANGE and chr(c[0]).isdigit() and chr(c[1]).isdigit()
                                        and c[0] >= ord("0") and c[1] <= ord("9") for o, c in av):
            return True
        if op is _sre.BRANCH and all(_reads_digit(list(alt)) for alt in av[1]):
            return True
        if op is _sre.SUBPATTERN and _reads_digit(list(av[3])):
            return True
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1 and _reads_digit(list(av[2])):
            return True
        if op is _sre.ATOMIC_GROUP and _reads_digit(list(av)):
            return True
    return False


class Openers:
    """The patterns a word token's text may open (by `opening_words`), decided once per distinct text and
    kept for the texts that open some. Given `also` (a test of a token's text), the tokens it holds for are listed
    too, in the same pass over the tokens (the finder's: those that may start a number)."""

    def __init__(self, openings: list, also=None):
        self.openings = openings
        self.also = also
        # the first letters of every word that opens some pattern (a text that starts otherwise, a number, opens none)
        self._firsts = frozenset(w[0] for o in openings if o is not None for w in (*o[0], *o[1]))
        # the patterns each text met so far opens (most: none), and `len(openings)` where `also` holds; decided by a
        # function that holds no `self` (the table would make a reference cycle with it, and the finder runs with the
        # collector paused)
        self._opened_by = partial(_opened_by, tuple(openings), self._firsts, also)
        self._opened = tokens.Table(self._opened_by)

    def word_starts(self, toks) -> list[list[int]]:
        """For each pattern, the offsets (in order) of the word tokens of `toks` that may open it; given `also`, then
        the indices (in order) of the tokens whose text it holds for."""
        if len(self._opened) > tokens.CACHE_LIMIT:
            self._opened = tokens.Table(self._opened_by)   # (replaced, never emptied: another thread keeps its own)
        opened = list(map(self._opened.__getitem__, toks.text))
        out: list[list[int]] = [[] for _ in range(len(self.openings) + (self.also is not None))]
        for i in compress(range(len(opened)), opened):
            for k in opened[i]:
                out[k].append(i)
        at = toks.start.__getitem__
        for k in range(len(self.openings)):   # (token indices to offsets, a pattern at a time)
            if out[k]:
                out[k] = list(map(at, out[k]))
        return out


def _opened_by(openings: tuple, firsts: frozenset, also, w: str) -> tuple[int, ...]:
    """The patterns (by index of `openings`) a word token whose text is `w` may open, and `len(openings)` last where
    `also(w)` holds."""
    got = () if w[0] not in firsts else \
        tuple(k for k, o in enumerate(openings) if o is not None and (w in o[0] or w.startswith(o[1])))
    return got + (len(openings),) if also is not None and also(w) else got


def matches_at(pat: re.Pattern, starts: list[int], text: str, windows: list[tuple[int, int]]):
    """`pat.finditer(text, ws, we)` over each window in turn, for a pattern that can match only at the
    offsets `starts` (in order): the pattern is tried there only."""
    match = pat.match
    nw = len(windows)
    if not nw:
        return
    w = 0
    ws, we = windows[0]
    p = 0
    for c in starts:
        if c < p:
            continue
        if c >= we:   # the next window that ends after c
            w += 1
            while w < nw and windows[w][1] <= c:
                w += 1
            if w == nw:
                return
            ws, we = windows[w]
        if c < ws:
            continue
        m = match(text, c, we)
        if m is not None:
            yield m
            p = max(m.end(), c + 1)
