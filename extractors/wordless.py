"""Text without a letter, where the rules that look for words can find none.

Hostile, figure-dense input (`1% 1% 1% …`, `1/2%1/2%…`: 25,000-34,000 figures in 100 KB, issue 18) is read figure
by figure, and every rule of a figure's attribution would try its patterns there. Most of them look for words (a
cue, a period, a body, a place, a base of comparison, an indicator of the lexicon), so a rule first asks whether
the text it reads holds a letter at all and, where it holds none, gives at once what its patterns would give:
nothing. tests/test_fast_paths.py turns `SHORTCUTS` off to compare each such reading with the plain one.
"""
from __future__ import annotations

import re

LETTER = re.compile(r"[^\W\d]")   # a letter (or `_`): what every word of a rule is made of
SHORTCUTS = True


def wordless(text: str) -> bool:
    """Whether `text` holds no letter (and the shortcuts are on)."""
    if text.isascii():   # (an ASCII letter is the one ASCII character whose case changes)
        return SHORTCUTS and "_" not in text and text.lower() == text.upper()
    return SHORTCUTS and LETTER.search(text) is None
