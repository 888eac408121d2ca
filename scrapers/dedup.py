"""Near-duplicate articles: the same story syndicated by a portal and a newspaper, with different
chrome, a different byline or a "Theo Báo …" line, is one document found at several URLs.

Each text gets a 64-bit simhash over its word 4-shingles (diacritics folded, punctuation dropped).
Texts whose simhashes differ in at most `max_distance` bits are candidates; a candidate is a
duplicate when the Jaccard overlap of the two texts' shingle sets reaches `min_jaccard`.
"""
from __future__ import annotations

import hashlib
import re

from extractors.normalize import fold

_WORD_RE = re.compile(r"\w+", re.UNICODE)
MIN_WORDS = 40     # shorter texts are matched only when identical


def words(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def shingles(text: str, k: int = 4) -> set[int]:
    w = words(text)
    if len(w) < k:
        return {_h(" ".join(w))} if w else set()
    return {_h(" ".join(w[i:i + k])) for i in range(len(w) - k + 1)}


def _h(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(text: str) -> int:
    sh = shingles(text)
    if not sh:
        return 0
    counts = [0] * 64
    for h in sh:
        for bit in range(64):
            counts[bit] += 1 if (h >> bit) & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class DuplicateIndex:
    """Simhashes of stored documents, searched linearly (fine for tens of thousands of documents)."""

    def __init__(self, max_distance: int = 18, min_jaccard: float = 0.6):
        self.max_distance = max_distance
        self.min_jaccard = min_jaccard
        self._items: list[tuple[int, str]] = []

    def add(self, doc_id: str, fingerprint: int) -> None:
        self._items.append((fingerprint, doc_id))

    def candidates(self, fingerprint: int) -> list[str]:
        near = sorted((d, doc) for d, doc in ((hamming(fp, fingerprint), doc) for fp, doc in self._items)
                      if d <= self.max_distance)
        seen, out = set(), []
        for _, doc in near:
            if doc not in seen:
                seen.add(doc)
                out.append(doc)
        return out

    def find(self, text: str, fingerprint: int, text_of) -> str | None:
        """The id of a stored near-duplicate of `text`, confirmed on the texts, or None."""
        mine = shingles(text)
        short = len(words(text)) < MIN_WORDS
        for doc in self.candidates(fingerprint):
            other = text_of(doc)
            if other is None:
                continue
            if short:
                if words(other) == words(text):
                    return doc
                continue
            if jaccard(mine, shingles(other)) >= self.min_jaccard:
                return doc
        return None
