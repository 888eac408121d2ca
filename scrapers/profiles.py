"""Site profiles: what a site is (hosts, province, start URLs, feeds) and how to read it (URL patterns,
pagination, selectors), as data files in `scrapers/profiles/*.toml`.

`generic.toml` holds the defaults; a site profile is laid over it key by key (a table merges, a list or
value replaces). `generic` itself is what an unknown site gets. A `Site` is a profile bound to the
start URLs and hosts of one crawl: the hosts are the allowlist of the fetch layer.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scrapers.settings import ConfigError
from scrapers.urls import DEFAULT_PORTS, host_key, normalize_url, path_and_query

PROFILE_DIR = Path(__file__).parent / "profiles"


@dataclass
class Pagination:
    params: re.Pattern            # query parameter names that number pages: page, PageIndex, …_cur
    paths: list[re.Pattern]       # path shapes with a page number as group 1: /page/2, /trang-2
    next_text: set[str]           # link texts of a "next page" link, lower-cased
    postback: bool                # follow ASP.NET WebForms __doPostBack "next" links (a form POST)
    max_pages: int                # listing pages followed per listing


@dataclass
class Selectors:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    body: str | None = None
    remove: list[str] = field(default_factory=list)


@dataclass
class Profile:
    name: str
    description: str
    province: str | None
    hosts: list[str]
    start_urls: list[str]
    feeds: list[str]
    sitemaps: list[str]
    allow_private: bool
    delay: float | None
    article: list[re.Pattern]
    listing: list[re.Pattern]
    exclude: list[re.Pattern]
    report: list[re.Pattern]
    pagination: Pagination
    selectors: Selectors
    min_chars: int
    follow_article_links: bool
    source: str = ""
    force_article: list[re.Pattern] = field(default_factory=list)
    force_listing: list[re.Pattern] = field(default_factory=list)

    def forced(self, url: str) -> str | None:
        """`article` or `listing` when the profile decides what the page at `url` is, whatever its
        content; None when its content decides (`scrapers.judge`)."""
        pq = path_and_query(url)
        if any(p.search(pq) for p in self.force_listing):
            return "listing"
        if any(p.search(pq) for p in self.force_article):
            return "article"
        return None

    def classify(self, url: str) -> str | None:
        """`report`, `article`, `listing` or None (excluded) for an in-site URL: a hint of what the page
        is, to fetch likely articles first and skip what cannot lead to one; what a fetched page is, its
        content decides (`scrapers.judge`), unless `forced`."""
        pq = path_and_query(url)
        if any(p.search(pq) for p in self.report):
            return "report"
        if any(p.search(pq) for p in self.exclude):
            return None
        if any(p.search(pq) for p in self.article):
            return "article"
        if not self.listing or any(p.search(pq) for p in self.listing):
            return "listing"
        return None


@dataclass
class Site:
    """A profile bound to one crawl: its start URLs and the host:port keys it may fetch."""
    profile: Profile
    start_urls: list[str]
    hosts: set[str]               # host:port keys
    allow_private: bool

    @property
    def name(self) -> str:
        return self.profile.name

    def owns(self, url: str) -> bool:
        return host_key(url) in self.hosts


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _compile(patterns: list[str], where: str) -> list[re.Pattern]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as e:
            raise ConfigError(f"{where}: bad pattern {p!r}: {e}") from e
    return out


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read profile: {e}") from e


def profile_paths(extra_dirs: list[str] | None = None) -> dict[str, Path]:
    """Profile name -> file; later folders override earlier ones (yours over the shipped ones)."""
    out: dict[str, Path] = {}
    for d in [PROFILE_DIR, *(Path(x) for x in (extra_dirs or []))]:
        for p in sorted(Path(d).glob("*.toml")):
            out[p.stem] = p
    return out


_KNOWN = {"name", "description", "province", "hosts", "start_urls", "feeds", "sitemaps", "allow_private", "delay",
          "urls", "pagination", "selectors", "extract"}


def load_profile(name: str, extra_dirs: list[str] | None = None) -> Profile:
    paths = profile_paths(extra_dirs)
    if "generic" not in paths:
        raise ConfigError(f"{PROFILE_DIR}: generic.toml is missing")
    data = _read(paths["generic"])
    if name != "generic":
        if name not in paths:
            raise ConfigError(f"no site profile named {name!r} (have: {', '.join(sorted(paths))})")
        over = _read(paths[name])
        unknown = set(over) - _KNOWN
        if unknown:
            raise ConfigError(f"{paths[name]}: unknown key(s) {sorted(unknown)}")
        data = _merge(data, over)
    where = str(paths.get(name, name))
    urls, pag, sel, ext = data.get("urls", {}), data.get("pagination", {}), data.get("selectors", {}), \
        data.get("extract", {})
    return Profile(
        name=name, description=data.get("description", ""), province=data.get("province"),
        hosts=[h.lower() for h in data.get("hosts", [])], start_urls=data.get("start_urls", []),
        feeds=data.get("feeds", []), sitemaps=data.get("sitemaps", []),
        allow_private=bool(data.get("allow_private", False)), delay=data.get("delay"),
        article=_compile(urls.get("article", []), where), listing=_compile(urls.get("listing", []), where),
        exclude=_compile(urls.get("exclude", []), where), report=_compile(urls.get("report", []), where),
        force_article=_compile(urls.get("force_article", []), where),
        force_listing=_compile(urls.get("force_listing", []), where),
        pagination=Pagination(
            params=re.compile(pag.get("params", r"^page$"), re.IGNORECASE),
            paths=_compile(pag.get("paths", []), where),
            next_text={t.strip().lower() for t in pag.get("next_text", [])},
            postback=bool(pag.get("postback", False)), max_pages=int(pag.get("max_pages", 10))),
        selectors=Selectors(title=sel.get("title"), date=sel.get("date"), author=sel.get("author"),
                            body=sel.get("body"), remove=list(sel.get("remove", []))),
        min_chars=int(ext.get("min_chars", 300)), follow_article_links=bool(ext.get("follow_article_links", True)),
        source=where,
    )


def host_keys(host: str) -> set[str]:
    """`baohatinh.vn` -> both default ports; `127.0.0.1:8080` -> that port only."""
    if re.search(r":\d+$", host) and not host.endswith("]"):
        return {host.lower()}
    return {f"{host.lower()}:{p}" for p in DEFAULT_PORTS.values()}


def _sibling(host: str) -> str | None:
    """www.example.vn <-> example.vn: where a site commonly redirects its home page."""
    if re.fullmatch(r"[\d.]+|\[.*\]|localhost", host):
        return None
    return host[4:] if host.startswith("www.") else f"www.{host}"


def _start_keys(url: str) -> set[str]:
    """A start URL's host: both default ports when it names none (http:// may redirect to https://)."""
    parts = urlsplit(url)
    return {host_key(url)} if parts.port else host_keys(host_key(url).rsplit(":", 1)[0])


def match_profile(url: str, extra_dirs: list[str] | None = None) -> str:
    """The name of the profile whose hosts include the URL's host, else `generic`."""
    key = host_key(url)
    for name, path in profile_paths(extra_dirs).items():
        if name == "generic":
            continue
        for h in _read(path).get("hosts", []):
            if key in host_keys(h):
                return name
    return "generic"


def resolve_sites(urls: list[str], site_name: str | None = None, extra_dirs: list[str] | None = None,
                  allow_private: bool = False, warn=None) -> list[Site]:
    """Group start URLs into sites: by `--site` when given, else by the profile owning each host.

    With no URLs, the named profile's start URLs (or every shipped site profile's) are crawled.
    """
    available = profile_paths(extra_dirs)
    if site_name and site_name not in available:
        if warn:
            warn(f"no site profile named {site_name!r}; using the generic profile")
        site_name = "generic"
    if not urls:
        names = [site_name] if site_name else [n for n in available if n != "generic"]
        urls_by_profile = {n: load_profile(n, extra_dirs).start_urls for n in names}
    else:
        urls_by_profile: dict[str, list[str]] = {}
        for u in urls:
            nu = normalize_url(u)
            if not nu:
                raise ConfigError(f"{u}: not an http(s) URL")
            urls_by_profile.setdefault(site_name or match_profile(nu, extra_dirs), []).append(nu)
    sites: list[Site] = []
    for name, starts in urls_by_profile.items():
        profile = load_profile(name, extra_dirs)
        starts = [normalize_url(u) for u in starts if normalize_url(u)]
        if name == "generic":
            # an unknown site per start host: its own allowlist, its own politeness
            by_host: dict[str, list[str]] = {}
            for u in starts:
                by_host.setdefault(host_key(u), []).append(u)
            for key, us in by_host.items():
                hosts = _start_keys(us[0])
                parts = urlsplit(us[0])
                sib = _sibling(parts.hostname or "")
                if sib:
                    hosts |= host_keys(sib if parts.port is None else f"{sib}:{parts.port}")
                sites.append(Site(profile, us, hosts, allow_private or profile.allow_private))
            continue
        hosts: set[str] = set()
        for h in profile.hosts:
            hosts |= host_keys(h)
        for u in starts:
            hosts |= _start_keys(u)
        sites.append(Site(profile, starts, hosts, allow_private or profile.allow_private))
    return sites
