"""The transport adapter: what happens to every request that really goes on the wire.

requests-cache answers fresh cached responses itself; only the requests it sends reach this adapter,
which (in this order) refuses URLs outside the boundary, waits for the host's politeness slot, connects
through sockets that check their peer address, and reads the body as a stream, aborting it past the
size cap. The body is never held beyond the cap.

The whole-response deadline (`total_timeout`): from the moment the request is sent, the status line,
headers and body must all have arrived within it. Every socket the crawler opens checks the clock on
every read, however small, and lowers its own timeout to what is left of the deadline, so a server that
drips one byte at a time (each byte well inside the read timeout) holds a page for the deadline at most,
and a silent one for the read timeout or the deadline, whichever comes first. A response past its
deadline raises `ResponseDeadline`, which the fetch layer does not retry: retrying would double the cost.
"""
from __future__ import annotations

import socket
import ssl
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


class ResponseDeadline(Exception):
    """The response did not arrive whole within `total_timeout` (the message names the deadline)."""



_deadline = threading.local()     # .at (monotonic), .total (s), .read (the read timeout), .got (bytes)


def _arm(sock) -> None:
    """Before a read of `sock`: fail past the deadline, else let the read wait no longer than what is left."""
    at = getattr(_deadline, "at", None)
    if at is None:
        return
    left = at - time.monotonic()
    if left <= 0:
        raise _past_deadline()
    read = _deadline.read
    socket.socket.settimeout(sock, left if read is None else min(read, left))


def _past_deadline() -> ResponseDeadline:
    return ResponseDeadline(f"the response took longer than the deadline of {_deadline.total:g} s "
                            f"(total_timeout); {_deadline.got:,} bytes had arrived")


def _timed(sock, read, args, kwargs):
    """One read of `sock` under the deadline: a wait cut short by it is the deadline's failure."""
    _arm(sock)
    try:
        out = read(*args, **kwargs)
    except (socket.timeout, TimeoutError):
        at = getattr(_deadline, "at", None)
        if at is not None and time.monotonic() >= at - 0.01:
            raise _past_deadline() from None
        raise
    n = len(out) if isinstance(out, (bytes, bytearray)) else out
    if isinstance(n, int) and n > 0 and getattr(_deadline, "at", None) is not None:
        _deadline.got += n
    return out


class _DeadlineReads:
    """Reads that check the current request's deadline (mixed into a socket class swapped in)."""
    __slots__ = ()

    def recv(self, *a, **kw):
        return _timed(self, super().recv, a, kw)

    def recv_into(self, *a, **kw):
        return _timed(self, super().recv_into, a, kw)


class _DeadlineSocket(_DeadlineReads, socket.socket):
    __slots__ = ()


class _DeadlineSSLSocket(_DeadlineReads, ssl.SSLSocket):
    """A TLS socket: its reads never reach the plain socket's methods."""

    def read(self, *a, **kw):
        return _timed(self, super().read, a, kw)


def deadline_socket(sock):
    """`sock`, reading under the deadline of the request the current thread is making."""
    if isinstance(sock, ssl.SSLSocket):
        if type(sock) is ssl.SSLSocket:
            sock.__class__ = _DeadlineSSLSocket
    elif type(sock) is socket.socket:
        sock.__class__ = _DeadlineSocket
    return sock


@contextmanager
def response_deadline(total: float, read_timeout: float | None):
    """Reads of this thread's sockets inside the block must end within `total` seconds from now."""
    _deadline.at, _deadline.total, _deadline.read, _deadline.got = time.monotonic() + total, total, read_timeout, 0
    try:
        yield
    finally:
        _deadline.at = None


def read_capped(resp, max_bytes: int, deadline: float, chunk: int = 65536) -> None:
    """Read `resp`'s body into `resp._content`, raising past `max_bytes` (decoded) or the deadline (the
    sockets check it on every read; this checks it again between pieces)."""
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
                total = getattr(_deadline, "total", None)
                raise ResponseDeadline(f"the response took longer than the deadline"
                                       f"{f' of {total:g} s' if total else ''} (total_timeout); "
                                       f"{len(buf):,} bytes of body read")
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
        self.poolmanager.pool_classes_by_scheme = guarded_pool_classes(self.boundary, on_connect=deadline_socket)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # a proxy would hide the peer address
        raise Blocked("proxies are not used by the crawler")

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        reason = self.boundary.check_url(request.url)
        if reason:
            raise Blocked(reason)
        read_timeout = timeout[1] if isinstance(timeout, tuple) else timeout
        with self.throttle.slot(host_key(request.url)):
            token = self.on_send(request) if self.on_send else None
            with response_deadline(self.total_timeout, read_timeout):
                started = time.monotonic()
                resp = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=None)
                if self.on_response:
                    self.on_response(token, resp)
                cap = getattr(self._local, "max_bytes", None) or self.max_bytes
                read_capped(resp, cap, started + self.total_timeout)
            return resp
