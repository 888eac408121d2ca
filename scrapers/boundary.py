"""The network boundary: which hosts may be fetched, and which addresses may be connected to.

Two checks, both on every request including each redirect hop and robots.txt:

1. the URL's `host:port` must belong to a configured site (`Boundary.allow`) — a page that links to
   another port of the same machine, or to 169.254.169.254, gets nothing fetched;
2. the address the socket actually connected to must be a public one — unless the site allows
   private addresses (`allow_private`, as the tests' fixture sites on 127.0.0.1 do), and even then
   link-local (169.254.0.0/16, fe80::/10: cloud metadata), multicast, unspecified and reserved
   addresses are refused. The check runs on the connected socket's peer address, so a name that
   resolves to a public address when checked and a private one when connected (DNS rebinding) is
   still caught.
"""
from __future__ import annotations

import ipaddress
import threading
from urllib.parse import urlsplit

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from scrapers.urls import host_key


class Blocked(Exception):
    """A request the boundary refused; nothing was sent."""


def address_class(ip: str) -> str:
    """`public`, `private` (private, loopback, shared) or `forbidden` (link-local, multicast, …)."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if addr.is_link_local or addr.is_multicast or addr.is_unspecified or addr.is_reserved:
        return "forbidden"
    if addr.is_global:
        return "public"
    return "private"


class Boundary:
    def __init__(self):
        self._hosts: dict[str, bool] = {}   # host:port -> allow_private
        self._lock = threading.Lock()

    def allow(self, keys: set[str], allow_private: bool = False) -> None:
        with self._lock:
            for k in keys:
                self._hosts[k] = self._hosts.get(k, False) or allow_private

    @property
    def hosts(self) -> set[str]:
        return set(self._hosts)

    def check_url(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"scheme {parts.scheme or '(none)'} not fetched"
        if parts.username or parts.password:
            return "URL with credentials not fetched"
        key = host_key(url)
        if key not in self._hosts:
            return f"host {key} is not one of the configured sites"
        host = (parts.hostname or "").strip("[]")
        try:
            cls = address_class(host)
        except ValueError:
            return None  # a name: checked when connected
        return self._refusal(key, host, cls)

    def check_address(self, host: str, port: int, ip: str) -> str | None:
        """Why a connection to `host:port` that reached `ip` must be dropped, or None."""
        h = host.strip("[]").lower()
        key = f"[{h}]:{port}" if ":" in h else f"{h}:{port}"
        return self._refusal(key, ip, address_class(ip))

    def _refusal(self, key: str, ip: str, cls: str) -> str | None:
        if cls == "public":
            return None
        if cls == "forbidden":
            return f"{key} is at {ip}, a link-local/multicast/reserved address: never fetched"
        if self._hosts.get(key):
            return None
        return f"{key} is at {ip}, a private or loopback address, and its site does not allow private addresses"


def guarded_pool_classes(boundary: Boundary, on_connect=None) -> dict:
    """urllib3 pool classes whose connections check the peer address right after connecting; the
    connected socket (TLS-wrapped for https) is then passed through `on_connect`, if given."""

    def guard(conn, sock):
        try:
            peer = sock.getpeername()[0]
        except OSError:
            sock.close()
            raise
        reason = boundary.check_address(conn.host, conn.port, peer)
        if reason:
            sock.close()
            raise Blocked(reason)
        return sock

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self):
            return guard(self, super()._new_conn())

        def connect(self):
            super().connect()
            if on_connect is not None and self.sock is not None:
                self.sock = on_connect(self.sock)

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self):
            return guard(self, super()._new_conn())

        def connect(self):
            super().connect()
            if on_connect is not None and self.sock is not None:
                self.sock = on_connect(self.sock)

    http_pool = type("GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": GuardedHTTPConnection})
    https_pool = type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": GuardedHTTPSConnection})
    return {"http": http_pool, "https": https_pool}
