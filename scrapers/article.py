"""One article page to title, publication date, author and clean main text.

The main text is trafilatura's, unless the site profile names a body selector that matches (then the
block elements under it, read with BeautifulSoup). Either way the paragraphs are cleaned like the
text-dump reader cleans a dump: a "Tin liên quan"/"Các tin khác" block ends the article, chrome lines
and a repeated title or dateline are dropped, a trailing byline becomes the author.

The date: the profile's date selector; else the Vietnamese dateline printed under the title (the
site header's "today" comes before the title and is passed over); else the page's metadata date
(htmldate: meta tags, JSON-LD, <time>, the URL), refined by a dateline elsewhere that agrees with it.

Limits: a page with more than `MAX_TAGS` tags or elements nested deeper than `MAX_DEPTH` is refused
with `PageError` (naming the URL) before the readers walk it — tag soup of that size is a hostile or
broken page, and it would cost the parsers unbounded time, memory or stack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from extractors.normalize import nfc
from extractors.textdump import BYLINE_RE, CHROME, FOOTER_START
from scrapers.dates import best_dateline, find_datelines, parse_date_text
from scrapers.links import canonical_link, parse_html
from scrapers.profiles import Profile

BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "header", "footer",
          "pre", "dl", "dt", "dd", "center", "aside", "nav", "form", "br"}
MAX_TAGS = 100_000   # start tags in a page (a news page has a few thousand)
MAX_DEPTH = 512      # elements nested in each other (libxml2's HTML parser itself stops at 256)
_TAG_RE = re.compile(r"<[A-Za-z]")


class PageError(ValueError):
    """A page refused by the limits above: the message names the URL and the limit."""


def _check_size(html: str, url: str) -> None:
    for n, _ in enumerate(_TAG_RE.finditer(html), 1):
        if n > MAX_TAGS:
            raise PageError(f"{url}: more than {MAX_TAGS:,} tags: not read (tag soup or a hostile page)")


def _check_depth(soup: BeautifulSoup, url: str) -> None:
    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise PageError(f"{url}: elements nested more than {MAX_DEPTH} deep: not read "
                            f"(broken or hostile markup)")
        stack.extend((c, depth + 1) for c in node.children if isinstance(c, Tag))


_TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—:]\s+[^-|–—]{2,60}$")
_SOURCE_LINE_RE = re.compile(r"^\(?\s*(?:theo|nguồn)\s*:?\s+[^.]{2,80}\)?\.?$", re.IGNORECASE)


@dataclass
class Article:
    url: str
    canonical: str | None
    title: str | None
    text: str                  # title, blank line, paragraphs separated by blank lines (NFC)
    body: str                  # the paragraphs only
    published: str | None
    author: str | None
    method: str                # "selectors" or "trafilatura"


def _clean_space(s: str) -> str:
    return " ".join(nfc(s).replace("\u00a0", " ").split()) if s else ""


def _block_paragraphs(el: Tag) -> list[str]:
    """Paragraphs of the block elements under `el`: inline runs joined, blocks separate."""
    out: list[str] = []
    run: list[str] = []

    def flush():
        t = _clean_space("".join(run))
        if t:
            out.append(t)
        run.clear()

    def walk(node):
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                    continue
                run.append(str(child))
            elif isinstance(child, Tag):
                if child.name in ("script", "style", "noscript", "template", "iframe", "button", "select"):
                    continue
                if child.name in BLOCKS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(el)
    flush()
    return out


_ROW_PARTS = ("thead", "tbody", "tfoot")


def _rows(table: Tag) -> list[Tag]:
    rows = table.find_all("tr", recursive=False)
    for part in table.find_all(_ROW_PARTS, recursive=False):
        rows.extend(part.find_all("tr", recursive=False))
    return rows


def _is_layout_table(table: Tag) -> bool:
    """A table that lays out the page (old ASP.NET and portal templates) rather than holding data:
    it nests tables or forms, has a single column, or a cell holding a long text."""
    rows = _rows(table)
    if not rows or table.find(["table", "form", "input", "nav", "iframe"]) is not None:
        return True
    cells = [c for r in rows for c in r.find_all(["td", "th"], recursive=False)]
    if max(len(r.find_all(["td", "th"], recursive=False)) for r in rows) <= 1:
        return True
    return any(len(c.get_text(" ", strip=True)) > 250 for c in cells)


def unwrap_layout_tables(soup: BeautifulSoup) -> None:
    """Turn layout tables into plain blocks, so the extractor sees paragraphs, not table rows; data
    tables (several columns of short cells) stay tables."""
    for table in soup.find_all("table"):
        if not _is_layout_table(table):
            continue
        for row in _rows(table):
            for cell in row.find_all(["td", "th"], recursive=False):
                cell.name = "div"
            row.name = "div"
        for part in table.find_all(_ROW_PARTS, recursive=False):
            part.name = "div"
        table.name = "div"


def _strip_title_suffix(title: str) -> str:
    m = _TITLE_SUFFIX_RE.search(title)
    if m and len(title[:m.start()].split()) >= 4:
        return title[:m.start()].strip()
    return title


def _title(soup: BeautifulSoup, profile: Profile) -> str | None:
    """The profile's selector; else the longest heading the page's <title>/og:title contains (a site
    name in <h1> loses to the article title in <h3>); else the article's h1; else og:title, <title>."""
    if profile.selectors.title:
        el = soup.select_one(profile.selectors.title)
        if el and _clean_space(el.get_text(" ")):
            return _clean_space(el.get_text(" "))
    og = soup.find("meta", attrs={"property": "og:title"})
    page_titles = [_clean_space(og["content"]) if og and og.get("content") else "",
                   _clean_space(soup.title.get_text(" ")) if soup.title else ""]
    page_titles = [t.lower() for t in page_titles if t]
    headings = [_clean_space(h.get_text(" ")) for h in soup.find_all(["h1", "h2", "h3"])]
    headings = [h for h in headings if len(h.split()) >= 3]
    inside = [h for h in headings if any(h.lower() in t for t in page_titles)]
    if inside:
        return max(inside, key=len)
    scope = soup.find("article") or soup.find("main") or soup
    h1 = scope.find("h1") or soup.find("h1")
    if h1 and len(_clean_space(h1.get_text(" ")).split()) >= 3:
        return _clean_space(h1.get_text(" "))
    if og and og.get("content"):
        return _strip_title_suffix(_clean_space(og["content"]))
    if soup.title and soup.title.get_text(strip=True):
        return _strip_title_suffix(_clean_space(soup.title.get_text(" ")))
    return None


def _clean_paragraphs(paras: list[str], title: str | None) -> tuple[list[str], str | None]:
    out: list[str] = []
    tnorm = (title or "").strip().lower()
    for p in paras:
        p = _clean_space(p)
        low = p.lower().rstrip(":")
        if not p:
            continue
        if low in FOOTER_START or low + ":" in FOOTER_START:
            break  # related/other articles follow: not this article's text
        if low in CHROME or (tnorm and low == tnorm):
            continue
        if len(p) < 60 and parse_date_text(p) and not re.search(r"[a-zà-ỹđ]{3,}\s+[a-zà-ỹđ]{3,}\s+[a-zà-ỹđ]{3,}",
                                                                  _strip_date_words(p)):
            continue  # a dateline, not a paragraph
        if out and out[-1] == p:
            continue  # a caption repeated by a lightbox
        out.append(p)
    author = None
    if len(out) > 1:
        last = out[-1].strip(" ()")
        if len(last) <= 40 and len(last.split()) <= 7 and BYLINE_RE.match(last) and not _SOURCE_LINE_RE.match(last):
            author = last
            out.pop()
    return out, author


def _strip_date_words(p: str) -> str:
    return re.sub(r"(?i)thứ\s+\w+|chủ\s+nhật|cập\s+nhật|ngày\s+đăng|gmt", "", p)


def _date(soup: BeautifulSoup, root, html: str, url: str, profile: Profile, title: str | None) -> str | None:
    if profile.selectors.date:
        el = soup.select_one(profile.selectors.date)
        if el:
            d = parse_date_text(_clean_space(el.get_text(" "))) or parse_date_text(el.get("datetime") or "")
            if d:
                return d
    title_el = None
    if title:
        for h in root.iter("h1", "h2"):
            if _clean_space(h.text_content()) == title:
                title_el = h
                break
    lines = find_datelines(root.body if root.find("body") is not None else root, title_el)
    line = best_dateline(lines)
    if title_el is not None and any(d.after_title for d in lines):
        return line  # the dateline printed under the title is what the reader sees
    meta = _htmldate(html, url)
    if line and (meta is None or line[:10] == meta[:10]):
        return line
    return meta or line


def _htmldate(html: str, url: str) -> str | None:
    """htmldate on the page's metadata (meta tags, JSON-LD, <time>, the URL); its extensive search
    over the text is left out: it calls dateparser, seconds a page, and the datelines are read above."""
    try:
        from htmldate import find_date

        return find_date(html, url=url, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - htmldate on a broken page: no date rather than no article
        return None


def _trafilatura(html: str, url: str):
    import trafilatura

    try:
        # metadata off: trafilatura's date search falls back on dateparser (seconds a page); the title,
        # date and author are read here instead
        return trafilatura.bare_extraction(html, url=url, with_metadata=False, include_comments=False,
                                           include_tables=True, deduplicate=False)
    except Exception:  # noqa: BLE001 - an extractor crash on one page is that page's failure only
        return None


def parse_page(html: str, url: str, profile: Profile):
    """The page checked against the limits and cleaned for reading: (soup, its HTML, an lxml tree of it).
    Scripts and the profile's `remove` selectors are dropped, layout tables unwrapped. Raises PageError
    for a page over the limits (`MAX_TAGS`, `MAX_DEPTH`)."""
    _check_size(html, url)
    soup = BeautifulSoup(html, "lxml")
    _check_depth(soup, url)
    for el in soup(["script", "style", "noscript", "template"]):
        el.decompose()
    for sel in profile.selectors.remove:
        for el in soup.select(sel):
            el.decompose()
    unwrap_layout_tables(soup)
    cleaned = str(soup)
    return soup, cleaned, parse_html(cleaned)


def prose_chars(paras: list[str]) -> int:
    """Characters in paragraphs of a sentence or more (12 words): what an article has and a menu has not."""
    return sum(len(p) for p in paras if len(p.split()) >= 12)


def read_article(soup, cleaned: str, root, url: str, profile: Profile,
                 forced: bool = False) -> tuple[Article | None, list[str]]:
    """The article of a page `parse_page` prepared (None when its prose is under the profile's
    `min_chars`; with `forced`, when all its main text is), and the main-text paragraphs it was judged on."""
    method = "trafilatura"
    paras: list[str] = []
    body_el = soup.select_one(profile.selectors.body) if profile.selectors.body else None
    if body_el is not None:
        paras = _block_paragraphs(body_el)
        method = "selectors"
    if not paras or sum(len(p) for p in paras) < profile.min_chars:
        traf = _trafilatura(cleaned, url)
        if traf is not None and getattr(traf, "text", None):
            paras = [p for p in traf.text.split("\n") if p.strip()]
            method = "trafilatura"
    title = _title(soup, profile)
    paras, byline = _clean_paragraphs(paras, title)
    body = "\n\n".join(paras)
    # an article has prose: enough text in paragraphs of a sentence or more (a listing or a menu has
    # titles and links, which trafilatura returns when it finds no main text)
    if (sum(map(len, paras)) if forced else prose_chars(paras)) < profile.min_chars:
        return None, paras
    author = None
    if profile.selectors.author:
        el = soup.select_one(profile.selectors.author)
        author = _clean_space(el.get_text(" ")) if el else None
    if not author and not byline:
        meta = soup.find("meta", attrs={"name": "author"})
        author = _clean_space(meta.get("content", "")) if meta else None
    author = author or byline
    published = _date(soup, root, cleaned, url, profile, title)
    text = f"{title}\n\n{body}" if title else body
    return Article(url=url, canonical=canonical_link(root, url), title=title, text=text, body=body,
                   published=published, author=author or None, method=method), paras


def extract_article(html: str, url: str, profile: Profile) -> Article | None:
    """The article on the page, or None when the page has too little main text to be one. Raises
    PageError for a page over the limits (`MAX_TAGS`, `MAX_DEPTH`). (The crawler judges a page with
    `scrapers.judge.read_page`, which also tells a listing from an article.)"""
    soup, cleaned, root = parse_page(html, url, profile)
    return read_article(soup, cleaned, root, url, profile)[0]
