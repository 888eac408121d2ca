"""The transport adapter: what happens to every request that really goes on the wire.

requests-cache answers fresh cached responses itself; only the requests it sends reach this adapter,
which (in this order) refuses URLs outside the boundary, waits for the host's politeness slot, connects
through sockets that check their peer address, and reads the body as a stream, aborting it past the
size cap or the total time limit. The body is never held beyond the cap.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable

from requests.adapters import HTTPAdapter
from urllib3.poolmanager import PoolManager

from scrapers.boundary import Blocked, Boundary, guarded_pool_classes
from scrapers.throttle import Throttle
from scrapers.urls import host_key


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


def read_capped(resp, max_bytes: int, deadline: float, chunk: int = 65536) -> None:
    """Read `resp`'s body into `resp._content`, raising past `max_bytes` (decoded) or the deadline."""
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        resp.close()
        raise BodyTooLarge(f"body of {int(declared):,} bytes declared, over the cap of {max_bytes:,}")
    buf = bytearray()
    try:
        for piece in resp.iter_content(chunk):
            buf += piece
            if len(buf) > max_bytes:
                raise BodyTooLarge(f"body over the cap of {max_bytes:,} bytes: aborted after {len(buf):,}")
            if time.monotonic() > deadline:
                raise BodyTooSlow(f"body still arriving after the time limit ({len(buf):,} bytes read)")
    except BaseException:
        resp.close()  # drop the connection: the rest of the body is never read
        raise
    resp._content = bytes(buf)
    resp._content_consumed = True
    try:
        resp.raw.release_conn()
    except Exception:  # noqa: BLE001 - a connection that cannot be reused is simply not reused
        pass


class GuardedAdapter(HTTPAdapter):
    def __init__(self, boundary: Boundary, throttle: Throttle, max_bytes: int, total_timeout: float,
                 on_send: Callable[[object], None] | None = None, on_response: Callable | None = None, **kw):
        self.boundary = boundary
        self.throttle = throttle
        self.max_bytes = max_bytes
        self.total_timeout = total_timeout
        self.on_send = on_send
        self.on_response = on_response
        self._local = threading.local()
        super().__init__(max_retries=0, **kw)

    @contextmanager
    def cap(self, max_bytes: int | None):
        """A different size cap for the requests of this thread inside the block (robots.txt)."""
        old = getattr(self._local, "max_bytes", None)
        self._local.max_bytes = max_bytes
        try:
            yield
        finally:
            self._local.max_bytes = old

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):
        self.poolmanager = PoolManager(num_pools=connections, maxsize=maxsize, block=block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = guarded_pool_classes(self.boundary)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # a proxy would hide the peer address
        raise Blocked("proxies are not used by the crawler")

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        reason = self.boundary.check_url(request.url)
        if reason:
            raise Blocked(reason)
        with self.throttle.slot(host_key(request.url)):
            token = self.on_send(request) if self.on_send else None
            resp = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=None)
            if self.on_response:
                self.on_response(token, resp)
            cap = getattr(self._local, "max_bytes", None) or self.max_bytes
            read_capped(resp, cap, time.monotonic() + self.total_timeout)
            return resp
