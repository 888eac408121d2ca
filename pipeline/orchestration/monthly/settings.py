"""The monthly batch's settings: the `[monthly]` table of a config file, beside the crawler's `[crawl]`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.orchestration.crawl import SINCE_RE
from scrapers.settings import ConfigError, CrawlConfig, load_config, read_toml

MONTH_RE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
DEFAULT_MAX_PAGES = 500        # pages fetched per crawl (304s included); [monthly] max_pages
DEFAULT_SITE_BUDGET = 3600     # seconds one site may take; [monthly] site_budget, else [crawl] site_budget
MONTHLY_KEYS = {"sites": list, "max_pages": int, "first_since": str, "site_budget": (int, float)}


@dataclass
class MonthlySettings:
    crawl: CrawlConfig
    sites: list[str] | None = None      # None: not configured (every site profile, unless --corpus is given)
    max_pages: int = DEFAULT_MAX_PAGES
    first_since: str | None = None      # `since` for a site no successful monthly run has crawled yet
    site_budget: float = DEFAULT_SITE_BUDGET   # seconds a site may take (its queue is dropped after)


def load_settings(path: str | Path | None) -> MonthlySettings:
    """The crawler's `[crawl]` table and the batch's own `[monthly]` table of one config file:

        [monthly]
        sites = ["baohatinh", "baovinhphuc"]   # site profiles crawled every month
        max_pages = 500                         # per crawl
        first_since = "2025-01-01"              # how far back a site's first monthly crawl goes
        site_budget = 3600                      # seconds a site may take (default: [crawl] site_budget, else 3600)
    """
    if not path:
        return MonthlySettings(load_config(None))
    settings = _load(Path(path))
    if settings.site_budget is None:
        settings.site_budget = settings.crawl.site_budget or DEFAULT_SITE_BUDGET
    return settings


def _load(p: Path) -> MonthlySettings:
    data = read_toml(p)
    monthly = data.pop("monthly", None)
    if monthly is None:
        return MonthlySettings(load_config(p), site_budget=None)
    unknown_tables = set(data) - {"crawl"}
    if unknown_tables:
        raise ConfigError(f"{p}: unknown table(s) {sorted(unknown_tables)}; the options go under [crawl] "
                          "and [monthly]")
    try:
        crawl = load_config(None, **data.get("crawl", {}))
    except ConfigError as e:
        raise ConfigError(re.sub(r"^config:", f"{p}:", str(e))) from e
    if not isinstance(monthly, dict):
        raise ConfigError(f"{p}: [monthly] must be a table")
    unknown = set(monthly) - set(MONTHLY_KEYS)
    if unknown:
        raise ConfigError(f"{p}: unknown [monthly] option(s) {sorted(unknown)} (known: {', '.join(MONTHLY_KEYS)})")
    for k, typ in MONTHLY_KEYS.items():
        if k in monthly and not isinstance(monthly[k], typ):
            what = "number" if isinstance(typ, tuple) else typ.__name__
            raise ConfigError(f"{p}: [monthly] {k} must be a {what}")
    sites = monthly.get("sites")
    if sites is not None and not all(isinstance(s, str) for s in sites):
        raise ConfigError(f"{p}: [monthly] sites must be a list of site profile names")
    first = monthly.get("first_since")
    if first is not None and not SINCE_RE.match(first):
        raise ConfigError(f"{p}: [monthly] first_since {first!r}: expected a date as YYYY-MM-DD")
    max_pages = monthly.get("max_pages", DEFAULT_MAX_PAGES)
    if max_pages < 1:
        raise ConfigError(f"{p}: [monthly] max_pages must be positive")
    budget = monthly.get("site_budget")
    if budget is not None and budget <= 0:
        raise ConfigError(f"{p}: [monthly] site_budget must be a positive number of seconds")
    return MonthlySettings(crawl, sites, max_pages, first, budget)
