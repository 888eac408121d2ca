"""XML sitemaps (urlset and sitemap index, gzipped or not) and plain-text sitemaps.

Parsed with defusedxml (scrapers/safexml.py); a gzipped sitemap is inflated only up to a cap (a small
file that inflates to gigabytes is refused).
"""
from __future__ import annotations

import gzip
import io
from dataclasses import dataclass

from scrapers.dates import parse_date_text
from scrapers.safexml import parse_xml
from scrapers.urls import normalize_url

MAX_INFLATED = 50_000_000


class SitemapError(ValueError):
    pass


@dataclass
class SitemapEntry:
    url: str
    lastmod: str | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _inflate(content: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(content)) as g:
        data = g.read(MAX_INFLATED + 1)
    if len(data) > MAX_INFLATED:
        raise SitemapError(f"gzipped sitemap inflates past {MAX_INFLATED:,} bytes: refused")
    return data


def parse_sitemap(content: bytes, base_url: str) -> tuple[list[str], list[SitemapEntry]]:
    """(child sitemaps, page entries)."""
    if content[:2] == b"\x1f\x8b":
        try:
            content = _inflate(content)
        except (OSError, EOFError) as e:
            raise SitemapError(f"broken gzip: {e}") from e
    stripped = content.lstrip()
    if not stripped.startswith(b"<"):
        urls = [normalize_url(line.decode("utf-8", "replace"), base_url) for line in stripped.splitlines()]
        return [], [SitemapEntry(u) for u in urls if u]
    root = parse_xml(content, "sitemap", SitemapError)
    kind = _local(root.tag)
    children, entries = [], []
    for el in root:
        name = _local(el.tag)
        loc = lastmod = None
        for c in el:
            if _local(c.tag) == "loc":
                loc = (c.text or "").strip()
            elif _local(c.tag) == "lastmod":
                lastmod = parse_date_text((c.text or "").strip())
        url = normalize_url(loc, base_url) if loc else None
        if not url:
            continue
        if kind == "sitemapindex" and name == "sitemap":
            children.append(url)
        elif kind == "urlset" and name == "url":
            entries.append(SitemapEntry(url, lastmod))
    if kind not in ("sitemapindex", "urlset"):
        raise SitemapError(f"not a sitemap (root element <{kind}>)")
    return children, entries
