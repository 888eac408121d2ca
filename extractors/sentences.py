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


def _sent_tokenize():
    """underthesea's sent_tokenize, with its look back for an abbreviation before a full stop bounded.

    underthesea reads the whole run of letters, digits and dots before every `.` to see whether it is an
    abbreviation: on a long run without spaces (`1.1.1.…`, `.một.một…`) that is quadratic. A word longer
    than the longest abbreviation is none, so the look back stops there: the same sentences, in linear
    time. Falls back to the plain function if underthesea's tokenizer is not where version 9 keeps it."""
    global _TOKENIZE
    if _TOKENIZE is not None:
        return _TOKENIZE
    from underthesea import sent_tokenize
    try:
        import underthesea.pipeline.sent_tokenize as st
        st._load_model()
        base = st.sentence_tokenizer
        longest = max(len(a) for a in base.abbrev_types)

        class Bounded(type(base)):
            def _get_preceding_word(self, text, pos):
                start, stop = pos - 1, max(-1, pos - longest - 2)
                while start > stop and (text[start].isalnum() or text[start] == "."):
                    start -= 1
                if start == stop and start >= 0 and (text[start].isalnum() or text[start] == "."):
                    return "\x00" * (longest + 1)   # longer than any abbreviation
                return text[start + 1:pos] or None

            if isinstance(getattr(base, "SENT_END_CHARS", None), frozenset) and hasattr(base, "_is_sentence_boundary"):
                sentences_from_text = _jumping_sentences(base.SENT_END_CHARS)

        _TOKENIZE = Bounded(base.abbrev_types).sentences_from_text
    except (ImportError, AttributeError, TypeError, ValueError):
        _TOKENIZE = sent_tokenize
    return _TOKENIZE


_TOKENIZE = None


def _jumping_sentences(ends: frozenset):
    """underthesea's `sentences_from_text` (version 9: its steps, its `_is_sentence_boundary`), moving from one
    sentence-ending character to the next with a regular expression instead of looking at every character in
    Python: the same sentences, several times faster on a long paragraph."""
    next_end = re.compile("[" + re.escape("".join(sorted(ends))) + "]")

    def sentences_from_text(self, text):
        if not text or not text.strip():
            return []
        sentences, start, n, i = [], 0, len(text), 0
        while True:
            found = next_end.search(text, i)
            if found is None:
                break
            i = found.start()
            if text[i] == ".":
                dot_end = i
                while dot_end < n and text[dot_end] == ".":
                    dot_end += 1
                if dot_end - i >= 3:   # an ellipsis ends a sentence at the end or before a capital
                    after = dot_end
                    while after < n and text[after] in " \t":
                        after += 1
                    if after >= n or text[after].isupper():
                        sentence = text[start:dot_end].strip()
                        if sentence:
                            sentences.append(sentence)
                        while dot_end < n and text[dot_end] in " \t\n\r":
                            dot_end += 1
                        start = dot_end
                    i = dot_end
                    continue
            if self._is_sentence_boundary(text, i):
                end = i + 1
                while end < n and text[end] in ends:
                    end += 1
                sentence = text[start:end].strip()
                if sentence:
                    sentences.append(sentence)
                while end < n and text[end] in " \t\n\r":
                    end += 1
                start = i = end
                continue
            i += 1
        final = text[start:].strip()
        if final:
            sentences.append(final)
        return sentences

    return sentences_from_text


# the one-character ellipsis before a capital ends a sentence, as `...` does in underthesea's (`… Chợ quê xứ Dừa lần thứ
# 3-2024… Theo đó, tổng thu …`); underthesea leaves it inside
_ELLIPSIS_CAPITAL = re.compile(r"(?<=…)[ \t]+(?=[A-ZĐÀ-ỸÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ])")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; `text[s.start:s.end] == s.text` for every one."""
    sent_tokenize = _sent_tokenize()

    out: list[Sentence] = []
    for p_index, pm in enumerate(_PARA_RE.finditer(text)):
        para, base = pm.group(), pm.start()
        pos = 0
        for piece in (cut for whole in sent_tokenize(para)
                      for cut in (_ELLIPSIS_CAPITAL.split(whole) if "…" in whole else (whole,))):
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
    if any(x.end - x.start > MAX_SENTENCE_CHARS for x in out):
        out = [Sentence(k, a, b, text[a:b], x.paragraph) for k, (x, a, b) in
               enumerate((x, a, b) for x in out for a, b in _pieces(text, x.start, x.end))]
    return out


# A "sentence" longer than this (a table flattened into one line, a list with no full stop, a hostile file) is
# cut into pieces of at most this many characters at its last `;`, else `,`, else space. Every rule reads a
# figure's sentence, so this bound is what keeps a document's cost linear in its length. The longest sentence
# of the corpus and the gold sets is under 1,000 characters.
MAX_SENTENCE_CHARS = 2000
_CUTS = (re.compile(r";\s"), re.compile(r",\s"), re.compile(r"\s"))


# A sentence holding more figures than this (`1% 1% 1% …`) is cut before every MAX_SENTENCE_FIGURES-th figure:
# a figure's rules read its sentence, so the cost of a sentence grows with its figures times its length. The
# corpus and gold sentences hold at most 16.
MAX_SENTENCE_FIGURES = 64


def cut_at_figures(text: str, sentences: list[Sentence], figure_starts: list[int]) -> list[Sentence]:
    """`sentences`, each one that holds more than MAX_SENTENCE_FIGURES of the figures starting at
    `figure_starts` (sorted) cut right before every MAX_SENTENCE_FIGURES-th of them."""
    out: list[Sentence] = []
    cut = False
    for x in sentences:
        lo = bisect.bisect_left(figure_starts, x.start)
        hi = bisect.bisect_left(figure_starts, x.end)
        if hi - lo <= MAX_SENTENCE_FIGURES:
            out.append(x)
            continue
        cut = True
        a = x.start
        for k in range(lo + MAX_SENTENCE_FIGURES, hi, MAX_SENTENCE_FIGURES):
            b = figure_starts[k]
            e = b
            while e > a and text[e - 1].isspace():
                e -= 1
            if e > a:
                out.append(Sentence(0, a, e, text[a:e], x.paragraph))
            a = b
        out.append(Sentence(0, a, x.end, text[a:x.end], x.paragraph))
    if not cut:
        return sentences
    for k, x in enumerate(out):
        x.index = k
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces of at most MAX_SENTENCE_CHARS that text[start:end] is cut into."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        lo, hi = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
        cut = hi
        for pat in _CUTS:
            hits = [m.start() + 1 for m in pat.finditer(text, lo, hi)]
            if hits:
                cut = hits[-1]
                break
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
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
