"""A spaCy pipeline for Vietnamese on underthesea, with chitieu's components.

    import extractors.nlp as vn
    nlp = vn.blank()                     # a spaCy `Language` whose tokenizer is underthesea
    nlp.add_pipe("chitieu_tagger")       # underthesea POS tags on sentences that hold a number
    nlp.add_pipe("chitieu_entities")     # provinces and bodies (EntityRuler-style, gazetteer)
    nlp.add_pipe("chitieu_mentions")     # figures -> doc.spans["mentions"]
    nlp.add_pipe("chitieu_attribution")  # indicator, entity, period, status … on each mention span
    doc = nlp(text)
    html = vn.render(doc)                # displaCy, mentions and entities highlighted

`vn.pipeline()` returns all of it. The components are thin adapters over the function the main run
calls, `extractors.extract.extract_document`: `chitieu_mentions` runs it once (sentences split once,
figures found and attributed with the document's frame) and `chitieu_attribution` copies its fields
onto the spans, so a figure reads the same whichever way it is extracted. underthesea splits sentences first (it glues tokens across
sentences otherwise), then segments words; every token keeps its exact character offsets, so
`doc.text == text`. underthesea's quirks are kept out of the figures: the mention finder reads
the raw text (underthesea reads `5-10` as a date and splits `%` off a number).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.document import Document
from extractors.document_frame import document_frame
from extractors.entities import find_bodies
from extractors.extract import extract_document
from extractors.gazetteer import find_provinces
from extractors.sentences import split_sentences

for _attr in ("kind", "value", "low", "high", "denominator", "unit", "qualifier", "indicator", "entity",
              "period", "status", "compared_to", "direction", "record"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
for _attr, _default in (("province", None), ("published", None), ("title", None), ("skipped", None),
                        ("source", None)):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=_default)


class UnderthesaTokenizer:
    """Text -> Doc: underthesea's sentence split, then its word segmentation, offsets exact."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from underthesea import word_tokenize

        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        pos = 0
        sentences = split_sentences(text)
        for sent in sentences:
            if sent.start > pos:  # whitespace between sentences: a space token where needed
                self._gap(text[pos:sent.start], words, spaces, starts)
            pos = sent.start
            first = True
            # the heavy step only where a number is: other sentences split on whitespace
            pieces = word_tokenize(sent.text) if any(c.isdigit() for c in sent.text) else \
                re.findall(r"\w+|[^\w\s]", sent.text)
            for tok in pieces:
                k = text.find(tok, pos, sent.end + 1)
                if k < 0:  # underthesea normalized the token: fall back to its syllables
                    for syl in tok.split():
                        k2 = text.find(syl, pos, sent.end + 1)
                        if k2 < 0:
                            continue
                        self._add(text, pos, k2, syl, words, spaces, starts, first)
                        first = False
                        pos = k2 + len(syl)
                    continue
                self._add(text, pos, k, tok, words, spaces, starts, first)
                first = False
                pos = k + len(tok)
        if pos < len(text):
            self._gap(text[pos:], words, spaces, starts)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts if words else None)
        assert doc.text == text, "tokenization must keep the text exactly"
        doc.user_data["chitieu_sentences"] = sentences  # split once: the mentions component reuses them
        return doc

    @staticmethod
    def _add(text, pos, k, tok, words, spaces, starts, first):
        gap = text[pos:k]
        if gap:
            if words and gap == " " and not spaces[-1]:
                spaces[-1] = True
            else:
                if words and not spaces[-1] and gap.startswith(" "):
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
                    starts.append(False if words[:-1] else True)
        words.append(tok)
        spaces.append(False)
        starts.append(bool(first))

    @staticmethod
    def _gap(gap, words, spaces, starts):
        if words and gap.startswith(" ") and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            starts.append(False if len(words) > 1 else True)


def blank() -> Language:
    nlp = Language(Vocab())
    nlp.tokenizer = UnderthesaTokenizer(nlp.vocab)
    return nlp


@Language.component("chitieu_tagger")
def tagger(doc: Doc) -> Doc:
    """underthesea POS tags, only on sentences that hold a digit (the heavy step runs where needed)."""
    from underthesea import pos_tag

    for sent in doc.sents:
        if not any(c.isdigit() for c in sent.text):
            continue
        tokens = [t for t in sent if not t.is_space]
        tags = pos_tag(" ".join(t.text for t in tokens))
        # underthesea re-segments: align by walking its tokens over ours
        ti = 0
        for word, tag in tags:
            while ti < len(tokens) and tokens[ti].text.lower() not in word.lower() and \
                    word.lower() not in tokens[ti].text.lower():
                ti += 1
            if ti < len(tokens):
                tokens[ti].tag_ = tag
                ti += 1
    return doc


@Language.component("chitieu_entities")
def entities(doc: Doc) -> Doc:
    """Provinces (PROVINCE) and owning bodies (ORG, DISTRICT) by gazetteer and pattern."""
    if doc._.province is None:
        doc._.province = document_frame(doc.text, doc._.title, doc._.source).province
    spans = []
    for s, e, p in find_provinces(doc.text):
        sp = doc.char_span(s, e, label="PROVINCE", alignment_mode="expand", kb_id=p.gso_code)
        if sp is not None:
            spans.append(sp)
    for b in find_bodies(doc.text, doc._.province):
        label = "DISTRICT" if b.type == "district" else "ORG"
        sp = doc.char_span(b.start, b.end, label=label, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    # longest first, no overlaps
    chosen: list[Span] = []
    for sp in sorted(spans, key=lambda x: (-(x.end_char - x.start_char), x.start_char)):
        if all(sp.end <= c.start or sp.start >= c.end for c in chosen):
            chosen.append(sp)
    doc.ents = sorted(chosen, key=lambda x: x.start)
    return doc


@Language.component("chitieu_mentions")
def mentions(doc: Doc) -> Doc:
    """Every figure as a span in `doc.spans["mentions"]`, labelled with its kind: one run of
    `extract_document`, whose attributed records the spans carry."""
    ex = extract_document(Document(id="spacy", source=doc._.source or "", text=doc.text, title=doc._.title,
                                   published=doc._.published, province=doc._.province),
                          sentences=doc.user_data.get("chitieu_sentences"))
    doc._.skipped = ex.skipped
    spans = []
    for m in ex.mentions:
        sp = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
        if sp is None:
            continue
        sp._.record = m
        for attr in ("kind", "value", "low", "high", "denominator", "unit", "qualifier"):
            setattr(sp._, attr, getattr(m, attr))
        spans.append(sp)
    doc.spans["mentions"] = spans
    return doc


@Language.component("chitieu_attribution")
def attribution(doc: Doc) -> Doc:
    """Indicator, entity, period, status, compared_to and direction on each mention span, as
    `extract_document` attributed them."""
    for sp in doc.spans.get("mentions", []):
        for attr in ("indicator", "entity", "period", "status", "compared_to", "direction"):
            setattr(sp._, attr, getattr(sp._.record, attr))
    return doc


def pipeline(tagger_on: bool = True) -> Language:
    nlp = blank()
    if tagger_on:
        nlp.add_pipe("chitieu_tagger")
    nlp.add_pipe("chitieu_entities")
    nlp.add_pipe("chitieu_mentions")
    nlp.add_pipe("chitieu_attribution")
    return nlp


COLORS = {"fraction": "#ffd166", "percent": "#06d6a0", "range": "#8ecae6", "money": "#f4a261",
          "quantity": "#cdb4db", "rank": "#ef476f", "multiplier": "#b5e48c",
          "PROVINCE": "#bde0fe", "ORG": "#e9edc9", "DISTRICT": "#ffe5ec"}


def render(doc: Doc, page: bool = True) -> str:
    """displaCy HTML of the document, mentions and entities highlighted (span style)."""
    from spacy import displacy

    doc.spans["sc"] = list(doc.spans.get("mentions", [])) + list(doc.ents)
    return displacy.render(doc, style="span", page=page, jupyter=False,
                           options={"spans_key": "sc", "colors": COLORS})
