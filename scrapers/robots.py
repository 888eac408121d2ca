"""robots.txt: fetched once per host (through the same fetch layer, so cached and revalidated), obeyed
for every URL and redirect hop, its Crawl-delay honoured (up to a cap) and its Sitemap lines offered to
discovery.

As RFC 9309 says: a robots.txt that is missing or forbidden (4xx) allows everything; one that cannot be
fetched (5xx, time-out, refused) disallows everything on that host for this crawl.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from scrapers.urls import host_key

AGENT = "chitieu"


@dataclass
class HostRules:
    parser: RobotFileParser | None      # None: the whole host is allowed or refused, see `allow_all`
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
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.agent)
        try:
            delay = float(delay) if delay is not None else None
        except (TypeError, ValueError):
            delay = None
        return HostRules(parser, True, "robots.txt read", list(parser.site_maps() or []), delay)

    def allowed(self, url: str) -> bool:
        r = self.rules(url)
        if r.parser is None:
            return r.allow_all
        return r.parser.can_fetch(self.agent, url)

    def sitemaps(self, url: str) -> list[str]:
        return self.rules(url).sitemaps

    def crawl_delay(self, url: str) -> float | None:
        return self.rules(url).crawl_delay

    def known(self, url: str) -> bool:
        return host_key(url) in self._rules
