"""The crawler's options: one object, defaults in one place, overridden by a TOML config file.

A config file (`chitieu crawl --config crawl.toml`) has one table, `[crawl]`; every key is optional:

    [crawl]
    contact = "mailto:data-desk@example.org"   # goes into the User-Agent; set it before crawling
    delay = 1.0              # seconds between two requests to the same host (robots Crawl-delay wins if longer)
    concurrency = 4          # hosts fetched at the same time (one request at a time per host)
    retries = 3              # on 429, 5xx, time-outs and dropped connections
    retry_after_cap = 120    # a Retry-After longer than this gives the URL up instead of waiting
    max_bytes = 20000000     # a body longer than this is aborted while streaming
    total_timeout = 120      # a whole response must arrive within this (checked on every socket read)
    site_budget = 0          # seconds a site may take from its first request; 0: no limit
    allow_private = false    # true lets configured hosts resolve to private/loopback addresses (tests)
    cache = "output/http-cache.sqlite"   # default: next to the database
    archive = "output/archive"           # default: next to the database
    profiles = ["my-profiles"]           # extra folders of site profiles (*.toml)

Unknown keys are an error, so a typo does not silently fall back to a default.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

VERSION = "0.1.0"
# Bumped whenever a change to how pages and reports are read can change a stored document's text or
# metadata: a re-crawl re-reads unchanged pages stored with an older reader version.
READER_VERSION = "2"  # 2: scans OCR'd, wrapped PDF lines joined


class ConfigError(ValueError):
    """A config file or site profile that cannot be used: the message names the file and key."""


@dataclass
class CrawlConfig:
    contact: str = ""
    user_agent: str = "chitieu/{version} (+{contact}; Vietnamese provincial statistics research crawler)"
    delay: float = 1.0
    crawl_delay_cap: float = 30.0      # longest robots.txt Crawl-delay we honour
    concurrency: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0       # a whole response (status, headers, body), however slowly it trickles in
    site_budget: float = 0.0           # seconds a site may take from its first request (0: no limit)
    retries: int = 3
    backoff: float = 1.0               # first retry waits this long, then doubles
    retry_after_cap: float = 120.0
    max_redirects: int = 5
    max_bytes: int = 20_000_000
    robots_max_bytes: int = 512_000    # RFC 9309: parse at least 500 KiB
    cache: str | None = None
    cache_expire: int = 0              # 0: keep responses, revalidate (ETag/Last-Modified) on every use
    archive: str | None = None
    allow_private: bool = False
    profiles: list[str] = field(default_factory=list)
    max_depth: int = 3                 # link hops from a start URL for pages that are not articles
    duplicate_distance: int = 18       # simhash bits that may differ between candidate near-duplicates
    duplicate_jaccard: float = 0.6     # shingle overlap that confirms a near-duplicate

    @property
    def user_agent_string(self) -> str:
        contact = self.contact or "contact not configured"
        return self.user_agent.format(version=VERSION, contact=contact)

    def cache_path(self, db_path: str | Path) -> Path:
        return Path(self.cache) if self.cache else Path(db_path).parent / "http-cache.sqlite"

    def archive_path(self, db_path: str | Path) -> Path:
        return Path(self.archive) if self.archive else Path(db_path).parent / "archive"


def read_toml(p: Path) -> dict:
    """A config file's tables, with a ConfigError naming the file when it cannot be read or parsed."""
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{p}: cannot read: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p}: not valid TOML: {e}") from e


def load_config(path: str | Path | None = None, **overrides) -> CrawlConfig:
    """The defaults, then the `[crawl]` table of `path`, then keyword overrides (for tests)."""
    values: dict = {}
    if path:
        p = Path(path)
        data = read_toml(p)
        unknown_tables = set(data) - {"crawl", "monthly"}  # [monthly] is read by `chitieu run --month`
        if unknown_tables:
            raise ConfigError(f"{p}: unknown table(s) {sorted(unknown_tables)}; the options go under [crawl]")
        values.update(data.get("crawl", {}))
    values.update(overrides)
    known = {f.name: f for f in fields(CrawlConfig)}
    unknown = set(values) - set(known)
    if unknown:
        raise ConfigError(f"{path or 'config'}: unknown option(s) {sorted(unknown)}")
    cfg = CrawlConfig(**values)
    for name in ("delay", "connect_timeout", "read_timeout", "total_timeout", "backoff", "retry_after_cap",
                 "site_budget"):
        if float(getattr(cfg, name)) < 0:
            raise ConfigError(f"{path or 'config'}: {name} must not be negative")
    if cfg.concurrency < 1 or cfg.max_bytes < 1 or cfg.retries < 0 or cfg.max_redirects < 0:
        raise ConfigError(f"{path or 'config'}: concurrency and max_bytes must be positive, "
                          "retries and max_redirects not negative")
    return cfg
