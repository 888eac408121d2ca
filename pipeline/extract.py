"""One document through the extractors: sentences, mentions, skipped numbers, attribution."""
from __future__ import annotations

from dataclasses import dataclass

from extractors import EXTRACTOR_VERSION
from extractors.attribution import attribute
from extractors.gazetteer import document_province
from extractors.mentions import find
from extractors.record import Mention, Skipped
from extractors.sentences import Sentence, sentence_at, split_sentences
from pipeline.document import Document


@dataclass
class Extraction:
    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    skipped: list[Skipped]
    version: str = EXTRACTOR_VERSION


def extract_document(doc: Document) -> Extraction:
    if doc.province is None:
        doc.province = document_province(doc.text, doc.title)
    sentences = split_sentences(doc.text)
    mentions, skipped = find(doc.text)
    paragraphs: dict[int, str] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, "")
    for m in mentions:
        s = sentence_at(sentences, m.start)
        if s is None:
            continue
        m.doc = doc.id
        m.sentence = s.text
        m.extra["sentence_index"] = s.index
        para_text = " ".join(x.text for x in sentences if x.paragraph == s.paragraph)
        attribute(m, s, para_text, doc.text, doc.province, doc.published)
    return Extraction(doc, sentences, mentions, skipped)
