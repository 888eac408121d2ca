"""URLs: normalization, the host:port key the politeness layers work by, stable document ids."""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "zarsrc", "zalo_", "_gl")


def normalize_url(url: str, base: str | None = None) -> str | None:
    """An absolute http(s) URL without fragment, tracking parameters or default port; None otherwise
    (other schemes, credentials in the URL, unparseable ports)."""
    if url is None:
        return None
    url = url.strip().replace("\\", "/")
    if not url or url.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname or parts.username is not None:
        return None  # user:password@host links are not followed (nor is `site.vn@elsewhere`)
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not k.lower().startswith(TRACKING_PARAMS)]
        if len(kept) != len(pairs):  # re-encode only when something was dropped: servers see what pages link
            query = urlencode(kept, doseq=True, safe=":/$,;@!*'()") if kept else ""
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def host_key(url: str) -> str:
    """`host:port` of a URL, the port explicit: the unit of politeness and of the allowlist."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or DEFAULT_PORTS.get(scheme, 0)
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}"


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def url_id(url: str) -> str:
    """A document id from its canonical URL: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256((normalize_url(url) or url).encode("utf-8")).hexdigest()[:16]
