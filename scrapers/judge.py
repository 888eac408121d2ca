"""What a fetched page is, judged by its content whatever its URL: an article, a listing, too short, or
refused.

- **refused**: over the reader's limits (`article.MAX_TAGS`, `article.MAX_DEPTH`); nothing of it is read
  and none of its links is followed.
- **article**: a title, and main text (trafilatura's, or the profile's body selector) with at least the
  profile's `min_chars` of prose — paragraphs of a sentence or more — that reads on from prose rather than
  from links: at least half of the main prose is paragraphs that follow other text, not the snippet under
  a linked title.
- **listing**: a page mostly of links to titled pages, and no article: at least `LISTING_LINKS` blocks
  that are a linked title of five words or more, or two with more text in linked titles than in prose.
- **too short**: neither: a stub, an empty or error page, a notice of a few lines.

The page's blocks are read in document order (`blocks`): each is the text of one block element, with the
share of it inside links. A linked title is a block mostly of link text holding a link of five words or
more; the snippet of a listing follows one, the paragraphs of an article follow each other. URL patterns
are only hints (which links to fetch first, which to skip); a profile's `force_article` and
`force_listing` patterns decide for the pages they match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import NavigableString, Tag

from scrapers import article
from scrapers.article import BLOCKS, Article, PageError
from scrapers.profiles import Profile

JUDGE_VERSION = "1"       # bumped when a change can change a verdict: stored verdicts are then judged again
LISTING_LINKS = 3          # linked titles that make a page without an article a listing
TITLE_WORDS = 5            # words of a link text that reads as an article's title
_SKIP = {"script", "style", "noscript", "template", "iframe", "button", "select", "option"}
_SPACE = re.compile(r"\s+")


@dataclass
class Block:
    text: str
    link_chars: int
    title_link: bool           # holds a link of TITLE_WORDS words or more

    @property
    def words(self) -> int:
        return _words(self.text)

    @property
    def is_link(self) -> bool:
        return self.title_link and self.link_chars >= 0.5 * len(self.text)

    @property
    def is_prose(self) -> bool:
        return self.words >= 12 and self.link_chars < 0.3 * len(self.text)


@dataclass
class Verdict:
    kind: str                          # article, listing, too_short, refused
    reason: str
    article: Article | None = None
    stats: dict = field(default_factory=dict)


def _words(s: str) -> int:
    """Words of `s`, not counting lone punctuation (`Tin tức - Sự kiện` has four)."""
    return sum(1 for w in s.split() if any(c.isalnum() for c in w))


def _norm(s: str) -> str:
    return _SPACE.sub(" ", s.replace("\u00a0", " ")).strip().lower()


def blocks(root: Tag) -> list[Block]:
    """The text of each block element under `root` in document order, with its link text."""
    out: list[Block] = []
    pieces: list[tuple[str, bool, bool]] = []   # text, inside a link, inside a link of a title's length

    def flush():
        text = _SPACE.sub(" ", "".join(t for t, _, _ in pieces)).strip()
        if text:
            link = sum(len(t.strip()) for t, in_link, _ in pieces if in_link)
            out.append(Block(text, min(link, len(text)), any(t.strip() and titled for t, _, titled in pieces)))
        pieces.clear()

    def walk(node, in_link: bool, titled: bool):
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                    continue
                pieces.append((str(child), in_link, titled))
            elif isinstance(child, Tag):
                if child.name in _SKIP:
                    continue
                link, title = in_link, titled
                if child.name == "a":
                    href = (child.get("href") or "").strip().lower()
                    if href and not href.startswith(("#", "javascript:")):
                        link = True
                        title = title or _words(child.get_text(" ")) >= TITLE_WORDS
                if child.name in BLOCKS:
                    flush()
                    walk(child, link, title)
                    flush()
                else:
                    walk(child, link, title)

    walk(root, False, False)
    flush()
    return out


def _reading(bs: list[Block], main: list[str]) -> tuple[int, int]:
    """(prose that reads on from text, prose that follows a linked title) among the page's prose blocks —
    those of the main text when they can be found in it."""
    wanted = {_norm(p) for p in main if len(p.split()) >= 12}
    prose = [i for i, b in enumerate(bs) if b.is_prose]
    # a block is in the main text when it is one of its paragraphs, or holds one (the containment test is
    # left out on pages of very many paragraphs, to keep a page's cost linear)
    contained = len(wanted) <= 200
    in_main = []
    for i in prose:
        text = _norm(bs[i].text)
        if text in wanted or contained and any(w in text for w in wanted):
            in_main.append(i)
    chosen = set(in_main or prose)
    chained = snippets = 0
    last = None  # the last block that was prose, a linked title or a line of text
    for i, b in enumerate(bs):
        if b.is_link:
            last = "link"
        elif b.is_prose:
            if i in chosen:
                if last == "link":
                    snippets += len(b.text)
                else:
                    chained += len(b.text)
            last = "prose"
        elif b.words >= TITLE_WORDS:
            last = "text"  # a heading or a line of text: what follows reads on from it
    return chained, snippets


def read_page(html: str, url: str, profile: Profile) -> Verdict:
    """The verdict on one fetched HTML page, with its article when it is one."""
    try:
        soup, cleaned, root = article.parse_page(html, url, profile)
    except PageError as e:
        return Verdict("refused", str(e))
    forced = profile.forced(url)
    if forced == "listing":
        return Verdict("listing", "the site profile makes it a listing (force_listing)")
    body = soup.body or soup
    bs = blocks(body)
    links = sum(1 for b in bs if b.is_link)
    link_text = sum(len(b.text) for b in bs if b.is_link)
    art, paras = article.read_article(soup, cleaned, root, url, profile, forced=forced == "article")
    prose = article.prose_chars(paras)
    chained, snippets = _reading(bs, paras)
    stats = {"prose_chars": prose, "linked_titles": links, "prose_after_text": chained, "prose_after_links": snippets}
    if art is not None and not art.title:
        art = None
        why_not = "no title"
    else:
        why_not = ""
    if art is not None and (forced == "article" or chained >= snippets):
        dated = f", dated {art.published[:10]}" if art.published else ", undated"
        how = " (force_article)" if forced == "article" else ""
        return Verdict("article", f"{prose:,} characters of prose{dated}{how}", art, stats)
    if art is not None:
        return Verdict("listing", f"{links} linked titles; its prose is their snippets "
                                  f"({snippets:,} characters after links, {chained:,} reading on)", None, stats)
    if forced != "article" and (links >= LISTING_LINKS or links >= 2 and link_text > prose):
        return Verdict("listing", f"{links} linked titles, {prose:,} characters of prose", None, stats)
    if why_not:
        return Verdict("too_short", f"{why_not}: {prose:,} characters of prose", None, stats)
    return Verdict("too_short", f"{prose:,} characters of prose in sentences (an article needs "
                                f"{profile.min_chars:,})", None, stats)
