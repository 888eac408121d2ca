"""Target and result cues: the words that say a figure is a plan, or a result measured against one, as the
regular expressions the rules match.

The words are data (extractors/lexicon/status_words.tsv, one list per `role`, and lower_better.tsv); this module
only puts each list into the pattern of the rule that reads it, so a word is written once and the rules that
share a list cannot drift apart. Where two rules read slightly different lists today, the file keeps them as two
roles (its header says where).
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.endings import case_odd
from extractors.normalize import fold

try:                                   # the parser of `re` (Python 3.11+; `sre_parse` before), as `mentions.openers`
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:                    # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parse


def words(role: str) -> tuple[str, ...]:
    """The words of one role of status_words.tsv, in file order."""
    return lexicon.role_words("status_words", role)


def alt(role: str) -> str:
    """The words of one role as a regular-expression alternation, in file order (`kế hoạch|KH|…`)."""
    return lexicon.alternation("status_words", role)


def _same_ignoring_case(a: str, b: str) -> bool:
    """Whether some letter of the text (a case of either) matches both `a` and `b` ignoring case."""
    cases = {x for c in (a, b) for x in (c, c.lower(), c.upper(), c.casefold(), c.title()) if len(x) == 1}
    return any(re.fullmatch(re.escape(a), t, re.IGNORECASE) and re.fullmatch(re.escape(b), t, re.IGNORECASE)
               for t in cases)


def word_tree(words: list[str]) -> str:
    """The alternation of the plain `words` (`Hà Nội|Hà|…`), written as a tree of their letters
    (`H(?:à(?: Nội)?|…)`): the same matches, the longest word that fits first, but a position where no word
    starts is left at its first letter instead of after trying every word. The plain alternation where the
    words do not try a longer word before a shorter one it begins with (the tree would not keep their order)
    or where two letters of one branching could match the same letter of the text ignoring case."""
    plain = "|".join(re.escape(w) for w in words)
    folded = [w.casefold() for w in words]
    if any(folded[j].startswith(folded[i]) and len(words[j]) > len(words[i])
           for i in range(len(words)) for j in range(i + 1, len(words))):
        return plain
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str | None:
        letters = [ch for ch in node if ch]
        if any(_same_ignoring_case(a, b) for a in letters for b in letters if a < b):
            return None
        parts = []
        for ch in letters:
            rest = branch(node[ch])
            if rest is None:
                return None
            parts.append(re.escape(ch) + rest)
        if not parts:
            return ""
        alt = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{alt})?" if "" in node else alt

    tree_pattern = branch(tree)
    return plain if tree_pattern is None else tree_pattern


def first_letters(words) -> str:
    """A look ahead (`(?-i:(?=[bBcC…]))`) for the letters one of `words` can start with, ignoring case: every
    character that matches one of their first letters ignoring case (`ſ` for `s`, `K` for `k`), as written, so
    that it is checked without folding case. Put before a pattern's look behinds, it turns away at once the
    places where no word starts. (No character beyond the first 65,536 matches one of those ignoring case.)"""
    firsts = re.compile("[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "]", re.IGNORECASE)
    letters = firsts.findall("".join(map(chr, range(0x10000))))
    return "(?-i:(?=[" + "".join(re.escape(c) for c in letters) + "]))"


def led(pattern: re.Pattern) -> re.Pattern:
    """`pattern` behind a look ahead for the characters a match of it can start with (`(?=[sS…])`, as written: those
    that match one of them ignoring case where the pattern ignores case, `first_letters`), when they can be read off
    its syntax tree; else `pattern` itself. A pattern that opens with a look behind (`(?<!\\w)so\\s+…`) or ignores
    case is tried by the engine at every place of the text, each of its alternatives in turn; behind the look ahead,
    a place where none of its first characters stands is turned away at once. Every match of the pattern starts with
    one of them, so the matches are the same (tests/test_fast_paths_twelfth.py compares them)."""
    if pattern.flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        return pattern
    try:
        firsts, empty = _first_chars(list(_sre_parse.parse(pattern.pattern, pattern.flags)),
                                     bool(pattern.flags & re.IGNORECASE))
    except (_NoLead, re.error, RecursionError):
        return pattern
    if empty or not firsts:
        return pattern   # (a match may be empty, or start with any character)
    chars: set[str] = set()
    for c, ignoring_case in firsts:
        # (no character beyond the first 65,536 matches one below them ignoring case: `first_letters`)
        chars |= {c, *_same_letters(c)} if ignoring_case else {c}
    look = "(?-i:(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "]))"
    try:
        fast = re.compile(look + "(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:   # pragma: no cover  (a pattern that cannot be put in a group: global flags inside it)
        return pattern
    LED.append((pattern, fast))
    return fast


LED: list[tuple[re.Pattern, re.Pattern]] = []   # every pattern `led` put behind a look ahead, and what it made of it


class _NoLead(Exception):
    """A pattern `led` cannot read the first characters of."""


def _same_letters(c: str) -> list[str]:
    """Every character below U+10000 that matches `c` ignoring case (`c` among them)."""
    got = _SAME_LETTERS.get(c)
    if got is None:
        got = _SAME_LETTERS[c] = re.compile(re.escape(c), re.IGNORECASE).findall(_BMP_CHARS())
    return got


_SAME_LETTERS: dict[str, list[str]] = {}


def _BMP_CHARS(held: list = []) -> str:   # (made once, at first use)
    if not held:
        held.append("".join(map(chr, range(0x10000))))
    return held[0]


def _first_chars(seq: list, ignoring_case: bool) -> tuple[list[tuple[str, bool]], bool]:
    """The characters a match of `seq` (a syntax tree of `re`'s parser) can start with, each with whether it is read
    ignoring case, and whether the match can be empty; `_NoLead` where a first character is a class of characters
    (`\\d`, `.`, `[^…]`) or anything but a literal, a range of them or a group, branch or repeat of those."""
    out: list[tuple[str, bool]] = []
    for op, av in seq:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue   # (zero-width: the first character is after it)
        if op is _sre.LITERAL:
            out.append((chr(av), ignoring_case))
            return out, False
        if op is _sre.IN:
            for o, a in av:
                if o is _sre.LITERAL:
                    out.append((chr(a), ignoring_case))
                elif o is _sre.RANGE and a[1] - a[0] < 256:
                    out.extend((chr(x), ignoring_case) for x in range(a[0], a[1] + 1))
                else:
                    raise _NoLead
            return out, False
        if op is _sre.BRANCH:
            empty = False
            for alt in av[1]:
                got, e = _first_chars(list(alt), ignoring_case)
                out += got
                empty = empty or e
        elif op is _sre.SUBPATTERN:
            _, add, remove, body = av
            icase = (ignoring_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            got, empty = _first_chars(list(body), icase)
            out += got
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            got, empty = _first_chars(list(av[2]), ignoring_case)
            out += got
            empty = empty or av[0] == 0
        elif op is _sre.ATOMIC_GROUP:
            got, empty = _first_chars(list(av), ignoring_case)
            out += got
        else:
            raise _NoLead
        if not empty:
            return out, False
    return out, True


class Needs:
    """A compiled pattern that cannot match where none of `words` is written (each of its matches holds one,
    as written, or ignoring case if the pattern ignores case): the text is searched for them first, a search
    for plain words, and the pattern runs only where one is. `sub`, `search` and `finditer` give what the
    pattern gives; anything else is the pattern's."""

    __slots__ = ("pattern", "words", "_lower", "_odd")

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...]):
        self.pattern, self.words = pattern, words
        # (each word looked for with `in`, much cheaper than a pattern's scan; ignoring case, in the lower-cased text,
        # unless the text holds a character that matches a letter of theirs ignoring case only: `endings.case_odd`)
        self._odd = case_odd(words) if pattern.flags & re.IGNORECASE else None
        self._lower = tuple(w.lower() for w in words)

    def _may(self, string: str) -> bool:
        if self._odd is None:
            for w in self.words:
                if w in string:
                    return True
            return False
        low = string.lower()
        for w in self._lower:
            if w in low:
                return True
        return self._odd.search(string) is not None

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.pattern.sub(repl, string, count) if self._may(string) else string

    def search(self, string: str, *span):
        return self.pattern.search(string, *span) if self._may(string) else None

    def finditer(self, string: str, *span):
        return self.pattern.finditer(string, *span) if self._may(string) else iter(())

    def __getattr__(self, name):
        return getattr(self.pattern, name)


class PhrasesWritten:
    """Whether every word of one of `phrases` is written in a text, ignoring case (or the text holds a character that
    matches a letter of theirs ignoring case but lower-cases to another: `endings.case_odd`): a pattern that ignores
    case and matches only those phrases, or text blanked out of them, cannot match where this answers False."""

    __slots__ = ("_words", "_odd")

    def __init__(self, phrases):
        self._words = tuple(tuple(p.lower().split()) for p in phrases)
        self._odd = case_odd(phrases)

    def __call__(self, text: str) -> bool:
        low = text.lower()
        for words in self._words:
            for w in words:
                if w not in low:
                    break
            else:
                return True
        return self._odd.search(text) is not None


# `tăng 7,2% (kế hoạch 8%)`: a bracket that opens with a plan word restates the figure before as its plan
PAREN_TARGET = re.compile(rf"\(\s*(?:{alt('paren_target')})\s*$", re.IGNORECASE)
# `…, đạt 100% chỉ tiêu`: a share of the target, not of a total named before
OF_TARGET = re.compile(rf"\s*(?:{alt('of_target')})(?!\w)", re.IGNORECASE)
# the same, `so với` allowed before it (`…, tương đương 62% so với dự toán`)
OF_TARGET_COMPARED = re.compile(rf"\s*(?:so với\s+)?(?:{alt('of_target')})(?!\w)", re.IGNORECASE)
# a plan word before a figure in its clause: `chỉ tiêu giao năm 2023 là 2.000 đảng viên`
TARGET_BEFORE = re.compile(rf"(?<!\w)(?:{alt('target_before')})(?!\w)[^,;]{{0,40}}$", re.IGNORECASE)
# a plan word up to four words before a figure, in the same clause: `giao 1.850 thanh niên`; not `đạt 102% kế
# hoạch năm, tăng 2.000 người` (a change after the plan's share)
PLAN_BEFORE = re.compile(rf"(?:{alt('plan_before')})[^\s,;]*\s*(?:[^\s,;]+\s+){{0,4}}$", re.IGNORECASE)
# the bases a comparison with a plan names (`compared_to`), and a percentage followed by one: `đạt 105% kế hoạch`
TARGET_BASES = frozenset(words("target_base"))
TARGET_BASE_AFTER = re.compile(rf"\s*(?:so với\s+)?(?:{alt('target_base')})")
# between a result and its plan: `đạt 6,2% (kế hoạch 7,5%)`, `…, trong khi dự toán là …`
PLAN_BETWEEN = re.compile(rf"^\s*+[,;]?\s*+(?:\(|trong khi\s++|so với\s++)?\s*+(?:{alt('plan_between')})"
                          rf"(?:\s++(?:{alt('plan_between_tail')}))*\s*+(?:là|:)?\s*+$", re.IGNORECASE)
# what a result's sentence claims of its plan. `đạt kế hoạch` claims the plan met; `đạt 17,5% kế hoạch` only
# states a share of it (no number between)
CLAIM_MET = re.compile(rf"(?<!không )(?<!chưa )(?:{alt('claim_met')})\s+(?:[^\s\d]+\s+){{0,2}}?"
                       rf"(?:{alt('claim_object')})", re.IGNORECASE)
CLAIM_NOT_MET = re.compile(rf"(?:chưa|không)\s+(?:{alt('claim_not_met')})\s+(?:\S+\s+){{0,2}}?"
                           rf"(?:{alt('claim_object_strict')})", re.IGNORECASE)
CLAIM_BELOW = re.compile(rf"(?:{alt('claim_below')})\s+(?:\S+\s+){{0,2}}?(?:{alt('claim_object')})", re.IGNORECASE)
CLAIM_ABOVE = re.compile(rf"(?:{alt('claim_above')})\s+(?:\S+\s+){{0,2}}?(?:{alt('claim_object_strict')})",
                         re.IGNORECASE)
# indicators for which less is better, folded (`ho ngheo`): matched anywhere in the folded indicator
LOWER_BETTER = tuple(fold(w) for w in lexicon.column("lower_better", "word"))


# --- the status of a figure (extractors/status.py, doc_context.py) ---------------------------------
def alt_with(role: str, code: dict[str, str]) -> str:
    """The words of one role as an alternation, a word that `code` names standing as its pattern there
    (`cần` only in lower case and not in a place name)."""
    return "|".join(code.get(w, w) for w in alt(role).split("|"))


# a word before a figure that makes it a target: `mục tiêu`, `phấn đấu`, `sẽ`, `kế hoạch` …; not `Cần Thơ`, not
# `kế hoạch 5 năm` (a plan's name), not `giải ngân kế hoạch vốn` (the disbursement of planned capital), not
# `đã phấn đấu` (an effort made), and `xác định 5 chỉ tiêu` sets out targets too
_TARGET_CUE_CODE = {"cần": r"(?-i:cần)(?! Thơ| Giờ| Đước)", "kế hoạch": r"(?<!giải ngân )kế hoạch(?! 5 năm)",
                    "phấn đấu": r"(?<!đã )phấn đấu"}   # `tỉnh ta đã phấn đấu nâng hạng lên …`: an effort made
# (the look ahead for the words' first letters turns away at once the places where none starts: each word's code
# above matches from the word's own first letter)
TARGET_CUE = re.compile(rf"{first_letters((*words('target_cue'), 'xác định'))}"
                        rf"(?<!\w)(?:{alt_with('target_cue', _TARGET_CUE_CODE)}|xác định \d+ chỉ tiêu)(?!\w)",
                        re.IGNORECASE)
# cues that make the same words a result: `vượt kế hoạch`, `so với dự toán`, `đạt mục tiêu đề ra`
# (run only where one of its plan words is written: every match holds one)
# (and behind a look ahead for its verbs' first letters, as written)
TARGET_AS_RESULT = Needs(re.compile(
    rf"(?-i:(?=[{''.join(sorted({re.escape(w[0]) for w in words('as_result_verb')}))}]))"
    rf"(?:(?<!\w)(?-i:{alt('as_result_verb')})\s+(?:\S+\s+){{0,3}}?(?:{alt('as_result_object')})"
    rf"(?:\s+(?:[^\s,;.()]+\s+){{0,9}}?(?:{alt('as_result_tail')}))?)",
    re.IGNORECASE), words("as_result_object"))
# `kế hoạch vốn đầu tư công được giao năm 2022 là 5.556 tỷ đồng`: the value the plan names
PLAN_IS = re.compile(rf"(?<!\w)(?:{alt('plan_is')})(?:\s+[^\s,;.()]+){{0,8}}?\s+là\s*$", re.IGNORECASE)
ACTUAL_CUE = re.compile(rf"(?<!\w)(?:{alt('actual_cue')})(?!\w)", re.IGNORECASE)
# right before a figure: `(mục tiêu 60%)`, `chưa đạt mục tiêu từ 20% trở lên`, `kế hoạch giao là 8%`
TARGET_RIGHT_BEFORE = re.compile(
    rf"(?:{alt('right_before_plan')})(?:\s+(?:{alt('right_before_tail')}))?\s*"
    rf"(?:{alt('right_before_bound')}|:)?\s*$", re.IGNORECASE)
# a sentence that sets out targets (its paragraph's figures after it may be targets)
TARGET_SENTENCE = re.compile(rf"{first_letters(words('target_sentence'))}(?<!\w)"
                             rf"(?:{word_tree(list(words('target_sentence')))})(?!\w)", re.IGNORECASE)
# a programme named for its targets: a paragraph that names it does not set out targets (the first letter in
# either case, the rest as written)
PROGRAMME = Needs(re.compile("|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words("programme"))),
                  tuple(w[1:] for w in words("programme")))
# bodies whose names hold cue words are no cue: `Sở Kế hoạch và Đầu tư`
BODY_WITH_CUE = Needs(re.compile(alt("body_with_cue")), words("body_with_cue"))   # (run only where one is written)
# targets counted as met: `có 18/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch`, `17 chỉ tiêu đều hoàn thành` (behind a look
# ahead for what every match starts with, a digit or the `c` of `chỉ tiêu`: the engine tried each branch everywhere)
TARGETS_REVIEWED = Needs(re.compile(r"(?=\d|c)(?:(?<!\d)\d+\s+chỉ tiêu(?:\s+(?:chủ yếu|lớn))?[^.;]{0,40}?có\s+\d+\s+chỉ tiêu\s+(?:đều\s+)?(?:đã\s+)?"
                              r"(?:đạt|hoàn thành|vượt)(?!\w)"   # `trong 26 chỉ tiêu chủ yếu năm 2022, có 22 chỉ tiêu đạt`
                              r"|(?<!\d)\d+\s*/\s*\d+\s+chỉ tiêu(?:\s+(?:chủ yếu|lớn))?"
                              r"|chỉ tiêu(?:\s+(?:chủ yếu|lớn))?\s+(?:\S+\s+){0,3}?(?:đều\s+)?(?:đã\s+)?(?:đạt|hoàn thành|vượt)(?!\w))"),
                         ("chỉ tiêu",))   # every match holds `chỉ tiêu`
# the words that open a list breaking a figure down, with the list after them to the end of the text given:
# `Trong đó, Thạnh Phú 121 đảng viên, Mỏ Cày Nam 121, …`, `gồm: Mỏ Cày Nam 9, Châu Thành 8`
BREAKDOWN_OPEN = re.compile(r"(?:[Tt]rong đó|gồm|[Cc]ụ thể|như sau)\s*[,:]?[^.;!?]*$")
