"""A site learns its own shape: from the pages of one crawl judged by their content (`scrapers.judge`),
the URL patterns of its articles and of the listings that led to them.

During a crawl the spider asks `SiteShape.article_hint(url)`: once `LEARN_AFTER` articles of a site were
found by their content (their URL not named by the profile), a link shaped like them is fetched as an
article (first, and beyond the listing depth). After the crawl, `profile_toml` writes the proposed site
profile (`chitieu crawl … --write-profile FILE`), in the format of `scrapers/profiles/*.toml`, for a user
to review and keep: with it, the next crawl knows the articles by their URL and fetches only the
listings that led to them.

Inference (`infer_patterns`): the URLs are grouped by shape — number of path segments, trailing slash,
extension, query names, and the literal last segment when the id is in the query (`ChiTietTinTuc.aspx`).
A segment shared by a whole group stays literal, a varying one becomes `\\d+` (digits only) or
`[^/?]+`; a query name whose value varies becomes `name=\\d+`. A pattern that would also match a page
judged a listing or too short is tightened (a varying segment must hold a digit) or dropped.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urljoin, urlsplit

from scrapers.urls import host_key

LEARN_AFTER = 3      # articles found by content before their shape is used as a hint
_EXT = re.compile(r"(\.[A-Za-z0-9]{1,6})$")


@dataclass
class _Parts:
    segments: list[str]
    slash: bool
    ext: str
    query: list[tuple[str, str]]

    @property
    def key(self) -> tuple:
        last = self.segments[-1] if self.segments and self.query else None
        section = self.segments[0] if len(self.segments) > 1 else None  # /tin-tuc/…, /bai-viet/…: one each
        return (len(self.segments), self.slash, self.ext.lower(), tuple(sorted(k.lower() for k, _ in self.query)),
                last, section)


def _parts(url: str) -> _Parts:
    p = urlsplit(url)
    path = p.path or "/"
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    m = _EXT.search(last)
    ext = m.group(1) if m and not path.endswith("/") else ""
    return _Parts(segments, path.endswith("/") and bool(segments), ext, parse_qsl(p.query, keep_blank_values=True))


def _escape(s: str) -> str:
    """`s` as a literal in a pattern, escaping only what a regular expression reads (not `-`)."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", s)


def _segment(values: list[str], ext: str, is_last: bool, digits_only: bool) -> str:
    if len(set(values)) == 1 and not is_last:
        return _escape(values[0])
    stems = [v[: len(v) - len(ext)] if is_last and ext and v.endswith(ext) else v for v in values]
    tail = _escape(ext) if is_last and ext else ""
    if all(s.isdigit() for s in stems):
        return r"\d+" + tail
    if digits_only:
        return r"[^/?]*\d[^/?]*" + tail
    return r"[^/?]+" + tail


def _pattern(group: list[_Parts], tight: bool, literal_path: bool) -> str:
    n = len(group[0].segments)
    ext = group[0].ext
    segs = []
    for i in range(n):
        values = [g.segments[i] for g in group]
        if literal_path or len(set(values)) == 1 and (i < n - 1 or group[0].query):
            # a shared segment, or the page's name (ChiTiet.aspx) when the id is in the query
            segs.append(_escape(values[0]))
        else:
            segs.append(_segment(values, ext, i == n - 1, tight))
    path = "/" + "/".join(segs) + ("/" if group[0].slash else "")
    if literal_path:
        return f"^{path}" + ("/?" if not group[0].slash and n else "") + r"(?:\?.*)?$"
    if not group[0].query:
        return f"^{path}" + r"(?:\?|$)"
    by_key: dict[str, list[str]] = defaultdict(list)
    for g in group:
        for k, v in g.query:
            by_key[k].append(v)
    ids = [k for k, vs in by_key.items() if all(v.isdigit() for v in vs) and (len(set(vs)) > 1 or len(group) == 1)]
    if not ids:
        ids = [k for k, vs in by_key.items() if len(set(vs)) > 1][:1]
        return f"^{path}\\?(?:.*&)?" + "".join(f"{_escape(k)}=[^&]+" for k in ids) if ids else f"^{path}\\?"
    return f"^{path}\\?(?:.*&)?{_escape(ids[0])}=\\d+(?:&|$)"


def infer_patterns(urls: list[str], avoid: list[str] = (), literal_path: bool = False) -> list[str]:
    """Regular expressions (searched in path?query, case-insensitively, as the profiles' are) that match
    every one of `urls` and none of `avoid`; a group whose pattern cannot avoid them gets none."""
    groups: dict[tuple, list[_Parts]] = defaultdict(list)
    for u in sorted(set(urls)):
        p = _parts(u)
        groups[(u,) if literal_path else p.key].append(p)
    avoid_pq = [_path_query(u) for u in avoid]
    out: list[str] = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), str(k))):
        group = groups[key]
        for tight in (False, True):
            pat = _pattern(group, tight, literal_path)
            rx = re.compile(pat, re.IGNORECASE)
            if not any(rx.search(a) for a in avoid_pq):
                if pat not in out:
                    out.append(pat)
                break
    return out


def _path_query(url: str) -> str:
    p = urlsplit(url)
    return (p.path or "/") + (f"?{p.query}" if p.query else "")


@dataclass
class SiteShape:
    """What one crawl saw of a site: each page's verdict, and which pages led to which."""
    name: str
    start_urls: list[str]
    hosts: set[str]
    known_article: object = None                # the profile's classify(url) == "article", for hints
    verdicts: dict[str, str] = field(default_factory=dict)      # url -> article, listing, too_short, refused
    referers: dict[str, str] = field(default_factory=dict)      # url -> the page it was found on
    feeds: set[str] = field(default_factory=set)
    _found: list[str] = field(default_factory=list)         # articles found by content, in order
    _hints: list[re.Pattern] = field(default_factory=list)
    _hinted_at: int = 0

    def record(self, url: str, verdict: str, referer: str | None = None) -> None:
        self.verdicts[url] = verdict
        if referer:
            self.referers.setdefault(url, referer)
        if verdict == "article" and not (self.known_article and self.known_article(url)):
            self._found.append(url)
            # learned again as the articles double (3, 6, 12 …): linear in the pages of the crawl
            if len(self._found) >= max(LEARN_AFTER, 2 * self._hinted_at):
                self._learn()

    def by_content(self) -> list[str]:
        """Articles whose URL the profile did not know as an article's."""
        return [u for u, v in self.verdicts.items() if v == "article"
                and not (self.known_article and self.known_article(u))]

    def not_articles(self) -> list[str]:
        return [u for u, v in self.verdicts.items() if v in ("listing", "too_short", "refused")]

    def _learn(self) -> None:
        found = self.by_content()
        self._hinted_at = len(self._found)
        self._hints = [re.compile(p, re.IGNORECASE) for p in infer_patterns(found, self.not_articles())]

    def article_hint(self, url: str) -> bool:
        """A link shaped like the articles this crawl found by their content."""
        pq = _path_query(url)
        return any(p.search(pq) for p in self._hints)

    def listings(self) -> list[str]:
        """The pages judged listings that led to an article or another listing, and the start URLs."""
        led = {self.referers[u] for u, v in self.verdicts.items() if v in ("article", "listing") and u in self.referers}
        return [u for u, v in self.verdicts.items() if v != "article" and v != "refused" and
                (u in led or u in self.start_urls)] + [u for u in self.start_urls if u not in self.verdicts]

    def profile_toml(self, name: str, min_chars: int = 300) -> str:
        """The proposed site profile, for `--write-profile`."""
        articles = sorted(u for u, v in self.verdicts.items() if v == "article")
        listings = sorted(set(self.listings()))
        counts = Counter(self.verdicts.values())
        article_pats = infer_patterns(articles, self.not_articles())
        listing_pats = infer_patterns(listings, articles, literal_path=True)
        origins = sorted({urljoin(u, "/") for u in self.start_urls})
        feeds = sorted({_path_query(f) for f in self.feeds if any(f.startswith(o) for o in origins)})
        hosts = sorted(self.hosts_of(self.start_urls + articles + listings))
        today = datetime.now(timezone.utc).date().isoformat()
        lines = [
            f"# Proposed by `chitieu crawl --write-profile` on {today}, from a crawl of {', '.join(self.start_urls)}:",
            f"# {counts['article']} page(s) judged articles by their content, {counts['listing']} listing(s), "
            f"{counts['too_short']} too short, {counts['refused']} refused.",
            "# Review it, then keep it in a profiles folder ([crawl] profiles = [\"folder\"]): the next crawl of",
            "# these hosts fetches pages shaped like `article` first and as articles, and of the other pages only",
            "# those shaped like `listing`. Pages are still judged by their content; `force_article` and",
            "# `force_listing` patterns (empty here) decide for the pages they match whatever their content.",
            f"name = {_toml_str(name)}",
            f"description = {_toml_str('Learned from a crawl of ' + ', '.join(origins))}",
            'province = ""          # unknown: found from each document\'s text; set it when the site is one province\'s',
            f"hosts = {_toml_list(hosts)}",
            f"start_urls = {_toml_list(self.start_urls)}",
            f"feeds = {_toml_list(feeds)}",
            "",
            "[urls]",
            f"# the URL shapes of the {counts['article']} article(s): {', '.join(_path_query(u) for u in articles[:3])}"
            + (" …" if len(articles) > 3 else ""),
            f"article = {_toml_list(article_pats, multiline=True)}",
            f"# the {len(listings)} page(s) that led to them (and the start URLs); no other page is fetched",
            f"listing = {_toml_list(listing_pats, multiline=True)}",
            "force_article = []",
            "force_listing = []",
            "",
            "[extract]",
            f"min_chars = {int(min_chars)}",
            "",
        ]
        return "\n".join(lines)

    def hosts_of(self, urls: list[str]) -> set[str]:
        keys = {host_key(u) for u in urls}
        return {k[:-3] if k.endswith(":80") else k[:-4] if k.endswith(":443") else k for k in keys & self.hosts
                or keys}


def _toml_str(s: str) -> str:
    if "'" not in s and "\n" not in s:
        return f"'{s}'"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _toml_list(items, multiline: bool = False) -> str:
    items = [_toml_str(i) for i in items]
    if multiline and items:
        return "[\n" + "".join(f"    {i},\n" for i in items) + "]"
    return "[" + ", ".join(items) + "]"
