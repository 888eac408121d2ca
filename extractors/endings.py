"""Patterns anchored at the end of a text (`… so với\\s*$`), tried only where the text ends as each of their
matches must.

A search for such a pattern tries every place of the text before it finds the end, and many rules ask one about
the text before each figure. Each match of these ends with one of a few words and then blanks only (`\\s*$` or
`\\s+$`: the blanks `str.rstrip` strips, a final newline among them), so where the text without its trailing
blanks ends with none of those words, the pattern cannot match: `EndsWith.search` says None without running it.
A pattern that ignores case is checked on the lower-cased end of the text (as many characters as its longest word),
and always run where that end holds a character that matches one of the words' letters ignoring case but does not
lower-case to it (`ı`, `İ`, `ſ`: `case_odd`).
tests/test_fast_paths_gates.py compares each gated pattern with the pattern alone.
"""
from __future__ import annotations

import re

GATES = True   # tests/test_fast_paths_gates.py turns it off to compare with the plain reading


def case_odd(words) -> OddLetters:
    """The characters that match a letter of `words` ignoring case but whose `lower()` is not that letter's (`ı` and
    `İ` for `i`, `ſ` for `s`): where a text holds none, the words are in it ignoring case exactly where they are in
    its lower-cased text. (No character beyond the first 65,536 matches a letter ignoring case there, as
    `cues.first_letters` says.)"""
    letters = {c for w in words for c in w if c.lower() != c.upper()}
    if not letters:
        return OddLetters("")
    lower = {c.lower() for c in letters}
    matching = re.compile("[" + "".join(sorted(re.escape(c) for c in letters)) + "]", re.IGNORECASE)
    return OddLetters("".join(c for c in matching.findall("".join(map(chr, range(0x10000)))) if c.lower() not in lower))


class OddLetters:
    """The characters `case_odd` names. `search(text)` is True where the text holds one of them, else None (what a
    pattern of them would say, with a match for True): each is looked for with `in`, some five times cheaper than a
    pattern's scan of the text."""

    __slots__ = ("chars",)

    def __init__(self, chars: str):
        self.chars = chars

    def search(self, text: str) -> bool | None:
        for c in self.chars:
            if c in text:
                return True
        return None


class EndsWith:
    """A compiled pattern each of whose matches is one of `words`, then blanks, at the end of the text (before
    the search's `endpos` when one is given). `search` gives what the pattern's `search` gives; anything else is
    the pattern's."""

    __slots__ = ("pattern", "words", "_odd", "_longest")

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...]):
        self.pattern = pattern
        self._odd = case_odd(words) if pattern.flags & re.IGNORECASE else None
        self.words = tuple(w.lower() for w in words) if self._odd is not None else tuple(words)
        self._longest = max(len(w) for w in (*words, *self.words))

    def may(self, string: str) -> bool:
        """Whether the pattern may match `string` (False: it cannot)."""
        if not GATES:
            return True
        end = string.rstrip()
        if self._odd is None:
            return end.endswith(self.words)
        # ignoring case, a match's word is as many characters of the text as it has letters: only the text's last
        # `_longest` characters are read (lower-cased, and for the odd letters), not the whole text before a figure
        tail = end[-self._longest:]
        return tail.lower().endswith(self.words) or self._odd.search(tail) is not None

    def search(self, string: str):
        return self.pattern.search(string) if self.may(string) else None

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.pattern.sub(repl, string, count) if self.may(string) else string

    def __getattr__(self, name):
        return getattr(self.pattern, name)
