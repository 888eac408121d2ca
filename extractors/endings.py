"""Patterns anchored at the end of a text (`… so với\\s*$`), tried only where the text ends as each of their
matches must.

A search for such a pattern tries every place of the text before it finds the end, and many rules ask one about
the text before each figure. Each match of these ends with one of a few words and then blanks only (`\\s*$` or
`\\s+$`: the blanks `str.rstrip` strips, a final newline among them), so where the text without its trailing
blanks ends with none of those words, the pattern cannot match: `EndsWith.search` says None without running it.
A pattern that ignores case is checked on the lower-cased text, and always run where the text holds a character
that matches a letter ignoring case but does not lower-case to it (`ı`, `ſ`, `İ`, the Kelvin sign).
tests/test_fast_paths_whole.py compares each gated pattern with the pattern alone.
"""
from __future__ import annotations

import re

GATES = True   # tests/test_fast_paths_whole.py turns it off to compare with the plain reading

# (the characters that match an ASCII letter ignoring case without lower-casing to it, or lower-case to two)
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


class EndsWith:
    """A compiled pattern each of whose matches is one of `words`, then blanks, at the end of the text (before
    the search's `endpos` when one is given). `search` gives what the pattern's `search` gives; anything else is
    the pattern's."""

    __slots__ = ("pattern", "words", "_ignore_case")

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...]):
        self.pattern, self._ignore_case = pattern, bool(pattern.flags & re.IGNORECASE)
        self.words = tuple(w.lower() for w in words) if self._ignore_case else tuple(words)

    def may(self, string: str) -> bool:
        """Whether the pattern may match `string` (False: it cannot)."""
        if not GATES:
            return True
        end = string.rstrip()
        if not self._ignore_case:
            return end.endswith(self.words)
        return end.lower().endswith(self.words) or _CASE_ODD.search(end) is not None

    def search(self, string: str):
        return self.pattern.search(string) if self.may(string) else None

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.pattern.sub(repl, string, count) if self.may(string) else string

    def __getattr__(self, name):
        return getattr(self.pattern, name)
