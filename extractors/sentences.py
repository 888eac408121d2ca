"""Sentences with exact offsets: paragraphs split on blank lines, then underthesea's sent_tokenize."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


_PARA_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; `text[s.start:s.end] == s.text` for every one."""
    from underthesea import sent_tokenize

    out: list[Sentence] = []
    for p_index, pm in enumerate(_PARA_RE.finditer(text)):
        para, base = pm.group(), pm.start()
        pos = 0
        for piece in sent_tokenize(para):
            piece = piece.strip()
            if not piece:
                continue
            k = para.find(piece, pos)
            if k < 0:
                # underthesea changed the spacing: fall back to locating by the first word
                k = para.find(piece.split()[0], pos)
                if k < 0:
                    continue
                end = _locate_end(para, k, piece)
            else:
                end = k + len(piece)
            if out and out[-1].paragraph == p_index and k < out[-1].end - base:
                continue
            out.append(Sentence(len(out), base + k, base + end, text[base + k:base + end], p_index))
            pos = end
        # anything underthesea dropped at the end of the paragraph joins the last sentence
        if out and out[-1].paragraph == p_index and out[-1].end < base + len(para.rstrip()):
            last = out[-1]
            new_end = base + len(para.rstrip())
            out[-1] = Sentence(last.index, last.start, new_end, text[last.start:new_end], p_index)
    return out


def _locate_end(para: str, k: int, piece: str) -> int:
    """End offset in `para` of `piece` starting at k, ignoring whitespace differences."""
    want = re.sub(r"\s+", "", piece)
    got = 0
    i = k
    while i < len(para) and got < len(want):
        if not para[i].isspace():
            got += 1
        i += 1
    return i


def sentence_starts(sentences: list[Sentence]) -> list[int]:
    """The start offsets of `sentences`, for `sentence_at`: computed once per document, not per figure."""
    return [s.start for s in sentences]


def sentence_at(sentences: list[Sentence], pos: int, starts: list[int] | None = None) -> Sentence | None:
    """The sentence that holds offset `pos` (else the last one before it); `starts` is
    `sentence_starts(sentences)`, which a caller that asks for many figures passes in (a bisect, no rescan)."""
    if starts is None:
        starts = sentence_starts(sentences)
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and sentences[k].start <= pos < max(sentences[k].end, sentences[k].start + 1):
        return sentences[k]
    return sentences[k] if k >= 0 else None
