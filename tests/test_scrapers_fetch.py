"""The fetch layer against real servers on 127.0.0.1, asserted from the servers' own request logs:
User-Agent, robots.txt, per-host delay, retries (500, 429 + Retry-After), time-outs, size cap,
redirect bounds, the network boundary, and the on-disk cache's conditional requests."""
import threading
import time

import pytest

from scrapers.boundary import Boundary
from scrapers.fetch import Fetcher
from scrapers.profiles import host_keys
from scrapers.settings import load_config
from sitefixtures import FixtureServer, fail_then, huge_body, redirect, silent

PAGE = "<html><head><title>t</title></head><body><p>Nội dung trang.</p></body></html>"


@pytest.fixture
def site():
    s = FixtureServer("site").start()
    s.page("/robots.txt", "User-agent: *\nDisallow: /noi-bo/\n", "text/plain")
    yield s
    s.stop()


@pytest.fixture
def other():
    """Another server on 127.0.0.1 that no crawl is configured for: its log must stay empty."""
    s = FixtureServer("other").start()
    s.page("/secret", "<html>secret</html>")
    yield s
    s.stop()


def make_fetcher(server, tmp_path, allow_private=True, **options):
    opts = dict(contact="mailto:test@example.org", delay=0.05, retries=2, backoff=0.05, read_timeout=2.0,
                connect_timeout=1.0, retry_after_cap=5)
    opts.update(options)
    boundary = Boundary()
    boundary.allow(host_keys(f"127.0.0.1:{server.port}"), allow_private=allow_private)
    return Fetcher(load_config(None, **opts), boundary, tmp_path / "cache.sqlite")


def requests_to(server, path):
    return [h for h in server.hits if h.path == path]


def test_user_agent_names_chitieu_and_the_contact(site, tmp_path):
    site.page("/", PAGE)
    f = make_fetcher(site, tmp_path)
    assert f.fetch(site.url + "/").ok
    for hit in site.hits:
        assert "chitieu/" in hit.headers["user-agent"] and "mailto:test@example.org" in hit.headers["user-agent"]


def test_robots_txt_is_read_once_and_obeyed(site, tmp_path):
    site.page("/a", PAGE)
    site.page("/noi-bo/tai-lieu", PAGE)
    f = make_fetcher(site, tmp_path)
    assert f.fetch(site.url + "/a").ok
    r = f.fetch(site.url + "/noi-bo/tai-lieu")
    assert r.skipped == "robots" and r.content is None
    assert f.fetch(site.url + "/a").ok
    assert site.paths() == ["/robots.txt", "/a", "/a"]
    assert f.stats.counts["skipped_robots"] == 1


def test_a_redirect_into_a_disallowed_path_is_not_followed(site, tmp_path):
    site.route("/go", redirect("/noi-bo/x"))
    f = make_fetcher(site, tmp_path)
    r = f.fetch(site.url + "/go")
    assert not r.ok and "robots.txt" in r.error
    assert "/noi-bo/x" not in site.paths()


def test_unreachable_robots_txt_skips_the_host(tmp_path):
    with FixtureServer("down") as s:
        s.route("/robots.txt", lambda srv, h, hit: srv.respond(h, hit, 503, b"down"))
        s.page("/", PAGE)
        f = make_fetcher(s, tmp_path, retries=1)
        r = f.fetch(s.url + "/")
        assert r.skipped == "robots"
        assert set(s.paths()) == {"/robots.txt"}


def test_per_host_delay_kept_between_requests(site, tmp_path):
    for i in range(5):
        site.page(f"/p{i}", PAGE)
    f = make_fetcher(site, tmp_path, delay=0.2)
    for i in range(5):
        assert f.fetch(f"{site.url}/p{i}").ok
    times = [h.t for h in site.hits]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 5 and min(gaps) >= 0.19, gaps


def test_per_host_delay_kept_across_threads(site, tmp_path):
    for i in range(6):
        site.page(f"/p{i}", PAGE)
    f = make_fetcher(site, tmp_path, delay=0.15)
    threads = [threading.Thread(target=f.fetch, args=(f"{site.url}/p{i}",)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(h.t for h in site.hits)
    assert len(times) == 7  # robots.txt and six pages
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.14


def test_a_500_is_retried_and_recovers(site, tmp_path):
    site.route("/flaky", fail_then(PAGE, failures=2, status=500))
    f = make_fetcher(site, tmp_path)
    r = f.fetch(site.url + "/flaky")
    assert r.ok and b"N\xe1\xbb\x99i dung" in r.content and r.attempts == 3
    assert [h.status for h in requests_to(site, "/flaky")] == [500, 500, 200]
    assert f.stats.counts["retries"] == 2


def test_a_429_waits_for_retry_after(site, tmp_path):
    site.route("/busy", fail_then(PAGE, failures=1, status=429, headers={"Retry-After": "1"}))
    f = make_fetcher(site, tmp_path)
    assert f.fetch(site.url + "/busy").ok
    first, second = requests_to(site, "/busy")
    assert first.status == 429 and second.status == 200
    assert second.t - first.t >= 0.99


def test_a_retry_after_beyond_the_cap_gives_the_url_up(site, tmp_path):
    site.route("/later", fail_then(PAGE, failures=5, status=503, headers={"Retry-After": "3600"}))
    f = make_fetcher(site, tmp_path, retry_after_cap=5)
    t0 = time.monotonic()
    r = f.fetch(site.url + "/later")
    assert not r.ok and "3600" in r.error and "cap" in r.error
    assert len(requests_to(site, "/later")) == 1 and time.monotonic() - t0 < 2


def test_a_page_that_never_answers_times_out(site, tmp_path):
    site.route("/silent", silent)
    f = make_fetcher(site, tmp_path, read_timeout=0.3, retries=1)
    t0 = time.monotonic()
    r = f.fetch(site.url + "/silent")
    assert not r.ok and "timed out" in r.error and r.attempts == 2
    assert len(requests_to(site, "/silent")) == 2
    assert time.monotonic() - t0 < 3
    assert ("http://127.0.0.1:%d/silent" % site.port, r.error) in f.stats.failures


@pytest.mark.parametrize("declared", [False, True], ids=["chunked", "content-length"])
def test_a_50_mb_body_is_aborted_at_the_cap(site, tmp_path, declared):
    site.route("/huge", huge_body(50 * 1024 * 1024, declare_length=declared))
    f = make_fetcher(site, tmp_path, max_bytes=1_000_000)
    r = f.fetch(site.url + "/huge")
    assert not r.ok and r.content is None and "too large" in r.error and "1,000,000" in r.error
    time.sleep(0.2)  # let the server notice the closed connection
    (hit,) = requests_to(site, "/huge")
    assert hit.sent < 20 * 1024 * 1024, f"server sent {hit.sent:,} bytes before the client hung up"
    assert len(requests_to(site, "/huge")) == 1  # no retry of a body that is too large


def test_a_redirect_loop_is_detected_and_bounded(site, tmp_path):
    site.route("/loop-a", redirect("/loop-b"))
    site.route("/loop-b", redirect("/loop-a"))
    for i in range(10):
        site.route(f"/chain{i}", redirect(f"/chain{i + 1}"))
    site.page("/chain10", PAGE)
    f = make_fetcher(site, tmp_path, max_redirects=5)
    r = f.fetch(site.url + "/loop-a")
    assert "redirect loop" in r.error
    assert site.paths().count("/loop-a") == 1 and site.paths().count("/loop-b") == 1
    r = f.fetch(site.url + "/chain0")
    assert "more than 5 redirects" in r.error
    assert [p for p in site.paths() if p.startswith("/chain")] == [f"/chain{i}" for i in range(6)]


def test_a_redirect_within_the_site_is_followed(site, tmp_path):
    site.route("/old", redirect("/new", 301))
    site.page("/new", PAGE)
    r = make_fetcher(site, tmp_path).fetch(site.url + "/old")
    assert r.ok and r.final_url == site.url + "/new" and r.redirects == [site.url + "/old"]


def test_redirects_to_another_port_or_the_metadata_address_are_refused(site, other, tmp_path):
    site.route("/to-port", redirect(other.url + "/secret"))
    site.route("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"))
    f = make_fetcher(site, tmp_path)
    r1 = f.fetch(site.url + "/to-port")
    r2 = f.fetch(site.url + "/to-metadata")
    assert "refused" in r1.error and f"127.0.0.1:{other.port}" in r1.error
    assert "refused" in r2.error and "169.254.169.254" in r2.error
    assert other.hits == []
    assert all(e.url.startswith(site.url) for e in f.stats.wire)


def test_urls_outside_the_configured_sites_are_never_fetched(site, other, tmp_path):
    f = make_fetcher(site, tmp_path)
    for url in (other.url + "/secret", "http://169.254.169.254/latest/meta-data/", "http://[::1]:%d/" % site.port,
                "ftp://127.0.0.1/", f"http://user:pw@127.0.0.1:{site.port}/"):
        r = f.fetch(url)
        assert r.skipped == "boundary" or r.error, url
    assert other.hits == [] and site.hits == []
    assert f.stats.wire == []


def test_a_name_that_resolves_to_loopback_is_refused_unless_the_site_allows_private(site, tmp_path):
    site.page("/", PAGE)
    boundary = Boundary()
    boundary.allow(host_keys(f"localhost:{site.port}"), allow_private=False)
    f = Fetcher(load_config(None, delay=0.01, retries=0), boundary, tmp_path / "c1.sqlite")
    r = f.fetch(f"http://localhost:{site.port}/")
    assert r.skipped == "robots"  # robots.txt itself was refused, so the host is skipped
    ((url, kind, reason),) = f.stats.skipped
    assert "private or loopback" in reason and "127.0.0.1" in reason
    r = f.fetch(f"http://localhost:{site.port}/", check_robots=False)
    assert not r.ok and "private or loopback" in r.error
    assert site.hits == []  # refused on the connected socket's peer address, before a byte was sent
    boundary.allow(host_keys(f"localhost:{site.port}"), allow_private=True)
    f = Fetcher(load_config(None, delay=0.01, retries=0), boundary, tmp_path / "c2.sqlite")
    assert f.fetch(f"http://localhost:{site.port}/").ok


def test_link_local_addresses_are_refused_even_when_private_ones_are_allowed():
    b = Boundary()
    b.allow({"169.254.169.254:80", "[fe80::1]:80", "127.0.0.1:80"}, allow_private=True)
    assert "link-local" in b.check_url("http://169.254.169.254/latest/meta-data/")
    assert "link-local" in b.check_url("http://[fe80::1]/")
    assert b.check_url("http://127.0.0.1/") is None
    assert "link-local" in b.check_address("example.vn", 443, "169.254.169.254")
    assert "private" in Boundary().check_address("example.vn", 443, "10.0.0.5")


def test_a_recrawl_sends_conditional_requests_and_gets_304s(site, tmp_path):
    for i in range(3):
        site.page(f"/bai-{i}", PAGE.replace("trang", f"trang {i}"))
    f = make_fetcher(site, tmp_path)
    first = [f.fetch(f"{site.url}/bai-{i}") for i in range(3)]
    assert all(r.ok and not r.not_modified for r in first)
    f.close()
    site.clear()
    f2 = make_fetcher(site, tmp_path)  # a later run: same cache on disk
    second = [f2.fetch(f"{site.url}/bai-{i}") for i in range(3)]
    assert [r.content for r in second] == [r.content for r in first]
    assert all(r.not_modified for r in second)
    pages = [h for h in site.hits if h.path.startswith("/bai-")]
    assert len(pages) == 3 and all(h.conditional and h.status == 304 for h in pages)
    assert all(h.headers.get("if-none-match") for h in pages)
    assert f2.stats.counts["not_modified"] == 3 and f2.stats.counts["fetched"] == 0


def test_a_changed_page_is_downloaded_again(site, tmp_path):
    site.page("/bai", PAGE)
    f = make_fetcher(site, tmp_path)
    assert f.fetch(site.url + "/bai").ok
    site.page("/bai", PAGE.replace("Nội dung", "Nội dung mới"))
    r = f.fetch(site.url + "/bai")
    assert r.ok and not r.not_modified and "mới".encode() in r.content
    assert requests_to(site, "/bai")[-1].status == 200 and requests_to(site, "/bai")[-1].conditional


def test_robots_crawl_delay_is_honoured(tmp_path):
    with FixtureServer("slow") as s:
        s.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
        s.page("/a", PAGE)
        s.page("/b", PAGE)
        f = make_fetcher(s, tmp_path, delay=0.05)
        assert f.fetch(s.url + "/a").ok and f.fetch(s.url + "/b").ok
        a, b = requests_to(s, "/a")[0], requests_to(s, "/b")[0]
        assert b.t - a.t >= 0.99
