"""One document through the extractors: sentences, mentions, skipped numbers, attribution."""
from __future__ import annotations

from extractors.attribution import DocContext, attribute_all
from extractors.budget import Budget, DocumentTimeout
from extractors.document import Document, Extraction
from extractors.document_frame import document_frame, site_district, url_date
from extractors.mentions import find
from extractors.sentences import Sentence, cut_at_figures, sentence_at, sentence_starts, split_sentences

__all__ = ["DocumentTimeout", "Extraction", "extract_document"]


def extract_document(doc: Document, sentences: list[Sentence] | None = None,
                     time_limit: float | None = None) -> Extraction:
    """Sentences, figures, skipped numbers and attribution of one document; `sentences` when the
    caller has split them already (the spaCy tokenizer). Past `time_limit` seconds, `DocumentTimeout`."""
    with Budget(time_limit, doc.id) as budget:
        if doc.province is None:
            frame = document_frame(doc.text, doc.title, doc.source, doc.meta.get("site_province"))
            doc.province = frame.province
            doc.meta["province_source"] = frame.province_source
        if sentences is None:
            sentences = split_sentences(doc.text)
        budget.check()
        mentions, skipped = find(doc.text)
        budget.check()
        sentences = cut_at_figures(doc.text, sentences, [m.start for m in mentions])
        starts = sentence_starts(sentences)
        for m in mentions:
            s = sentence_at(sentences, m.start, starts)
            m.doc = doc.id
            if s is not None:
                m.sentence = s.text
                m.extra["sentence_index"] = s.index
        ctx = DocContext.build(doc.text, sentences, doc.province, doc.published or url_date(doc.source), doc.title,
                               doc.meta.get("province_source", "document"),
                               # (a district's site tells the owner only where the text names no province itself)
                               site_district(doc.source, doc.province)
                               if doc.meta.get("province_source") == "site" else None)
        budget.check()
        attribute_all(mentions, ctx, budget.check)
    return Extraction(doc, sentences, mentions, skipped)
