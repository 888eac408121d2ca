"""Politeness per host: one request at a time, and a pause after each before the next.

`slot(host)` is held for a whole request (headers and body); the next request to that host waits
until `delay` seconds after the previous one finished, or later if a `Retry-After` deferred the host.
Different hosts do not wait for each other.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager


class _Host:
    __slots__ = ("lock", "next_time", "delay")

    def __init__(self, delay: float):
        self.lock = threading.Lock()
        self.next_time = 0.0
        self.delay = delay


class Throttle:
    def __init__(self, delay: float, clock=time.monotonic, sleep=time.sleep):
        self.delay = delay
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def _host(self, host: str) -> _Host:
        with self._lock:
            h = self._hosts.get(host)
            if h is None:
                h = self._hosts[host] = _Host(self.delay)
            return h

    def set_delay(self, host: str, delay: float) -> None:
        self._host(host).delay = max(self.delay, delay)

    def delay_of(self, host: str) -> float:
        return self._host(host).delay

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (Retry-After, backoff)."""
        h = self._host(host)
        h.next_time = max(h.next_time, self._clock() + seconds)

    def ready_at(self, host: str) -> float:
        return self._host(host).next_time

    @contextmanager
    def slot(self, host: str):
        h = self._host(host)
        with h.lock:
            wait = h.next_time - self._clock()
            while wait > 0:
                self._sleep(wait)
                wait = h.next_time - self._clock()
            try:
                yield
            finally:
                h.next_time = max(h.next_time, self._clock() + h.delay)
