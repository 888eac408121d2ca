"""Discovery: feeds, sitemaps, site profiles and URL classes, pagination of each CMS shape."""
import gzip

import pytest

from scrapers.feeds import FeedError, parse_feed
from scrapers.links import next_pages, page_links, parse_html
from scrapers.profiles import load_profile, match_profile, profile_paths, resolve_sites
from scrapers.settings import ConfigError, load_config
from scrapers.sitemaps import SitemapError, parse_sitemap
from sitefixtures import load_site

BASE = "http://127.0.0.1:8080"

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><link>http://a/b</link></item></channel></rss>"""


def test_rss_feed_entries_with_dates():
    site = load_site("newspaper")
    body = site.routes["/rss/home.rss"].body
    entries = parse_feed(body, site.url + "/rss/home.rss")
    assert [e.url.rsplit("-post", 1)[1] for e in entries] == ["226001.html", "226003.html", "200001.html"]
    assert entries[0].published == "2022-01-19T11:30" and entries[2].published == "2020-12-28T16:00"
    assert entries[0].title == "Hà Tĩnh: Tăng trưởng kinh tế đạt 5,02%, xếp thứ 32/63 tỉnh"


def test_atom_feed_entries():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title>
      <entry><title>B\xc3\xa0i 1</title><link rel="alternate" href="/tin/bai-mot-hai-ba-bon-1.html"/>
        <published>2022-01-10T08:00:00+07:00</published></entry>
      <entry><title>B\xc3\xa0i 2</title><link href="http://127.0.0.1:8080/tin/bai-2.html"/><updated>2022-01-11</updated></entry>
    </feed>"""
    entries = parse_feed(atom, BASE + "/feed")
    assert [(e.url, e.published) for e in entries] == [
        (BASE + "/tin/bai-mot-hai-ba-bon-1.html", "2022-01-10T08:00"), (BASE + "/tin/bai-2.html", "2022-01-11")]


def test_feed_with_an_entity_bomb_is_refused_not_expanded():
    with pytest.raises(FeedError, match="refused"):
        parse_feed(BOMB, BASE + "/rss")
    with pytest.raises(FeedError):
        parse_feed(b"<html><body>not a feed</body></html>", BASE + "/rss")


def test_sitemap_index_and_urlset():
    site = load_site("newspaper")
    children, entries = parse_sitemap(site.routes["/sitemap.xml"].body, site.url)
    assert children == [site.url + "/sitemaps/news-2022-01.xml"] and entries == []
    children, entries = parse_sitemap(site.routes["/sitemaps/news-2022-01.xml"].body, site.url)
    assert children == [] and len(entries) == 4
    assert entries[1].lastmod == "2022-01-19" and entries[0].lastmod is None


def test_gzipped_text_and_hostile_sitemaps(monkeypatch):
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a-b-c-d-1.html</loc></url></urlset>'
    assert parse_sitemap(gzip.compress(xml), BASE)[1][0].url == BASE + "/a-b-c-d-1.html"
    assert [e.url for e in parse_sitemap(b"http://127.0.0.1:8080/x\n/y\n", BASE)[1]] == [BASE + "/x", BASE + "/y"]
    with pytest.raises(SitemapError, match="refused"):
        parse_sitemap(BOMB.replace(b"rss", b"urlset"), BASE)
    import scrapers.sitemaps

    monkeypatch.setattr(scrapers.sitemaps, "MAX_INFLATED", 1_000_000)
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000 + b"</urlset>")
    assert len(bomb) < 10_000
    with pytest.raises(SitemapError, match="inflates"):
        parse_sitemap(bomb, BASE)


MALFORMED = {
    "mismatched tag": (b"<?xml version='1.0'?><rss><channel><item></channel></rss>",
                       "is not well-formed XML: mismatched tag: line 1, column 43"),
    "invalid token": (b"<\x00\xff\xfe garbage",
                      "is not well-formed XML: not well-formed (invalid token): line 1, column 1"),
    "entity bomb": (BOMB, "refused: EntitiesForbidden (entity declarations are not expanded)"),
    "external entity": (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                        b"<urlset>&x;</urlset>", "refused: EntitiesForbidden (entity declarations are not expanded)"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
@pytest.mark.parametrize("reader", ["feed", "sitemap"])
def test_malformed_xml_raises_the_readers_own_error_with_the_same_message(reader, case):
    """Feeds and sitemaps share one defusedxml parser (scrapers/safexml.py); each still raises its own
    error class, the message naming the kind of document, chained to the parser's exception."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    body, message = MALFORMED[case]
    parse, error, other = ((parse_feed, FeedError, SitemapError) if reader == "feed" else
                           (parse_sitemap, SitemapError, FeedError))
    with pytest.raises(error) as e:
        parse(body, BASE + "/x.xml")
    assert str(e.value) == f"{reader} {message}" and not isinstance(e.value, other)
    assert isinstance(e.value.__cause__, DefusedXmlException if "refused" in message else ParseError)


def test_parse_xml_returns_the_root_or_raises_the_given_error():
    from scrapers.safexml import parse_xml

    class OwnError(ValueError):
        pass

    root = parse_xml(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>', "x", OwnError)
    assert root.tag.endswith("urlset") and len(root) == 1
    with pytest.raises(OwnError, match="^thing is not well-formed XML: no element found"):
        parse_xml(b"", "thing", OwnError)


def test_every_shipped_profile_loads_and_matches_its_hosts():
    names = set(profile_paths())
    assert {"generic", "baohatinh", "baovinhphuc", "vinhphuc_gov", "tinhuyvinhphuc"} <= names
    for name in names:
        p = load_profile(name)
        assert p.name == name and p.pagination.max_pages >= 1
        for host in p.hosts:
            assert match_profile(f"https://{host}/") == name
    assert match_profile("http://127.0.0.1:9000/") == "generic"
    with pytest.raises(ConfigError):
        load_profile("no-such-site")


@pytest.mark.parametrize("profile,path,kind", [
    ("baohatinh", "/kinh-te/ha-tinh-tang-truong-kinh-te-dat-5-02-post226001.html", "article"),
    ("baohatinh", "/kinh-te/", "listing"),
    ("baohatinh", "/kinh-te/?page=2", "listing"),
    ("baohatinh", "/tim-kiem/?q=a", None),
    ("baohatinh", "/media/bao-cao.pdf", "report"),
    ("vinhphuc_gov", "/ct/cms/tintuc/Lists/KinhTe/View_Detail.aspx?ItemID=101", "article"),
    ("vinhphuc_gov", "/Pages/tin-tuc.aspx?PageIndex=2", "listing"),
    ("vinhphuc_gov", "/_layouts/15/Authenticate.aspx", None),
    ("tinhuyvinhphuc", "/web/guest/tin-tuc/-/asset_publisher/tintuc/content/ban-thuong-vu-tinh-uy", "article"),
    ("tinhuyvinhphuc", "/c/portal/login?p_l_id=1", None),
    ("generic", "/kinh-te/vinh-phuc-tang-truong-kinh-te-nam-2021-dat-9-54-1021.html", "article"),
    ("generic", "/TinTuc/ChiTiet.aspx?id=501", "article"),
    ("generic", "/kinh-te/", "listing"),
    ("generic", "/tag/kinh-te", None),
    ("generic", "/static/logo.png", None),
    ("generic", "/Documents/BaoCao_KTXH_2021.pdf", "report"),
    ("generic", "/Documents/KeHoach.DOCX", "report"),
])
def test_urls_classified_by_profile(profile, path, kind):
    assert load_profile(profile).classify(BASE + path) == kind


def test_sites_from_start_urls():
    (s,) = resolve_sites(["https://baohatinh.vn/kinh-te/"])
    assert s.name == "baohatinh" and s.owns("https://www.baohatinh.vn/x") and s.owns("http://baohatinh.vn/")
    assert not s.owns("https://baovinhphuc.com.vn/")
    (g,) = resolve_sites([BASE + "/"])
    assert g.name == "generic" and g.hosts == {"127.0.0.1:8080"} and not g.allow_private
    (g,) = resolve_sites(["http://tinhuyen.example.vn/"], allow_private=True)
    assert g.owns("https://tinhuyen.example.vn/a") and g.owns("http://www.tinhuyen.example.vn/") and g.allow_private
    (forced,) = resolve_sites([BASE + "/"], site_name="baohatinh")
    assert forced.name == "baohatinh" and forced.owns(BASE + "/a") and forced.owns("https://baohatinh.vn/")
    warned = []
    (unknown,) = resolve_sites([BASE + "/"], site_name="nope", warn=warned.append)
    assert unknown.name == "generic" and warned
    assert {s.name for s in resolve_sites([])} == {"baohatinh", "baovinhphuc", "vinhphuc_gov", "tinhuyvinhphuc"}


def test_config_file_options_and_typos(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[crawl]\ncontact = "mailto:a@b.vn"\ndelay = 0.5\n')
    c = load_config(cfg)
    assert c.delay == 0.5 and "mailto:a@b.vn" in c.user_agent_string and "chitieu/" in c.user_agent_string
    cfg.write_text("[crawl]\ndelya = 0.5\n")
    with pytest.raises(ConfigError, match="delya"):
        load_config(cfg)
    cfg.write_text("delay = 0.5\n")
    with pytest.raises(ConfigError, match="crawl"):
        load_config(cfg)


def _links(site, path):
    page = site.routes[path]
    root = parse_html(page.body.decode("utf-8"))
    url = site.url + path
    return root, url, page_links(root, url)


def test_liferay_cur_pagination():
    site = load_site("liferay")
    root, url, links = _links(site, "/web/guest/tin-tuc")
    pages = next_pages(root, url, links, load_profile("tinhuyvinhphuc"))
    assert len(pages) == 1 and pages[0].url.endswith("_101_INSTANCE_tintuc_cur=2") and pages[0].page_no == 2
    assert pages[0].url.split("?", 1)[1] == ("p_p_id=101_INSTANCE_tintuc&p_p_lifecycle=0&p_p_state=normal&"
                                             "p_p_mode=view&_101_INSTANCE_tintuc_delta=2&_101_INSTANCE_tintuc_cur=2")
    assert next_pages(root, url, links, load_profile("generic"))[0].url == pages[0].url


def test_sharepoint_and_newspaper_page_parameters():
    sp = load_site("sharepoint")
    root, url, links = _links(sp, "/Pages/tin-tuc.aspx")
    assert [p.url for p in next_pages(root, url, links, load_profile("vinhphuc_gov"))] == [
        sp.url + "/Pages/tin-tuc.aspx?PageIndex=2"]
    news = load_site("newspaper")
    root, url, links = _links(news, "/kinh-te/")
    assert [p.url for p in next_pages(root, url, links, load_profile("baohatinh"))] == [news.url + "/kinh-te/?page=2"]
    root, url, links = _links(news, "/kinh-te/?page=2")
    assert next_pages(root, url, links, load_profile("baohatinh"), page_no=2) == []


def test_pagination_stops_at_max_pages():
    html = "".join(f'<a href="/tin?page={i}">{i}</a>' for i in range(2, 40))
    root = parse_html(f"<html><body>{html}</body></html>")
    pages = next_pages(root, BASE + "/tin", page_links(root, BASE + "/tin"), load_profile("generic"))
    assert sorted(p.page_no for p in pages) == list(range(2, 11))


def test_webforms_next_link_is_a_form_post():
    site = load_site("webforms")
    fn = site.routes["/TinTuc/DanhSach.aspx"]
    assert callable(fn)
    site.start()
    try:
        import requests

        html = requests.get(site.url + "/TinTuc/DanhSach.aspx", timeout=5).content.decode()
        root = parse_html(html)
        url = site.url + "/TinTuc/DanhSach.aspx"
        (nxt,) = next_pages(root, url, page_links(root, url), load_profile("generic"))
        assert nxt.method == "POST" and nxt.url == url and nxt.page_no == 2
        assert nxt.data["__EVENTTARGET"] == "ctl00$cph$pager$lnkNext" and nxt.data["__EVENTARGUMENT"] == ""
        assert {"__VIEWSTATE", "__EVENTVALIDATION", "__VIEWSTATEGENERATOR"} <= set(nxt.data)
        page2 = requests.post(nxt.url, data=nxt.data, timeout=5).content.decode()
        assert "ChiTiet.aspx?id=503" in page2
        root3 = parse_html(requests.post(url, data={**nxt.data, "__VIEWSTATE": "cGFnZT0y"}, timeout=5).content.decode())
        assert next_pages(root3, url, page_links(root3, url), load_profile("generic"), page_no=3) == []
    finally:
        site.stop()


def test_robots_txt_read_as_rfc_9309():
    from scrapers.robots import RobotsFile

    r = RobotsFile.parse("User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /*.pdf$\nDisallow: /tim-kiem\n"
                         "Allow: /tim-kiem/huong-dan\nCrawl-delay: 0.5\nSitemap: https://x.vn/s.xml\n\n"
                         "User-agent: Googlebot\nDisallow: /\n")
    allowed = {p: r.allowed("https://x.vn" + p) for p in
               ("/", "/admin/x", "/bao-cao.pdf", "/bao-cao.pdf?v=2", "/tim-kiem?q=1", "/tim-kiem/huong-dan",
                "/ad%6Din/x", "/robots.txt")}
    assert allowed == {"/": True, "/admin/x": False, "/bao-cao.pdf": False, "/bao-cao.pdf?v=2": True,
                       "/tim-kiem?q=1": False, "/tim-kiem/huong-dan": True, "/ad%6Din/x": False,
                       "/robots.txt": True}
    assert r.crawl_delay == 0.5 and r.sitemaps == ["https://x.vn/s.xml"]
    own = RobotsFile.parse("User-agent: chitieu\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n")
    assert own.allowed("https://x.vn/a") and not own.allowed("https://x.vn/private/1")
