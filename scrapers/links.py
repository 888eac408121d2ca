"""Links out of an HTML page: anchors, feeds it announces, its canonical URL, and listing pagination —
numbered pages (`?page=2`, Liferay's `…_cur=2`, `/trang-2`), "next" links, and ASP.NET WebForms
`__doPostBack` pagers, which are form posts rather than links.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
from lxml import etree

from scrapers.feeds import FEED_TYPES
from scrapers.profiles import Profile
from scrapers.urls import normalize_url

_POSTBACK_RE = re.compile(r"""__doPostBack\(\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]\s*\)""")


@dataclass
class Link:
    url: str
    text: str
    rel: str = ""


@dataclass
class NextPage:
    url: str
    page_no: int
    method: str = "GET"
    data: dict | None = field(default=None)


def parse_html(text: str):
    """An lxml tree, whatever the markup (an encoding declaration in a str is dropped first)."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text or "<html></html>")
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html></html>")
    return root


def base_url(root, page_url: str) -> str:
    for b in root.iter("base"):
        href = b.get("href")
        if href:
            return urljoin(page_url, href.strip())
    return page_url


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def page_links(root, page_url: str) -> list[Link]:
    base = base_url(root, page_url)
    out, seen = [], set()
    for el in root.iter("a", "area"):
        url = normalize_url(el.get("href") or "", base)
        if url and url not in seen:
            seen.add(url)
            out.append(Link(url, _text(el) if el.tag == "a" else (el.get("alt") or ""), (el.get("rel") or "").lower()))
    return out


def feed_links(root, page_url: str) -> list[str]:
    base = base_url(root, page_url)
    out = []
    for el in root.iter("link"):
        if "alternate" in (el.get("rel") or "").lower() and (el.get("type") or "").lower() in FEED_TYPES:
            url = normalize_url(el.get("href") or "", base)
            if url:
                out.append(url)
    return out


def canonical_link(root, page_url: str) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return normalize_url(el.get("href"), base_url(root, page_url))
    return None


def _page_number(url: str, profile: Profile) -> int | None:
    parts = urlsplit(url)
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if profile.pagination.params.search(k) and v.isdigit():
            return int(v)
    for p in profile.pagination.paths:
        m = p.search(parts.path)
        if m:
            return int(m.group(1))
    return None


def next_pages(root, page_url: str, links: list[Link], profile: Profile, page_no: int = 1) -> list[NextPage]:
    """Further pages of the listing at `page_url`, up to the profile's `max_pages`."""
    pag = profile.pagination
    path = urlsplit(page_url).path.rstrip("/")
    out: dict[str, NextPage] = {}
    for link in links:
        if link.url == page_url:
            continue
        n = _page_number(link.url, profile)
        same_listing = urlsplit(link.url).path.rstrip("/") == path or any(
            p.search(urlsplit(link.url).path) for p in pag.paths)
        if n is not None and same_listing:
            if 1 < n <= pag.max_pages:
                out.setdefault(link.url, NextPage(link.url, n))
            continue
        if "next" in link.rel.split() or link.text.strip().lower() in pag.next_text:
            if page_no + 1 <= pag.max_pages and not link.url.startswith("javascript"):
                out.setdefault(link.url, NextPage(link.url, n or page_no + 1))
    if pag.postback and page_no + 1 <= pag.max_pages:
        pb = postback_next(root, page_url, pag.next_text)
        if pb:
            pb.page_no = page_no + 1
            out.setdefault(pb.url + "#" + pb.data.get("__EVENTTARGET", ""), pb)
    return list(out.values())


def postback_next(root, page_url: str, next_text: set[str]) -> NextPage | None:
    """The form post a WebForms "next" link (`javascript:__doPostBack('…$lnkNext','')`) would make."""
    for a in root.iter("a"):
        m = _POSTBACK_RE.search(a.get("href") or "")
        if not m:
            continue
        label = _text(a).lower()
        ident = ((a.get("id") or "") + " " + m.group(1)).lower()
        if label not in next_text and "next" not in ident and "sau" not in ident:
            continue
        if a.get("disabled") is not None or "aspNetDisabled" in (a.get("class") or ""):
            return None
        form = next((f for f in a.iterancestors("form")), None)
        if form is None:
            form = next(iter(root.iter("form")), None)
        if form is None:
            return None
        data = {}
        for inp in form.iter("input"):
            name, typ = inp.get("name"), (inp.get("type") or "text").lower()
            if not name or typ in ("submit", "button", "image", "reset", "file"):
                continue
            if typ in ("checkbox", "radio") and inp.get("checked") is None:
                continue
            data[name] = inp.get("value") or ""
        for sel in form.iter("select"):
            if sel.get("name"):
                opt = next((o for o in sel.iter("option") if o.get("selected") is not None), None) or \
                    next(iter(sel.iter("option")), None)
                data[sel.get("name")] = (opt.get("value") if opt is not None else "") or ""
        data["__EVENTTARGET"], data["__EVENTARGUMENT"] = m.group(1), m.group(2)
        action = normalize_url(form.get("action") or page_url, base_url(root, page_url))
        if not action:
            return None
        return NextPage(action, 0, "POST", data)
    return None
