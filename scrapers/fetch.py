"""The fetch layer: one polite `Fetcher.fetch(url)` for everything the crawler downloads.

Layers, outermost first (each its own module):

    boundary  (boundary.py)   only configured hosts, re-checked on every redirect hop
    robots    (robots.py)     robots.txt obeyed for every hop
    redirects (here)          followed by hand, bounded, loops detected
    retries   (retry.py)      429/5xx/time-outs, Retry-After honoured up to a cap
    cache     (requests-cache) on disk; stale entries revalidated with If-None-Match/If-Modified-Since
    transport (transport.py)  politeness slot per host (throttle.py), peer-address check, size cap,
                              the whole-response deadline checked on every socket read

`fetch` never raises for a network problem: the result says what happened (`error`, `skipped`).
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import requests
from requests_cache import CachedSession

from scrapers.boundary import Blocked, Boundary
from scrapers.retry import RETRY_STATUSES, wait_before_retry
from scrapers.robots import Robots
from scrapers.settings import CrawlConfig
from scrapers.throttle import Throttle
from scrapers.transport import BodyTooLarge, GuardedAdapter, ResponseDeadline
from scrapers.urls import host_key, normalize_url

ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5"
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    headers: dict = field(default_factory=dict)
    content: bytes | None = None
    from_cache: bool = False        # answered from the cache, nothing sent
    not_modified: bool = False      # revalidated: the server answered 304, the cached body is used
    error: str | None = None        # failed: the reason
    skipped: str | None = None      # not fetched on purpose: `robots` or `boundary`
    redirects: list[str] = field(default_factory=list)
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.skipped is None and self.status is not None and 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class WireEntry:
    """One request that really went out (or was refused at the transport)."""
    time: float
    method: str
    url: str
    status: int | None = None
    conditional: bool = False


class FetchStats:
    def __init__(self):
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.skipped: list[tuple[str, str, str]] = []   # (url, robots|boundary, reason)
        self.wire: list[WireEntry] = []

    def add(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.counts[key] += n

    def fail(self, url: str, reason: str) -> None:
        with self._lock:
            self.counts["failed"] += 1
            self.failures.append((url, reason))

    def skip(self, url: str, kind: str, reason: str) -> None:
        with self._lock:
            self.counts[f"skipped_{kind}"] += 1
            self.skipped.append((url, kind, reason))

    def sent(self, entry: WireEntry) -> None:
        with self._lock:
            self.wire.append(entry)
            self.counts["requests"] += 1


class Fetcher:
    def __init__(self, config: CrawlConfig, boundary: Boundary, cache_path: str | Path | None = None):
        self.config = config
        self.boundary = boundary
        self.throttle = Throttle(config.delay)
        self.stats = FetchStats()
        backend_kw = {}
        if cache_path is None:
            backend, name = "memory", "chitieu"
        else:
            Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
            backend, name = "sqlite", str(cache_path)
            backend_kw = {"wal": True, "busy_timeout": 30000}
        self.session = CachedSession(
            name, backend=backend, expire_after=config.cache_expire, cache_control=True,
            allowable_codes=(200, 203), allowable_methods=("GET", "HEAD"), stale_if_error=False,
            match_headers=False, **backend_kw)
        self.session.trust_env = False  # no proxies from the environment: we must see whom we connect to
        self.session.headers.update({"User-Agent": config.user_agent_string, "Accept": ACCEPT,
                                     "Accept-Language": "vi,en;q=0.5"})
        adapter = GuardedAdapter(boundary, self.throttle, config.max_bytes, config.total_timeout,
                                 on_send=self._on_send, on_response=self._on_response,
                                 pool_connections=32, pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.robots = Robots(self._get_robots)

    # -- transport hooks -------------------------------------------------------------------------
    def _on_send(self, request) -> WireEntry:
        cond = "If-None-Match" in request.headers or "If-Modified-Since" in request.headers
        entry = WireEntry(time.monotonic(), request.method, request.url, conditional=cond)
        self.stats.sent(entry)
        return entry

    @staticmethod
    def _on_response(entry: WireEntry | None, resp) -> None:
        if entry is not None:
            entry.status = resp.status_code

    # -- robots ----------------------------------------------------------------------------------
    def _get_robots(self, url: str):
        r = self.fetch(url, check_robots=False, max_bytes=self.config.robots_max_bytes, count=False)
        if r.error and r.status is None:
            return None, None, r.error
        return r.status, r.content, None

    def _robots_allow(self, url: str) -> bool:
        first = not self.robots.known(url)
        ok = self.robots.allowed(url)
        if first:
            delay = self.robots.crawl_delay(url)
            if delay:
                self.throttle.set_delay(host_key(url), min(delay, self.config.crawl_delay_cap))
        return ok

    def close(self) -> None:
        self.session.close()

    # -- the fetch -------------------------------------------------------------------------------
    def fetch(self, url: str, method: str = "GET", data: dict | None = None, check_robots: bool = True,
              max_bytes: int | None = None, count: bool = True) -> FetchResult:
        """Fetch `url` following redirects hop by hop; every hop is checked like the first."""
        url = normalize_url(url) or url
        result = FetchResult(url=url, final_url=url)
        seen = {url}
        current = url
        for hop in range(self.config.max_redirects + 1):
            reason = self.boundary.check_url(current)
            if reason:
                if hop == 0:
                    result.skipped = "boundary"
                    self.stats.skip(current, "boundary", reason)
                else:
                    result.error = f"redirect to {current} refused: {reason}"
                    if count:
                        self.stats.fail(url, result.error)
                return result
            if check_robots and not self._robots_allow(current):
                if hop == 0:
                    result.skipped = "robots"
                    rules = self.robots.rules(current)
                    self.stats.skip(current, "robots", "disallowed by robots.txt" if rules.parser else rules.note)
                else:
                    result.error = f"redirect to {current} is disallowed by robots.txt"
                    if count:
                        self.stats.fail(url, result.error)
                return result
            resp = self._send_with_retries(method, current, data, result, max_bytes)
            if resp is None:
                if count:
                    self.stats.fail(url, result.error)
                return result
            result.status = resp.status_code
            result.headers = {k.lower(): v for k, v in resp.headers.items()}
            result.final_url = current
            if resp.status_code in REDIRECTS and resp.headers.get("Location"):
                nxt = normalize_url(urljoin(current, resp.headers["Location"]))
                if not nxt:
                    result.error = f"redirect to an unusable location {resp.headers['Location']!r}"
                    break
                if nxt in seen:
                    result.error = f"redirect loop: {' -> '.join([*result.redirects, current, nxt])}"
                    break
                seen.add(nxt)
                result.redirects.append(current)
                current = nxt
                if resp.status_code in (301, 302, 303) and method == "POST":
                    method, data = "GET", None
                continue
            result.from_cache = bool(getattr(resp, "from_cache", False)) and not getattr(resp, "revalidated", False)
            result.not_modified = bool(getattr(resp, "revalidated", False))
            if 200 <= resp.status_code < 300:
                result.content = resp.content
            else:
                result.error = f"HTTP {resp.status_code}"
            break
        else:
            result.error = f"more than {self.config.max_redirects} redirects"
        if count:
            if result.error:
                self.stats.fail(url, result.error)
            elif result.from_cache:
                self.stats.add("from_cache")
            elif result.not_modified:
                self.stats.add("not_modified")
            else:
                self.stats.add("fetched")
        return result

    def _send_with_retries(self, method, url, data, result: FetchResult, max_bytes):
        cfg = self.config
        host = host_key(url)
        adapter = self.session.get_adapter(url)
        for attempt in range(cfg.retries + 1):
            result.attempts += 1
            why = None
            try:
                with adapter.cap(max_bytes):
                    resp = self.session.request(method, url, data=data, allow_redirects=False,
                                                timeout=(cfg.connect_timeout, cfg.read_timeout))
            except Blocked as e:
                result.error = f"refused: {e}"
                return None
            except BodyTooLarge as e:
                result.error = f"too large: {e}"
                return None
            except ResponseDeadline as e:  # not retried: each attempt would cost the whole deadline again
                result.error = f"timed out: {e}"
                self.stats.add("timed_out")
                return None
            except requests.Timeout as e:
                why = f"timed out ({type(e).__name__})"
            except requests.ConnectionError as e:
                inner = e.args[0] if e.args else e
                why = "timed out (read)" if "timed out" in str(inner).lower() else f"connection failed: {_short(inner)}"
            except requests.exceptions.ChunkedEncodingError as e:
                # the connection closed before the body's declared length or last chunk: a network drop
                # mid-page, retried like one; the partial body is dropped, never stored
                inner = e.args[0] if e.args else e
                inner = inner.args[0] if getattr(inner, "args", None) and isinstance(inner.args[0], str) else inner
                why = f"connection dropped mid-body ({_short(inner)})"
            except requests.RequestException as e:
                result.error = f"request failed: {_short(e)}"
                return None
            if why is None:
                if resp.status_code not in RETRY_STATUSES:
                    return resp
                wait, how = wait_before_retry(resp.status_code, resp.headers, attempt, cfg.backoff, cfg.retry_after_cap)
                why = f"HTTP {resp.status_code}"
                if wait is None:
                    result.status = resp.status_code
                    result.error = f"HTTP {resp.status_code}: {how}; given up"
                    return None
            else:
                wait, how = wait_before_retry(None, None, attempt, cfg.backoff, cfg.retry_after_cap)
            if attempt == cfg.retries:
                result.error = f"{why} after {attempt + 1} attempts"
                return None
            self.stats.add("retries")
            self.throttle.defer(host, wait)
        return None  # pragma: no cover


def _short(e) -> str:
    s = str(e)
    return s if len(s) < 200 else s[:197] + "…"
