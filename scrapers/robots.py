"""robots.txt: fetched once per host (through the same fetch layer, so cached and revalidated), obeyed
for every URL and redirect hop, its Crawl-delay honoured (up to a cap) and its Sitemap lines offered to
discovery.

Read as RFC 9309 says: the group of our product token (`chitieu`) if there is one, else `*`; the
longest matching path rule wins, `Allow` on a tie; `*` and `$` in paths. (Python's `urllib.robotparser`
takes the first matching rule instead, so `Allow: /` above `Disallow: /admin/` would let /admin/ in.)
A robots.txt that is missing or forbidden (4xx) allows everything; one that cannot be fetched (5xx,
time-out, refused) disallows everything on that host for this crawl.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote, unquote, urlsplit

from scrapers.urls import host_key

AGENT = "chitieu"


def _norm_path(path: str) -> str:
    """Percent-encoding made canonical, so /tin%2Dtuc and /tin-tuc compare equal."""
    return quote(unquote(path), safe="/?&=:;,+$*!@'()~%-._")


@dataclass
class Rule:
    allow: bool
    path: str
    regex: re.Pattern

    @classmethod
    def of(cls, allow: bool, path: str) -> "Rule":
        p = _norm_path(path)
        body = re.escape(p.rstrip("$") if p.endswith("$") else p).replace(r"\*", ".*")
        return cls(allow, p, re.compile(body + ("$" if p.endswith("$") else "")))


@dataclass
class RobotsFile:
    rules: list[Rule]
    crawl_delay: float | None
    sitemaps: list[str]

    @classmethod
    def parse(cls, text: str, agent: str = AGENT) -> "RobotsFile":
        groups: list[tuple[list[str], list[Rule], float | None]] = []
        sitemaps: list[str] = []
        agents: list[str] = []
        in_rules = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (x.strip() for x in line.split(":", 1))
            key = key.lower()
            if key == "sitemap":
                if value:
                    sitemaps.append(value)
            elif key in ("user-agent", "useragent"):
                if in_rules or not groups:
                    groups.append(([], [], None))
                    in_rules = False
                groups[-1][0].append(value.lower())
            elif key in ("allow", "disallow") and groups:
                in_rules = True
                if value:
                    groups[-1][1].append(Rule.of(key == "allow", value))
            elif key == "crawl-delay" and groups:
                in_rules = True
                try:
                    groups[-1] = (groups[-1][0], groups[-1][1], float(value))
                except ValueError:
                    pass
        mine = [g for g in groups if any(a != "*" and a in agent.lower() for a in g[0])]
        chosen = mine or [g for g in groups if "*" in g[0]]
        rules = [r for g in chosen for r in g[1]]
        delays = [g[2] for g in chosen if g[2] is not None]
        return cls(rules, max(delays) if delays else None, sitemaps)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        target = _norm_path((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        if target == "/robots.txt":
            return True
        best: Rule | None = None
        for r in self.rules:
            if r.regex.match(target) and (best is None or len(r.path) > len(best.path)
                                          or (len(r.path) == len(best.path) and r.allow)):
                best = r
        return best is None or best.allow


@dataclass
class HostRules:
    parser: RobotsFile | None           # None: the whole host is allowed or refused, see `allow_all`
    allow_all: bool
    note: str
    sitemaps: list[str] = field(default_factory=list)
    crawl_delay: float | None = None


class Robots:
    def __init__(self, get: Callable[[str], tuple[int | None, bytes | None, str | None]], agent: str = AGENT):
        """`get(url)` returns (status, body, error) without consulting robots itself."""
        self._get = get
        self.agent = agent
        self._rules: dict[str, HostRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules(self, url: str) -> HostRules:
        key = host_key(url)
        with self._lock:
            if key in self._rules:
                return self._rules[key]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules:
                self._rules[key] = self._load(url)
            return self._rules[key]

    def _load(self, url: str) -> HostRules:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        status, body, error = self._get(robots_url)
        if error is not None or status is None:
            return HostRules(None, False, f"robots.txt unreachable ({error}): host skipped")
        if 400 <= status < 500:
            return HostRules(None, True, f"no robots.txt (HTTP {status})")
        if status >= 500 or status < 200 or status >= 300:
            return HostRules(None, False, f"robots.txt answered HTTP {status}: host skipped")
        text = (body or b"").decode("utf-8", errors="replace").lstrip("\ufeff")
        parsed = RobotsFile.parse(text, self.agent)
        return HostRules(parsed, True, "robots.txt read", parsed.sitemaps, parsed.crawl_delay)

    def allowed(self, url: str) -> bool:
        r = self.rules(url)
        if r.parser is None:
            return r.allow_all
        return r.parser.allowed(url)

    def sitemaps(self, url: str) -> list[str]:
        return self.rules(url).sitemaps

    def crawl_delay(self, url: str) -> float | None:
        return self.rules(url).crawl_delay

    def known(self, url: str) -> bool:
        return host_key(url) in self._rules
