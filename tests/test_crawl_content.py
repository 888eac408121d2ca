"""Crawling sites nobody profiled (issue 17): pages judged by their content whatever their URL, an empty
crawl that says why, hard limits on every response, a site that learns its own shape. Real HTTP servers on
127.0.0.1 (tests/crawlsites.py, tests/sitefixtures.py), a real SQLite database."""

import pytest

from crawlsites import ARTICLES, CHROME, NEWS_LAYOUT, _news_article, portal_site, shortlinks_site
from sitefixtures import FixtureServer, drip
from test_scrapers_crawl import crawl


@pytest.fixture
def shortlinks():
    with shortlinks_site() as s:
        yield s


@pytest.fixture
def portal():
    with portal_site() as s:
        yield s


def stored_articles(c) -> dict:
    return {r["title"]: r for r in c.execute("select * from documents")}


def assert_every_article_and_no_chrome(c, site, name):
    docs = stored_articles(c)
    expected = ARTICLES[name]
    assert set(docs) == {a[0] for a in expected.values()}
    others = [a[0] for a in expected.values()]
    for path, (title, date, _, figure) in expected.items():
        d = docs[title]
        assert d["url"] == site.url + path
        assert d["published"][:10] == "-".join(reversed(date.split("/")))
        assert figure in d["text"], (title, figure)
        for chrome in CHROME:
            assert chrome not in d["text"], (title, chrome)
        paragraphs = d["text"].split("\n\n")
        assert not any(t in paragraphs for t in others if t != title), title  # no related or most-read titles
        assert c.execute("select count(*) from mentions where doc = ?", [d["id"]]).fetchone()[0] >= 1


def test_short_article_urls_are_articles_by_their_content(shortlinks, tmp_path):
    rc, c = crawl(tmp_path, shortlinks.url + "/")
    assert rc == 0
    assert_every_article_and_no_chrome(c, shortlinks, "shortlinks")
    paths = shortlinks.paths()
    assert "/rss/tin-moi.rss" in paths and "/tin-tuc/?page=2" in paths
    assert not [p for p in paths if p.startswith(("/tim-kiem/", "/dang-nhap"))]  # robots.txt
    cr = c.execute("select * from crawl_runs").fetchone()
    assert cr["judged_articles"] == 6 and cr["judged_listings"] >= 3 and cr["judged_refused"] == 0
    verdicts = dict(c.execute("select url, verdict from crawl_pages").fetchall())
    assert verdicts[shortlinks.url + "/tin-tuc/"] == "listing"  # its snippets are sentences, under titles
    assert verdicts[shortlinks.url + "/tin-tuc/?page=2"] == "listing"
    assert verdicts[shortlinks.url + "/tin/1234"] == "article"
    assert "its prose is their snippets" in c.execute("select reason from crawl_pages where url = ?",
                                                      [shortlinks.url + "/tin-tuc/"]).fetchone()[0]


def test_a_webforms_portal_with_nid_articles_and_paged_listings(portal, tmp_path):
    rc, c = crawl(tmp_path, portal.url + "/")
    assert rc == 0
    assert_every_article_and_no_chrome(c, portal, "portal")
    assert "/DanhSachTin.aspx?page=2" in portal.paths()
    verdicts = dict(c.execute("select url, verdict from crawl_pages").fetchall())
    assert verdicts[portal.url + "/DanhSachTin.aspx?page=2"] == "listing"
    assert verdicts[portal.url + "/GioiThieu.aspx"] == "too_short"


def test_a_crawl_that_stores_nothing_says_why(tmp_path, capsys):
    with FixtureServer("stubs") as s:
        s.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        s.page("/", "<html><head><title>Cổng tin</title></head><body><h1>Cổng tin</h1>" + "".join(
            f'<p><a href="/muc/{i}">Thông báo lịch tiếp công dân của lãnh đạo huyện số {i}</a></p>' for i in range(4))
            + "</body></html>")
        for i in range(4):
            s.page(f"/muc/{i}", f"<html><head><title>Thông báo {i}</title></head><body><h1>Thông báo {i}</h1>"
                                "<p>Lịch tiếp công dân sẽ được cập nhật sau.</p></body></html>")
        rc, c = crawl(tmp_path, s.url + "/", quiet=False)
    assert rc == 0 and c.execute("select count(*) from documents").fetchone()[0] == 0
    cr = c.execute("select * from crawl_runs").fetchone()
    assert (cr["judged_articles"], cr["judged_listings"], cr["judged_too_short"]) == (0, 1, 4)
    err = capsys.readouterr().err
    assert "nothing was stored" in err and "4 page(s) too short" in err and "1 page(s) judged listings" in err
    assert "characters of prose in sentences (an article needs 300)" in err and "crawl_pages" in err


def test_a_profile_can_force_a_page_either_way(shortlinks, tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "tinvp.toml").write_text(
        f'name = "tinvp"\nhosts = ["127.0.0.1:{shortlinks.port}"]\n'
        "[urls]\nforce_listing = ['^/tin/\\d+$']\nforce_article = ['^/gioi-thieu\\.html$']\n"
        "[extract]\nmin_chars = 40\n")
    rc, c = crawl(tmp_path, shortlinks.url + "/", profiles=[str(profiles)])
    assert rc == 0
    titles = set(stored_articles(c))
    assert "Hà Tĩnh: GRDP tăng 5,02%, xếp thứ 32/63 tỉnh" not in titles  # an article, forced a listing
    assert "Giới thiệu - Tin Vĩnh Phúc" in titles  # a stub of one short sentence, forced an article
    verdicts = dict(c.execute("select url, reason from crawl_pages where verdict = 'listing'").fetchall())
    assert "force_listing" in verdicts[shortlinks.url + "/tin/1234"]


# -- hard limits ---------------------------------------------------------------------------------------------
def test_a_dripping_server_costs_at_most_the_deadline_per_page(tmp_path):
    site = FixtureServer("drip")
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    site.page("/", '<html><body><h1>Trang chủ</h1><a href="/tin/nho-giot-than-trang-1.html">a</a>'
                   '<a href="/tin/nho-giot-tieu-de-2.html">b</a></body></html>')
    site.route("/tin/nho-giot-than-trang-1.html", drip(0.2))                  # headers at once, body a byte at a time
    site.route("/tin/nho-giot-tieu-de-2.html", drip(0.2, in_headers=True))    # even the headers drip
    with site:
        rc, c = crawl(tmp_path, site.url + "/", total_timeout=1.5, read_timeout=5, retries=2)
        hits = {p: len(site.hits_for(p)) for p in ("/tin/nho-giot-than-trang-1.html", "/tin/nho-giot-tieu-de-2.html")}
    assert rc == 0
    errors = {r["input"]: r["error"] for r in c.execute("select input, error from run_errors")}
    for path, n in hits.items():
        assert n == 1, path  # not retried: a retry would cost the deadline again
        assert "deadline of 1.5 s (total_timeout)" in errors[site.url + path]
    assert c.execute("select timed_out from crawl_runs").fetchone()[0] == 2


def test_nothing_is_followed_from_a_refused_page(tmp_path):
    site = FixtureServer("soup")
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    site.page("/", '<html><body><a href="/danh-muc/trang-rat-lon">lớn</a></body></html>')
    site.page("/danh-muc/trang-rat-lon", "<html><body>" + "".join(
        f'<a href="/tin/bai-viet-so-{i}.html">bài {i}</a>' for i in range(130_000)) + "</body></html>")
    with site:
        rc, c = crawl(tmp_path, site.url + "/")
        paths = site.paths()
    assert rc == 0
    assert not [p for p in paths if p.startswith("/tin/")]  # none of its 130,000 links was fetched
    errors = {r["input"]: r["error"] for r in c.execute("select input, error from run_errors")}
    assert "more than 100,000 tags" in errors[site.url + "/danh-muc/trang-rat-lon"]
    cr = c.execute("select judged_refused, requests from crawl_runs").fetchone()
    assert cr["judged_refused"] == 1 and cr["requests"] <= 4  # robots.txt, /, the page, /sitemap.xml
    assert c.execute("select verdict from crawl_pages where url like '%trang-rat-lon'").fetchone()[0] == "refused"


def test_a_site_time_budget_ends_the_site_and_says_so(shortlinks, tmp_path):
    rc, c = crawl(tmp_path, shortlinks.url + "/", delay=0.3, site_budget=0.5)
    assert rc == 0
    cr = c.execute("select left_by_budget, requests from crawl_runs").fetchone()
    assert cr["left_by_budget"] > 0 and cr["requests"] < 12
    errors = " ".join(r[0] for r in c.execute("select error from run_errors"))
    assert "time budget of 0.5 s (site_budget) used up" in errors


def test_the_monthly_site_budget_setting(tmp_path):
    from pipeline.orchestration.monthly.settings import DEFAULT_SITE_BUDGET, load_settings
    from scrapers.settings import ConfigError

    cfg = tmp_path / "crawl.toml"
    cfg.write_text("[crawl]\nsite_budget = 900\n[monthly]\nsites = []\n")
    assert load_settings(cfg).site_budget == 900
    cfg.write_text("[crawl]\ndelay = 1\n[monthly]\nsite_budget = 120\n")
    assert load_settings(cfg).site_budget == 120
    cfg.write_text("[crawl]\ndelay = 1\n")
    assert load_settings(cfg).site_budget == DEFAULT_SITE_BUDGET
    cfg.write_text("[monthly]\nsite_budget = 'an hour'\n")
    with pytest.raises(ConfigError, match="site_budget must be a number"):
        load_settings(cfg)


# -- a site learns its own shape -----------------------------------------------------------------------------
@pytest.mark.parametrize("make,name", [(shortlinks_site, "shortlinks"), (portal_site, "portal")])
def test_the_proposed_profile_reads_the_same_articles_with_fewer_requests(make, name, tmp_path):
    from scrapers.profiles import load_profile

    profiles = tmp_path / "profiles"
    with make() as site:
        rc, c = crawl(tmp_path / "first", site.url + "/", "--write-profile", str(profiles / f"{name}_site.toml"))
        first_requests = len(site.hits)
        first = {r["id"]: r["sha256"] for r in c.execute("select id, sha256 from documents")}
        text = (profiles / f"{name}_site.toml").read_text()
        profile = load_profile(f"{name}_site", [str(profiles)])
        site.clear()
        rc2, c2 = crawl(tmp_path / "second", site.url + "/", profiles=[str(profiles)])
        second_requests = len(site.hits)
    assert rc == rc2 == 0 and len(first) == len(ARTICLES[name])
    assert f"127.0.0.1:{site.port}" in text and "# Review it" in text
    for path in ARTICLES[name]:
        assert profile.classify(site.url + path) == "article", path  # the shapes learned name every article
    assert profile.classify(site.url + "/tim-kiem/?q=x") is None and profile.article
    assert {r["id"]: r["sha256"] for r in c2.execute("select id, sha256 from documents")} == first
    assert {r[0] for r in c2.execute("select distinct site from document_urls")} == {f"{name}_site"}
    assert second_requests < first_requests, (first_requests, second_requests)


def test_write_profile_needs_a_folder_for_several_sites(shortlinks, portal, tmp_path, capsys):
    rc, _ = crawl(tmp_path, shortlinks.url + "/", portal.url + "/", "--write-profile", str(tmp_path / "one.toml"))
    assert rc == 2 and "give a folder" in capsys.readouterr().err
    (tmp_path / "learned").mkdir()
    rc, _ = crawl(tmp_path, shortlinks.url + "/", portal.url + "/", "--write-profile", str(tmp_path / "learned"))
    assert rc == 0
    written = sorted(p.name for p in (tmp_path / "learned").iterdir())
    assert written == sorted(f"127_0_0_1_{s.port}.toml" for s in (shortlinks, portal))


def test_learned_shapes_are_used_during_the_crawl(tmp_path):
    """Once three articles were found by content, a link shaped like them is fetched as an article: past
    the listing depth."""
    from scrapers.shape import infer_patterns

    assert infer_patterns(["http://h/tin/1234", "http://h/tin/99"], ["http://h/tin/"]) == [r"^/tin/\d+(?:\?|$)"]
    assert infer_patterns(["http://h/ChiTietTinTuc.aspx?nid=12&cat=3", "http://h/ChiTietTinTuc.aspx?nid=14&cat=3"],
                          ["http://h/DanhSachTin.aspx?page=2"]) == [r"^/ChiTietTinTuc\.aspx\?(?:.*&)?nid=\d+(?:&|$)"]
    with shortlinks_site() as s:
        # a chain of listings as deep as max_depth; the last one links one more article of the same shape
        for i in range(3):
            s.page(f"/chuyen-de/{i}", f"<html><body><h1>Chuyên đề {i}</h1>"
                                      f'<a href="/chuyen-de/{i + 1}">tiếp theo trang chuyên đề sau nữa</a>'
                                      + ('<a href="/tin/1303">Bài trong chuyên đề của tỉnh nhà năm nay</a>' if i == 2 else "")
                                      + "</body></html>")
        extra = ("Phê duyệt 31 đề án tháo gỡ điểm nghẽn của 22 sở, ngành", "25/01/2022", ["kt3", "kt1", "kt2"], "")
        s.page("/tin/1303", NEWS_LAYOUT.format(title=extra[0], main=_news_article("/tin/1303", extra, [])))
        home = s.routes["/"]
        home.body = home.body.replace("<h2>Tin mới".encode(), '<a href="/chuyen-de/0">Chuyên đề</a><h2>Tin mới'.encode())
        rc, c = crawl(tmp_path, s.url + "/", max_depth=3)
        paths = s.paths()
    assert rc == 0 and "/chuyen-de/2" in paths and "/chuyen-de/3" not in paths  # the listing depth holds
    assert "/tin/1303" in paths  # one step past it: shaped like the articles found by content
    assert c.execute("select count(*) from documents where title like 'Phê duyệt 31 đề án%'").fetchone()[0] == 1


# -- extraction on the process pool ------------------------------------------------------------------------
def test_a_crawl_extracting_on_the_process_pool_stores_what_inline_stores(shortlinks, portal, tmp_path):
    def snapshot(c):
        return {r["id"]: (r["sha256"], r["title"], r["published"],
                          tuple(x[0] for x in c.execute("select id from mentions where doc = ? order by id", [r["id"]])))
                for r in c.execute("select * from documents")}

    urls = (shortlinks.url + "/", portal.url + "/")
    rc, inline = crawl(tmp_path / "inline", *urls)
    rc2, pool = crawl(tmp_path / "pool", *urls, "--executor", "pool", "--workers", "2")
    assert rc == rc2 == 0
    assert snapshot(pool) == snapshot(inline) and len(snapshot(inline)) == 10
