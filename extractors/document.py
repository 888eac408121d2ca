"""The unit that flows through the pipeline: one article or report, its text normalized; and what the
extractors make of it (an `Extraction`, which the database stores)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from extractors import EXTRACTOR_VERSION
from extractors.record import Mention, Skipped
from extractors.sentences import Sentence


@dataclass
class Document:
    id: str                      # stable id: the file stem (`stem-2` for a second article), or a URL hash
    source: str                  # path or URL the document was read from
    text: str                    # NFC-normalized text; every offset points into it
    title: str | None = None
    published: str | None = None  # ISO date as precise as written: 2021-12-02T10:24, 2022-01-10, 2022-01
    author: str | None = None
    province: str | None = None   # canonical province the document is about, found from its text
    urls: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Extraction:
    """One document through the extractors (`extractors.extract.extract_document`)."""
    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    skipped: list[Skipped]
    version: str = EXTRACTOR_VERSION


class InputError(Exception):
    """A document that cannot be read: the message names the input and says why."""
