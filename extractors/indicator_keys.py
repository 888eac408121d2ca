"""The indicators of the lexicon (extractors/lexicon/indicators.tsv) and the canonical keys that group an
indicator's spellings: `INDICATORS` (phrases found in a sentence), `KEY_ALIASES` (phrases that only group),
`INDICATOR_NAMES` (each key's short Vietnamese name), `known_indicator` (a lexicon phrase in the text that
leads to a figure) and `indicator_key` (the key of any indicator phrase).
"""
from __future__ import annotations

import re
from itertools import compress

from extractors import lexicon
from extractors.cues import word_tree
from extractors.normalize import fold
from extractors.wordless import LETTER, wordless

# Indicators that recur in provincial reports (extractors/lexicon/indicators.tsv): (phrase, key), the key
# grouping spellings of the same indicator; `INDICATOR_NAMES` gives each key its short Vietnamese name.
INDICATORS = [(r["phrase"], r["key"]) for r in lexicon.rows("indicators") if r["use"] == "find"]
INDICATOR_NAMES = lexicon.mapping("indicators", "key", "name_vi")
_INDICATOR_KEYS = {fold(p): k for p, k in INDICATORS}
_INDICATOR_PHRASES = sorted(_INDICATOR_KEYS, key=len, reverse=True)
_PHRASE_PATTERNS = [(p, re.compile(re.escape(p))) for p in _INDICATOR_PHRASES]
# every phrase holds a letter: a text without one (`1% 1% 1% …`) holds none of them
_IN_WORDS = all(LETTER.search(p) for p in _INDICATOR_PHRASES)
# one scan that finds whether any phrase is written: the phrases that hold no other one as a tree of their letters
# (every phrase holds one of them), so that the clauses that hold none (most) are not searched for all 78
_ANY_PHRASE = re.compile(word_tree([p for p in _INDICATOR_PHRASES
                                    if not any(q != p and q in p for q in _INDICATOR_PHRASES)]))
_SPACES = re.compile(r"\s*")


def _last_part(before: str) -> int:
    r"""Where the last part of a clause starts: `len(before) - len(re.split(r"[,;:]\s*", before)[-1])`, past the last
    mark and the spaces after it."""
    mark = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
    return _SPACES.match(before, mark + 1).end() if mark >= 0 else 0


ANY_GATE = True   # tests/test_fast_paths_whole.py turns it off to compare with the plain reading


def known_indicator(before: str, whole: bool = False) -> str | None:
    """A lexicon indicator in the part of the clause that leads to the figure, nearest first
    (anywhere in the clause when `whole`)."""
    if _IN_WORDS and before.isascii() and wordless(before):
        return None   # (`fold` only lowers an ASCII text)
    fb = fold(before)
    if ANY_GATE and _ANY_PHRASE.search(fb) is None:
        return None
    last_part = _last_part(before)
    window = 0 if whole else max(last_part, len(before) - 80)
    best = None
    # (the phrases written in the clause, picked by one pass in C: most clauses hold none or one of them)
    for phrase, pattern in compress(_PHRASE_PATTERNS, map(fb.__contains__, _INDICATOR_PHRASES)):
        for mm in pattern.finditer(fb):
            k = mm.start()
            if not whole and k < window and k + len(phrase) < last_part:
                continue
            inside = best is not None and best[0] <= k and k + len(phrase) <= best[0] + len(best[1])
            if best is None or (k > best[0] + 2 and not inside):
                best = (k, phrase)
    if best is None:
        return None
    k, phrase = best
    return before[k:k + len(phrase)]


# Phrases that name a lexicon indicator only for grouping, not for finding one in a sentence:
# `kết nạp 1.870 quần chúng ưu tú` is the indicator `kết nạp`, grouped with `kết nạp đảng viên`.
KEY_ALIASES = [(r["phrase"], r["key"]) for r in lexicon.rows("indicators") if r["use"] == "group"]
_KEY_PHRASES = sorted([(fold(p), k) for p, k in INDICATORS] + [(fold(p), k) for p, k in KEY_ALIASES],
                      key=lambda pk: len(pk[0]), reverse=True)


def indicator_key(indicator: str | None) -> str | None:
    """The canonical key of an indicator phrase, so spellings group together."""
    if not indicator:
        return None
    f = fold(indicator)
    for phrase, key in _KEY_PHRASES:
        if phrase in f:
            return key
    return re.sub(r"[^a-z0-9]+", "_", f).strip("_")[:60] or None
