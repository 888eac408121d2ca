"""`chitieu crawl` end to end against fixture sites of each CMS shape, asserted from the database and the
servers' own request logs."""
import gzip
import sqlite3
from urllib.parse import parse_qsl

import pytest

from pipeline.orchestration.cli import main
from sitefixtures import FixtureServer, PdfPage, fail_then, huge_body, load_site, make_docx, make_pdf, redirect, silent

CHROME = ["Trang chủ", "Liên hệ", "Tin đọc nhiều", "Bản quyền", "Quảng cáo", "Thời tiết", "Chia sẻ", "Tin liên quan",
          "Các tin khác", "22/6/2024", "Điện thoại"]
TABLE = [["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
         ["Tăng trưởng GRDP (%)", "6,5-7", "5,02", "77,2"],
         ["Thu ngân sách (tỷ đồng)", "13.000", "16.916", "130,1"]]


@pytest.fixture
def serve():
    started = []

    def start(name, **kw):
        s = load_site(name, **kw).start()
        started.append(s)
        return s
    yield start
    for s in started:
        s.stop()


def crawl(tmp_path, *args, quiet=True, **options):
    opts = {"contact": '"mailto:test@example.org"', "delay": 0.05, "allow_private": "true", "retries": 1,
            "backoff": 0.05, "read_timeout": 1.0, "retry_after_cap": 5}
    opts.update({k: (f'"{v}"' if isinstance(v, str) else str(v).lower() if isinstance(v, bool) else
                     "[" + ", ".join(f'"{x}"' for x in v) + "]" if isinstance(v, list) else v)
                 for k, v in options.items()})
    tmp_path.mkdir(parents=True, exist_ok=True)
    cfg = tmp_path / "crawl.toml"
    cfg.write_text("[crawl]\n" + "".join(f"{k} = {v}\n" for k, v in opts.items()))
    db = tmp_path / "out" / "chitieu.db"
    rc = main(["crawl", *args, "--db", str(db), "--config", str(cfg), *(["--quiet"] if quiet else [])])
    c = sqlite3.connect(db) if db.exists() else None
    if c:
        c.row_factory = sqlite3.Row
    return rc, c


def docs(c):
    return {r["title"]: r for r in c.execute("select * from documents")}


def test_unknown_site_with_the_generic_profile(serve, tmp_path, capsys):
    site = serve("generic")
    rc, c = crawl(tmp_path, site.url + "/", quiet=False)
    assert rc == 0
    d = docs(c)
    assert set(d) == {"Vĩnh Phúc: Tăng trưởng kinh tế năm 2021 đạt 9,54%", "Thu ngân sách nhà nước năm 2021 vượt dự toán",
                      "Giải ngân vốn đầu tư công đạt 87,6% kế hoạch", "Kim ngạch xuất khẩu tăng 25,3%",
                      "Tỷ lệ hộ nghèo giảm còn 1,05%"}
    assert {t: r["published"] for t, r in d.items()} == {
        "Vĩnh Phúc: Tăng trưởng kinh tế năm 2021 đạt 9,54%": "2021-12-02T10:24",
        "Thu ngân sách nhà nước năm 2021 vượt dự toán": "2022-01-10",
        "Giải ngân vốn đầu tư công đạt 87,6% kế hoạch": "2022-01-11T15:40",
        "Kim ngạch xuất khẩu tăng 25,3%": "2022-01-12T09:05",
        "Tỷ lệ hộ nghèo giảm còn 1,05%": "2022-01-15T07:30"}
    main_doc = d["Vĩnh Phúc: Tăng trưởng kinh tế năm 2021 đạt 9,54%"]
    assert main_doc["author"] == "Tuấn Anh" and main_doc["province"] == "Vĩnh Phúc"
    assert main_doc["url"] == site.url + "/kinh-te/vinh-phuc-tang-truong-kinh-te-nam-2021-dat-9-54-1021.html"
    assert main_doc["source"] == main_doc["url"] and len(main_doc["id"]) == 16
    for r in d.values():
        for chrome in CHROME:
            assert chrome not in r["text"], (r["title"], chrome)
        paragraphs = r["text"].split("\n\n")
        assert not any(t in paragraphs for t in d if t != r["title"]), r["title"]  # no related/most-read lists
    # the figures reach the database
    m = c.execute("select * from mentions where doc = ? and text like '%9,54%%' and kind = 'percent'",
                  [main_doc["id"]]).fetchall()
    assert m and all(x["value"] == 9.54 for x in m)
    assert any("tăng trưởng kinh tế đạt 9,54%" in x["sentence"] for x in m)
    assert c.execute("select count(*) from mentions where text = '32.398 tỷ đồng' and kind = 'money'").fetchone()[0] == 2
    # the run is recorded
    run = c.execute("select * from runs").fetchone()
    assert run["command"] == "crawl" and run["finished"] and run["documents_new"] == 5 and run["mentions_added"] > 20
    cr = c.execute("select * from crawl_runs where run = ?", [run["id"]]).fetchone()
    assert cr["fetched"] >= 9 and cr["not_modified"] == 0
    # raw pages archived by hash, byte for byte
    for u in c.execute("select * from document_urls").fetchall():
        path = tmp_path / "out" / "archive" / u["archive"]
        assert gzip.decompress(path.read_bytes()) == site.routes[u["url"][len(site.url):]].body
    # robots.txt: /tim-kiem/ is linked from every page and never requested
    assert not [p for p in site.paths() if p.startswith("/tim-kiem/")]
    assert site.paths()[0] == "/robots.txt" and site.paths().count("/robots.txt") == 1
    err = capsys.readouterr().err
    assert "pages fetched" in err and "not modified (304)" in err and "skipped by robots.txt" in err


def test_a_recrawl_sends_conditional_requests_and_stores_only_changes(serve, tmp_path, monkeypatch):
    import scrapers.judge

    site = serve("generic")
    rc, c = crawl(tmp_path, site.url + "/")
    first = c.execute("select id, sha256 from documents order by id").fetchall()
    site.clear()
    path = "/kinh-te/kim-ngach-xuat-khau-tang-25-3-phan-tram-1024.html"
    page = site.routes[path]
    page.body = page.body.replace("ước đạt 6,1 tỷ USD".encode(), "ước đạt 6,2 tỷ USD".encode())
    read = []
    real = scrapers.judge.read_page
    monkeypatch.setattr(scrapers.judge, "read_page", lambda html, url, p: read.append(url) or real(html, url, p))
    rc, c = crawl(tmp_path, site.url + "/")
    assert rc == 0
    assert read == [site.url + path]  # the 304s are not read again: neither articles nor listings
    article_hits = [h for h in site.hits if h.path.endswith(".html")]
    assert len(article_hits) == 5 and all(h.conditional for h in article_hits)
    assert sorted(h.status for h in article_hits) == [200, 304, 304, 304, 304]
    assert [h.status for h in site.hits if h.path == path] == [200]
    runs = c.execute("select documents_new, documents_changed, documents_unchanged from runs order by id").fetchall()
    assert [tuple(r) for r in runs] == [(5, 0, 0), (0, 1, 4)]
    cr = c.execute("select fetched, not_modified from crawl_runs order by run desc").fetchone()
    assert cr["not_modified"] >= 8 and cr["fetched"] == 1
    assert c.execute("select count(*) from documents").fetchone()[0] == len(first) == 5
    assert c.execute("select count(*) from mentions where text = '6,2 tỷ USD'").fetchone()[0] == 1
    assert c.execute("select count(*) from mentions where text = '6,1 tỷ USD'").fetchone()[0] == 0


def test_newspaper_feed_sitemap_robots_pagination_and_since(serve, tmp_path):
    site = serve("newspaper")
    rc, c = crawl(tmp_path, site.url + "/", "--site", "baohatinh", "--since", "2021-01-01")
    assert rc == 0
    paths = site.paths()
    for p in ("/rss/home.rss", "/sitemap.xml", "/sitemaps/news-2022-01.xml", "/kinh-te/?page=2"):
        assert p in paths, p
    assert not [p for p in paths if p.startswith(("/noi-bo/", "/tim-kiem/"))]  # linked, listed, disallowed
    d = docs(c)
    assert set(d) == {"Hà Tĩnh: Tăng trưởng kinh tế đạt 5,02%, xếp thứ 32/63 tỉnh", "171/182 xã đạt chuẩn nông thôn mới",
                      "Năm 2021, kết nạp hơn 3.000 đảng viên mới", "Thu hút 36 dự án đầu tư mới"}
    assert all(r["province"] == "Hà Tĩnh" for r in d.values())
    assert d["Thu hút 36 dự án đầu tư mới"]["author"] == "Hoài Nam"
    cr = c.execute("select * from crawl_runs").fetchone()
    assert cr["skipped_robots"] >= 1 and cr["older_than_since"] >= 1
    times = [h.t for h in site.hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.048
    assert c.execute("select count(*) from mentions m join documents d on d.id = m.doc "
                     "where d.title like 'Hà Tĩnh: Tăng%' and m.value = 5.02").fetchone()[0] >= 1


def test_liferay_portal_pages_with_cur(serve, tmp_path):
    site = serve("liferay")
    rc, c = crawl(tmp_path, site.url + "/", "--site", "tinhuyvinhphuc")
    assert rc == 0
    assert any(p.endswith("_101_INSTANCE_tintuc_cur=2") for p in site.paths())
    assert "/web/guest/tin-tuc/-/asset_publisher/tintuc/content/noi-bo" not in site.paths()
    d = docs(c)
    assert set(d) == {"Ban Thường vụ Tỉnh ủy đánh giá kết quả giao nhiệm vụ năm 2021",
                      "Những kết quả quan trọng về công tác xây dựng Đảng",
                      "Bốn nhiệm vụ trọng tâm và ba khâu đột phá nhiệm kỳ 2020-2025"}
    assert c.execute("select count(*) from mentions where text like '2.101/2.000%'").fetchone()[0] == 1


def test_webforms_postback_listing_and_legacy_encodings(serve, tmp_path):
    site = serve("webforms")
    rc, c = crawl(tmp_path, site.url + "/TinTuc/DanhSach.aspx")
    assert rc == 0
    posts = [h for h in site.hits if h.method == "POST"]
    assert len(posts) == 2
    for h in posts:
        form = dict(parse_qsl(h.body.decode()))
        assert form["__EVENTTARGET"] == "ctl00$cph$pager$lnkNext" and form["__VIEWSTATE"]
    d = docs(c)
    assert set(d) == {"Huyện Tam Dương: Thu ngân sách năm 2021 đạt 1.250 tỷ đồng",
                      "Tam Dương có thêm 3 xã đạt chuẩn nông thôn mới nâng cao",
                      "Giá trị sản xuất nông nghiệp tăng 3,8%", "Tỷ lệ tham gia bảo hiểm y tế đạt 94,2%"}
    undeclared = d["Tỷ lệ tham gia bảo hiểm y tế đạt 94,2%"]
    assert "vượt 1,2 điểm phần trăm so với chỉ tiêu tỉnh giao" in undeclared["text"]
    assert c.execute("select count(*) from mentions where doc = ? and value = 94.2", [undeclared["id"]]).fetchone()[0]


def add_reports(portal):
    pdf = make_pdf([PdfPage(lines=[(50, 800, "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2021"),
                                   (50, 780, "Năm 2021, tăng trưởng kinh tế (GRDP) đạt 5,02%.")],
                            table=(50, 740, [200, 90, 90, 90], 20, TABLE))], title="Báo cáo số 25/BC-UBND")
    portal.page("/Documents/BaoCao_KTXH_2021.pdf", pdf, "application/pdf")
    portal.page("/Documents/KeHoach_PhatTrien_2022.docx",
                make_docx("Kế hoạch phát triển kinh tế - xã hội năm 2022",
                          ["Năm 2022, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 7-7,5%."], TABLE),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    portal.page("/Documents/NghiQuyet_HDND_2021_scan.pdf", make_pdf([PdfPage(image_only=True)]), "application/pdf")


def test_syndicated_article_stored_once_and_linked_reports(serve, tmp_path):
    paper, portal = serve("newspaper"), serve("sharepoint")
    add_reports(portal)
    rc, c = crawl(tmp_path, paper.url + "/", portal.url + "/")
    assert rc == 0
    title = "Năm 2021, kết nạp hơn 3.000 đảng viên mới"
    (doc,) = c.execute("select * from documents where title = ?", [title]).fetchall()
    urls = {r["url"]: r["role"] for r in c.execute("select * from document_urls where document = ?", [doc["id"]])}
    assert set(urls) == {paper.url + "/chinh-tri/nam-2021-ket-nap-hon-3-000-dang-vien-moi-post226003.html",
                         portal.url + "/ct/cms/tintuc/Lists/ChinhTri/View_Detail.aspx?ItemID=102"}
    assert sorted(urls.values()) == ["canonical", "duplicate"]
    assert c.execute("select duplicates from crawl_runs").fetchone()[0] == 1
    # reports: a PDF with a table, a DOCX, a scan; their date is the linking article's
    reports = {r["format"] + ("-scan" if not r["text_layer"] else ""): r for r in c.execute(
        "select r.*, d.published, d.title from reports r join documents d on d.id = r.document")}
    assert set(reports) == {"pdf", "docx", "pdf-scan"}
    assert reports["pdf"]["published"] == "2022-01-25T09:15" and reports["pdf"]["title"] == "Báo cáo số 25/BC-UBND"
    assert "no text layer" in reports["pdf-scan"]["note"]
    cells = {(r["row_label"], r["column_label"]): (r["value"], r["unit"], r["page"], r["row"], r["col"])
             for r in c.execute("select * from report_cells where document = ?", [reports["pdf"]["document"]])}
    assert cells[("Thu ngân sách (tỷ đồng)", "Thực hiện")] == (16916.0, "tỷ đồng", 1, 2, 2)
    assert cells[("Tăng trưởng GRDP (%)", "Tỷ lệ (%)")] == (77.2, "%", 1, 1, 3)
    docx_pages = {r[0] for r in c.execute("select page from report_cells where document = ?",
                                          [reports["docx"]["document"]])}
    assert docx_pages == {None}
    assert c.execute("select count(*) from mentions where doc = ? and text = '5,02%'",
                     [reports["pdf"]["document"]]).fetchone()[0] >= 1
    archived = c.execute("select archive from document_urls where document = ?", [reports["pdf"]["document"]])
    assert archived.fetchone()[0].endswith(".pdf.gz")


def test_misbehaving_site_and_the_network_boundary(tmp_path):
    other = FixtureServer("other").start()
    other.page("/", "<html>nothing for the crawler</html>")
    site = FixtureServer("faults")
    links = ["/tin/bai-may-chu-loi-roi-phuc-hoi-1.html", "/tin/bai-may-chu-qua-tai-roi-phuc-hoi-2.html",
             "/tin/bai-khong-bao-gio-tra-loi-3.html", "/tin/bai-qua-lon-nam-muoi-megabyte-4.html",
             "/tin/bai-chuyen-huong-vong-lap-5.html", "/tin/bai-chuyen-sang-cong-khac-6.html",
             "/tin/bai-chuyen-sang-dia-chi-sieu-du-lieu-7.html",
             other.url + "/tin/bai-tren-cong-khac-8.html", "http://169.254.169.254/latest/meta-data/bai-viet-9.html"]
    site.page("/", "<html><body><h1>Trang chủ</h1>" + "".join(f'<a href="{u}">bài {i}</a>' for i, u in
                                                                enumerate(links)) + "</body></html>")
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    article = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Thứ Hai, 10/1/2022 08:00</p>"
               + "<p>Năm 2021, tổng thu ngân sách nhà nước trên địa bàn đạt 16.916 tỷ đồng, vượt dự toán được giao, "
                 "tăng 12,5% so với năm 2020; giải ngân vốn đầu tư công đạt 87,6% kế hoạch vốn giao.</p>"
                 "<p>Toàn tỉnh đã có 171/182 xã đạt chuẩn nông thôn mới, 19 xã đạt chuẩn nông thôn mới nâng cao; "
                 "GRDP bình quân đầu người đạt 67 triệu đồng, tăng 4,2 triệu đồng so với năm trước.</p>"
                 "</article></body></html>")
    second = article.replace("16.916 tỷ đồng", "1.250 tỷ đồng").replace("171/182 xã", "7/12 xã").replace(
        "<p>Toàn tỉnh", "<p>Huyện đã huy động hơn 310 tỷ đồng cho xây dựng nông thôn mới, tạo việc làm cho 2.100 "
                        "lao động; tỷ lệ hộ nghèo giảm còn 1,2%, thấp hơn mức bình quân của tỉnh.</p><p>Toàn huyện")
    site.route(links[0], fail_then(article.format(t="Máy chủ lỗi rồi phục hồi"), failures=1, status=500))
    site.route(links[1], fail_then(second.format(t="Máy chủ quá tải rồi phục hồi"), failures=1, status=429,
                                   headers={"Retry-After": "1"}))
    site.route(links[2], silent)
    site.route(links[3], huge_body(50 * 1024 * 1024))
    site.route(links[4], redirect("/tin/bai-chuyen-huong-vong-lap-5b.html"))
    site.route("/tin/bai-chuyen-huong-vong-lap-5b.html", redirect(links[4]))
    site.route(links[5], redirect(other.url + "/"))
    site.route(links[6], redirect("http://169.254.169.254/latest/meta-data/"))
    site.start()
    try:
        rc, c = crawl(tmp_path, site.url + "/", read_timeout=0.4, max_bytes=2_000_000)
    finally:
        site.stop()
        other.stop()
    assert rc == 0
    assert other.hits == []  # neither linked nor redirected to: only the configured host and port are fetched
    errors = {r["input"]: r["error"] for r in c.execute("select * from run_errors")}
    assert "timed out" in errors[site.url + links[2]]
    assert "too large" in errors[site.url + links[3]]
    assert "redirect loop" in errors[site.url + links[4]]
    assert f"127.0.0.1:{other.port}" in errors[site.url + links[5]] and "refused" in errors[site.url + links[5]]
    assert "169.254.169.254" in errors[site.url + links[6]]
    assert not any("bai-tren-cong-khac" in k or "meta-data/bai" in k for k in errors)  # never even queued
    assert {r["title"] for r in c.execute("select title from documents")} == {
        "Máy chủ lỗi rồi phục hồi", "Máy chủ quá tải rồi phục hồi"}
    huge = [h for h in site.hits if h.path == links[3]]
    assert len(huge) == 1 and huge[0].sent < 20 * 1024 * 1024
    busy = [h for h in site.hits if h.path == links[1]]
    assert [h.status for h in busy] == [429, 200] and busy[1].t - busy[0].t >= 0.99
    run = c.execute("select * from runs").fetchone()
    assert run["documents_failed"] >= 5 and run["documents_new"] == 2
    assert c.execute("select retries from crawl_runs").fetchone()[0] >= 3


def test_sites_are_fetched_in_parallel_each_at_its_own_pace(serve, tmp_path):
    a, b = serve("generic"), serve("generic")
    rc, c = crawl(tmp_path, a.url + "/", b.url + "/", delay=0.15)
    assert rc == 0
    for s in (a, b):
        times = [h.t for h in s.hits]
        assert len(times) >= 10
        assert min(y - x for x, y in zip(times, times[1:])) >= 0.145
    # the two hosts' requests interleave rather than one site after the other
    assert b.hits[0].t < a.hits[-1].t and a.hits[0].t < b.hits[-1].t
    # the same five articles on both sites: stored once each, with both URLs
    assert c.execute("select count(*) from documents").fetchone()[0] == 5
    assert c.execute("select count(*) from document_urls").fetchone()[0] == 10


def test_max_pages_bounds_the_crawl(serve, tmp_path):
    site = serve("generic")
    rc, c = crawl(tmp_path, site.url + "/", "--max-pages", "3")
    assert rc == 0
    assert len([p for p in site.paths() if p != "/robots.txt"]) == 3


def test_usage_errors_and_unreachable_sites(tmp_path, capsys):
    assert crawl(tmp_path, "http://127.0.0.1:9/", "--since", "last month")[0] == 2
    assert crawl(tmp_path, "ftp://127.0.0.1/")[0] == 2
    assert crawl(tmp_path, "--site", "generic")[0] == 2
    with FixtureServer("gone") as s:
        port = s.port
    rc, c = crawl(tmp_path, f"http://127.0.0.1:{port}/", connect_timeout=0.5)
    assert rc == 1
    assert c.execute("select count(*) from runs").fetchone()[0] == 1
    capsys.readouterr()


def test_loopback_needs_an_explicit_allowance_from_a_profile_or_the_config(serve, tmp_path):
    site = serve("liferay")
    rc, c = crawl(tmp_path / "refused", site.url + "/", allow_private=False)
    assert rc == 1 and site.hits == []  # not even robots.txt: a loopback address is refused before connecting
    assert "private or loopback" in c.execute("select group_concat(error) from run_errors").fetchone()[0]
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "tinhuy_fixture.toml").write_text(
        'name = "tinhuy_fixture"\nprovince = "Vĩnh Phúc"\n'
        f'hosts = ["127.0.0.1:{site.port}"]\nstart_urls = ["{site.url}/"]\nallow_private = true\n'
        "[urls]\narticle = ['/-/asset_publisher/[^/]+/content/']\n[pagination]\nparams = '_cur$'\n")
    rc, c = crawl(tmp_path / "allowed", "--site", "tinhuy_fixture", allow_private=False, profiles=[str(profiles)])
    assert rc == 0
    assert c.execute("select count(*) from documents").fetchone()[0] == 3


# -- one transaction a page: a document and its crawl state together ---------------------------------------
def stored(c) -> dict:
    """What a crawl stored, by document: its text's hash and numbers of sentences and mentions, its URLs,
    its report and the number of the report's cells."""
    out = {}
    for d in c.execute("select id, sha256 from documents").fetchall():
        doc = d["id"]
        out[doc] = (d["sha256"],
                    c.execute("select count(*) from sentences where document = ?", [doc]).fetchone()[0],
                    c.execute("select count(*) from mentions where doc = ?", [doc]).fetchone()[0],
                    frozenset(tuple(r) for r in c.execute("select url, role, archive, version from document_urls "
                                                          "where document = ?", [doc])),
                    tuple(c.execute("select format, pages, tables, cells, text_layer from reports where document = ?",
                                    [doc]).fetchone() or ()),
                    c.execute("select count(*) from report_cells where document = ?", [doc]).fetchone()[0])
    return out


def assert_whole_pages(c, reference: dict) -> dict:
    """Every stored document as a clean crawl stores it, and no crawl state without its document or the
    reverse (a document without its URL would be read again as new; a URL without its document, or
    without its report, would be skipped as already read)."""
    assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert c.execute("pragma foreign_key_check").fetchall() == []
    got = stored(c)
    for doc, state in got.items():
        assert state == reference[doc], doc
    return got


def crawl_site(name: str, site) -> tuple:
    if name == "sharepoint":
        add_reports(site)
    return (site.url + "/",)


@pytest.mark.parametrize("name,between", [("generic", "record_url"), ("sharepoint", "record_report")])
def test_a_page_that_fails_after_its_document_is_loaded_leaves_nothing_of_it(serve, tmp_path, monkeypatch, name,
                                                                            between):
    """A failure between the document's load and its crawl state (`document_urls`, `reports`) rolls the
    whole page back; the crawl goes on, and the next crawl stores that page whole."""
    import scrapers.webstore

    site = serve(name)
    urls = crawl_site(name, site)
    rc, c = crawl(tmp_path / "ref", *urls)
    reference = stored(c)
    assert rc == 0 and len(reference) >= 3
    failed_before = c.execute("select documents_failed from runs").fetchone()[0]  # pages the site fails
    real, failed = getattr(scrapers.webstore.WebStore, between), []

    def fail_once(self, doc_id, url, *args):
        if not failed and (between == "record_report" or args[1] == "canonical"):
            failed.append((doc_id, url))
            raise RuntimeError("injected after the load")
        return real(self, doc_id, url, *args)

    monkeypatch.setattr(scrapers.webstore.WebStore, between, fail_once)
    rc, c = crawl(tmp_path / "crawl", *urls)
    assert rc == 0 and len(failed) == 1
    (doc_id, url), = failed
    got = assert_whole_pages(c, reference)
    assert set(got) == set(reference) - {doc_id}  # neither the document nor any of its rows
    assert c.execute("select count(*) from mentions where doc = ?", [doc_id]).fetchone()[0] == 0
    assert c.execute("select count(*) from document_urls where url = ?", [url]).fetchone()[0] == 0
    errors = {r["input"]: r["error"] for r in c.execute("select input, error from run_errors")}
    assert errors[url] == "RuntimeError: injected after the load"
    run = c.execute("select documents_new, documents_failed from runs").fetchone()
    assert tuple(run) == (len(reference) - 1, failed_before + 1)  # the rolled-back page is not counted as stored
    monkeypatch.undo()
    rc, c = crawl(tmp_path / "crawl", *urls)
    assert rc == 0 and stored(c) == reference
    assert tuple(c.execute("select documents_new from runs order by id desc").fetchone()) == (1,)


KILL = """
import os, signal, sys
sys.path.insert(0, {root!r})
import scrapers.webstore
from pipeline.orchestration.cli import main

real, calls = scrapers.webstore.WebStore.{between}, []

def die_the_second_time(self, doc_id, url, *args):
    if {between!r} == "record_report" or args[1] == "canonical":
        calls.append(url)
        if len(calls) == 2:  # the document is loaded, its crawl state not yet written
            os.kill(os.getpid(), signal.SIGKILL)
    return real(self, doc_id, url, *args)

scrapers.webstore.WebStore.{between} = die_the_second_time
sys.exit(main(["crawl", *{urls!r}, "--db", {db!r}, "--config", {cfg!r}, "--quiet"]))
"""


@pytest.mark.parametrize("name,between", [("generic", "record_url"), ("sharepoint", "record_report")])
def test_a_crawl_killed_between_a_load_and_the_crawl_state_leaves_whole_pages_and_resumes(serve, tmp_path, name,
                                                                                         between):
    import signal
    import subprocess
    import sys
    from pathlib import Path

    site = serve(name)
    urls = crawl_site(name, site)
    rc, c = crawl(tmp_path / "ref", *urls)
    reference = stored(c)
    assert rc == 0 and len(reference) >= 3
    cfg, db = tmp_path / "ref" / "crawl.toml", tmp_path / "killed" / "chitieu.db"
    root = str(Path(__file__).resolve().parent.parent)
    script = KILL.format(root=root, between=between, urls=list(urls), db=str(db), cfg=str(cfg))
    p = subprocess.run([sys.executable, "-c", script], cwd=root, timeout=120)
    assert p.returncode == -signal.SIGKILL
    c = sqlite3.connect(db)
    c.row_factory = sqlite3.Row
    got = assert_whole_pages(c, reference)
    assert 1 <= len(got) < len(reference)  # the first page stored, the one killed mid-write not at all
    c.close()
    rc, c = crawl(tmp_path / "killed", *urls)
    assert rc == 0 and stored(c) == reference  # nothing lost, nothing twice


def test_a_scanned_report_is_read_by_ocr_outside_the_write_lock(serve, tmp_path, monkeypatch):
    """A scanned PDF linked from a portal is OCR'd into a document with its figures, the crawl counts its
    pages, and the (slow) reading happens before the page's transaction takes the database's write lock:
    another writer could write meanwhile."""
    from fixtures import scanned_report
    from scrapers import ocr
    import scrapers.reports

    if ocr.unavailable() or scanned_report.font_paths() is None:
        pytest.skip(f"OCR not available here: {ocr.unavailable() or 'no font with Vietnamese glyphs'}")
    portal = serve("sharepoint")
    page = [[(True, False, "Báo cáo kết quả năm 2023"),
             (False, False, "Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,52%; tổng thu ngân sách nhà "
                            "nước trên địa bàn đạt 18.200 tỷ đồng.")]]
    portal.page("/Documents/NghiQuyet_HDND_2021_scan.pdf", scanned_report.scanned_pdf(page), "application/pdf")
    db = tmp_path / "out" / "chitieu.db"   # where `crawl` puts it
    lock_free = []
    real = scrapers.reports.read_report

    def read_and_probe(content, name, content_type=""):
        if db.exists():  # can another connection take the write lock right now?
            other = sqlite3.connect(db, timeout=0)
            try:
                other.execute("begin immediate")
                other.rollback()
                lock_free.append(True)
            except sqlite3.OperationalError:
                lock_free.append(False)
            finally:
                other.close()
        return real(content, name, content_type)

    monkeypatch.setattr(scrapers.reports, "read_report", read_and_probe)
    rc, c = crawl(tmp_path, portal.url + "/")
    assert rc == 0
    (scan,) = c.execute("select r.document, r.note, d.text from reports r join documents d on d.id = r.document "
                        "where r.text_layer = 0").fetchall()
    assert "OCR (tesseract vie)" in scan["note"] and "7,52%" in scan["text"]
    assert c.execute("select count(*) from mentions where doc = ? and text in ('7,52%', '18.200 tỷ đồng')",
                     [scan["document"]]).fetchone()[0] == 2
    assert c.execute("select ocr_pages from crawl_runs").fetchone()[0] == 1
    assert lock_free and all(lock_free)
