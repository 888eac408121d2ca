"""XML from the web (feeds, sitemaps), parsed with defusedxml: a document that declares entities (a
"billion laughs" bomb) or external references is refused, never expanded; one that is not well-formed
is named as such. Each reader raises its own error class with its own name for the document.
"""
from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring


def parse_xml(content: bytes, what: str, error: type[Exception]) -> Element:
    """The root element of `content`. Raises `error` — "`what` refused: …" for entities and external
    references, "`what` is not well-formed XML: …" for a parse error — chained to the cause."""
    try:
        return fromstring(content)
    except DefusedXmlException as e:
        raise error(f"{what} refused: {type(e).__name__} (entity declarations are not expanded)") from e
    except ParseError as e:
        raise error(f"{what} is not well-formed XML: {e}") from e
