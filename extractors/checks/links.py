"""Links between figures in the text: a document's sentences and its figures in order (`DocText`), and
the words that tie two figures together (`linked`: `, đạt `, ` (tỷ lệ `, `, chiếm `, `trong đó`), so a
check says `inconsistent` only of figures the sentence itself ties."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from extractors.record import Mention
from extractors.sentences import split_sentences

_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")
_LINK_WORDS = (r"đạt|chiếm|bằng|tương đương|tương ứng|tức là|tức|là|đạt tỷ lệ|đạt tỉ lệ|tỷ lệ|tỉ lệ|hay|ước đạt|"
               r"ước|với|=|vượt|đạt được|chiếm tỷ lệ|chiếm tỉ lệ|có tỷ lệ|đạt mức|ở mức")
_LINK_TAIL = re.compile(rf"^(?:(?:{_LINK_WORDS})\s*)+$", re.IGNORECASE)
_REV_TAIL = re.compile(r"^(?:(?:tương đương|tương ứng|tức là|tức|với|gồm|bằng|=)\s*)*$", re.IGNORECASE)
_CHANGE_TAIL = re.compile(r"^(?:(?:tăng|giảm|tăng thêm|giảm đi|gấp|bằng|cao hơn|thấp hơn|vượt|hơn|tăng gấp|"
                          r"tương đương|đạt|là|bình quân)\s*)*$", re.IGNORECASE)
_NEGATION = re.compile(r"(?<!\w)(?:không|chưa|còn lại)(?!\w)", re.IGNORECASE)
_SUBSET = re.compile(r"(?<!\w)(?:trong đó|trong số|trong tổng số|trên tổng số)(?!\w)", re.IGNORECASE)


@dataclass
class Sent:
    index: int
    start: int
    end: int
    text: str


class DocText:
    """A document's text, its sentences and its mentions in order: what the checks read around a figure."""

    def __init__(self, text: str, mentions: list[Mention], sentences: list | None = None):
        self.text = text
        if sentences is None:
            sentences = split_sentences(text)
        self.sents = [Sent(s.index, s.start, s.end, s.text) for s in sentences]
        self._starts = [s.start for s in self.sents]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        for m in self.mentions:
            if m.extra.get("sentence_index") is None:
                s = self.sentence_of(m)
                if s is not None:
                    m.extra["sentence_index"] = s.index
            if not m.sentence:
                s = self.sentence_of(m)
                m.sentence = s.text if s else None
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_sentence[m.extra.get("sentence_index", -1)].append(m)
        self._groups: dict[str, dict] = {}

    def groups(self, name: str, key) -> dict:
        """The mentions grouped by `key(m)` (None: in no group), as (position, mention) in document order; built
        once per `name`, so that a rule that looks for an earlier figure of the same kind reads its group, not
        the whole document, for every figure."""
        g = self._groups.get(name)
        if g is None:
            g = self._groups[name] = defaultdict(list)
            for k, m in enumerate(self.mentions):
                kk = key(m)
                if kk is not None:
                    g[kk].append((k, m))
        return g

    def sentence_of(self, m: Mention) -> Sent | None:
        si = m.extra.get("sentence_index")
        if si is not None and 0 <= si < len(self.sents) and self.sents[si].start <= m.start < self.sents[si].end + 1:
            return self.sents[si]
        k = bisect.bisect_right(self._starts, m.start) - 1
        return self.sents[k] if k >= 0 else None

    def gap(self, a: Mention, b: Mention) -> str:
        return self.text[a.end:b.start] if a.end <= b.start else ""

    def after(self, m: Mention, n: int = 60) -> str:
        s = self.sentence_of(m)
        end = s.end if s else len(self.text)
        return self.text[m.end:min(end, m.end + n)]

    def before(self, m: Mention, n: int = 60) -> str:
        s = self.sentence_of(m)
        start = s.start if s else 0
        return self.text[max(start, m.start - n):m.start]

    def clause(self, m: Mention) -> tuple[int, int]:
        s = self.sentence_of(m)
        if s is None:
            return m.start, m.end
        lo = max([s.start] + [s.start + x.end() for x in re.finditer(r";\s*", s.text) if s.start + x.end() <= m.start])
        hi = min([s.end] + [s.start + x.start() for x in re.finditer(r";", s.text) if s.start + x.start() >= m.end])
        return lo, hi


def _digits_between(gap: str) -> bool:
    return bool(_DIGIT.search(_YEARISH.sub("", gap)))


def linked(gap: str, tail_re=_LINK_TAIL, max_len: int = 90, allow_semicolon: bool = False,
           allow_bare: bool = False) -> str | None:
    """The linking words when `gap` ties two figures together (`, đạt `, ` (tỷ lệ `, `, chiếm `), else None.

    The gap may carry on the first figure's noun phrase (`18/20 chỉ tiêu chủ yếu năm 2023, đạt 90%`), but
    after its last comma or parenthesis only linking words may stand; a comma needs a linking word (a bare
    comma starts the next item of a list)."""
    if len(gap) > max_len or "\n" in gap or _digits_between(gap):
        return None
    if ";" in gap and not allow_semicolon:
        return None
    seps = [mm for mm in re.finditer(r"[,(:;]|\s[-–]\s", gap)]
    if len(seps) > 2:
        return None
    if seps:
        last = seps[-1]
        tail = gap[last.end():].strip()
        if last.group() != "(" and not tail and not allow_bare:
            return None
        if not tail_re.match(tail):
            return None
        return tail or last.group()
    tail = gap.strip()
    if tail and tail_re.match(tail):
        return tail
    return None
