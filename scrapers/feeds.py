"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: their entries' links, titles and dates.

Parsed with defusedxml (scrapers/safexml.py): a feed that declares entities (a "billion laughs" bomb)
or external references is refused with `FeedError`, never expanded.
"""
from __future__ import annotations

from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from scrapers.dates import parse_date_text
from scrapers.safexml import parse_xml
from scrapers.urls import normalize_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


class FeedError(ValueError):
    pass


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None   # ISO date (time when given)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(el, *names: str) -> str | None:
    for c in el:
        if _local(c.tag) in names and (c.text or "").strip():
            return c.text.strip()
    return None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        d = parsedate_to_datetime(value)
        return d.strftime("%Y-%m-%dT%H:%M") if (d.hour or d.minute) else d.strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date_text(value)


def looks_like_feed(content: bytes) -> bool:
    head = content[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and any(t in content[:4096].lower() for t in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(content: bytes, base_url: str) -> list[FeedEntry]:
    root = parse_xml(content, "feed", FeedError)
    kind = _local(root.tag)
    out: list[FeedEntry] = []
    if kind in ("rss", "rdf"):
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            link = _child_text(item, "link") or _guid_link(item)
            url = normalize_url(link, base_url) if link else None
            if url:
                out.append(FeedEntry(url, _child_text(item, "title"),
                                     _date(_child_text(item, "pubdate", "date", "published"))))
    elif kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            href = None
            for c in entry:
                if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate" and c.get("href"):
                    href = c.get("href")
                    break
            url = normalize_url(href, base_url) if href else None
            if url:
                out.append(FeedEntry(url, _child_text(entry, "title"),
                                     _date(_child_text(entry, "published", "updated"))))
    else:
        raise FeedError(f"not a feed (root element <{kind}>)")
    return out


def _guid_link(item) -> str | None:
    for c in item:
        if _local(c.tag) == "guid" and c.get("isPermaLink", "true") != "false" and (c.text or "").startswith("http"):
            return c.text.strip()
    return None
