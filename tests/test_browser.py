"""End to end in a real browser: `chitieu serve` as a process on 127.0.0.1, headless Debian Chromium
driven by Playwright. Search `ho ngheo`, open a figure, see it highlighted in its sentence, open the
dashboard and the map; screenshots go to output/screenshots/."""
from pathlib import Path

import pytest

from serving import chitieu_serve, copy_db, free_port

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian chromium is not installed at /usr/bin/chromium (run `make chromium`)"),
]


def _monthly_with_a_site_down(db: Path, tmp: Path) -> None:
    """A real monthly run of one site nobody answers for (a closed port), for the operator's pages."""
    from pipeline.orchestration.cli import main

    port = free_port()  # closed once free_port returns: connections are refused
    (tmp / "profiles").mkdir()
    (tmp / "profiles" / "down.toml").write_text(
        f'name = "down"\nhosts = ["127.0.0.1:{port}"]\nstart_urls = ["http://127.0.0.1:{port}/"]\n'
        'allow_private = true\n', encoding="utf-8")
    cfg = tmp / "crawl.toml"
    cfg.write_text(f'[crawl]\ncontact = "mailto:test@example.org"\nallow_private = true\nretries = 0\n'
                   f'profiles = ["{tmp / "profiles"}"]\n', encoding="utf-8")
    assert main(["run", "--month", "2026-10", "--sites", "down", "--config", str(cfg), "--db", str(db),
                 "--quiet"]) == 1


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    db = copy_db(built_db, tmp_path_factory.mktemp("served") / "chitieu.db")
    _monthly_with_a_site_down(db, tmp_path_factory.mktemp("monthly"))
    with chitieu_serve(db, tmp_path_factory.getbasetemp() / "serve.log") as (base, _):
        yield base


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1360, "height": 900})
        pg.set_default_timeout(20_000)
        yield pg
        browser.close()


def test_search_open_figure_dashboard_map(server, page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # search without diacritics
    page.goto(server + "/-/search")
    page.fill("input[name=q]", "ho ngheo")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".sentence-hit")
    hits = page.locator(".sentence-hit")
    assert hits.count() >= 3
    assert "hộ nghèo" in hits.first.inner_text().lower()
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)

    # open a figure from a hit about hộ nghèo
    hit = page.locator(".sentence-hit", has_text="tỷ lệ hộ nghèo").first
    rate = hit.locator('mark.figure[data-kind="percent"] a').first  # the rate printed after `tỷ lệ hộ nghèo`
    figure_text = rate.inner_text().split("\n")[0].strip()
    rate.click()
    page.wait_for_url("**/-/figure/*")
    focus = page.locator("#figure-sentence mark.figure.focus")
    focus.wait_for()
    assert focus.count() == 1 and focus.inner_text().startswith(figure_text)
    bg = focus.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), bg
    assert "hộ nghèo" in page.locator("#figure-sentence").inner_text()
    assert page.locator("h2", has_text="Kiểm tra").count() == 1
    page.screenshot(path=str(SHOTS / "figure.png"), full_page=True)

    # the dashboard: every chart drawn
    page.goto(server + "/-/dashboards/provinces")
    page.wait_for_url("**indicator=*")
    assert page.locator("select#indicator option:checked").inner_text() == "Tăng trưởng GRDP"
    for chart in ("over-time", "province-map", "targets", "inconsistent-sources", "documents-month"):
        page.wait_for_selector(f"#chart-{chart} canvas, #chart-{chart} svg")
    page.wait_for_function("document.querySelectorAll('.dashboard-card p').length >= 6")
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    # the map of provinces (datasette-cluster-map): markers drawn from the centroids
    page.goto(server + "/chitieu/province_map")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() >= 1
    page.locator(".leaflet-container").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)

    assert not errors, errors


def test_journalist_finds_a_number_typed_as_written_and_copies_its_citation(server, page):
    """The journalist: `Vĩnh Phúc 2.101` in the start page's box -> the figure -> its citation; the pages
    a reader scrolls stay short and the value stays on screen."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.fill("#start-q", "Vĩnh Phúc 2.101")
    page.press("#start-q", "Enter")
    page.wait_for_url("**/-/search?q=*")
    page.locator(".figure-hits a.figure-link", has_text="2.101/2.000 chỉ tiêu").first.click()
    page.wait_for_url("**/-/figure/*")
    assert page.locator("#figure-value").inner_text() == "2.101/2.000 chỉ tiêu"
    cite = page.locator("#citation-text").input_value()
    assert "kết nạp được 2.101/2.000 chỉ tiêu" in cite and "Không có địa chỉ web" in cite and page.url in cite
    page.screenshot(path=str(SHOTS / "figure-citation.png"), full_page=True)

    # the figures of one indicator: the value is the first column and on screen, the page is not a wall
    page.goto(server + "/chitieu/figures?indicator_key=budget_revenue")
    cell = page.locator("td.col-value").first
    box = cell.bounding_box()
    assert "tỷ đồng" in cell.inner_text() and box["x"] + box["width"] <= 1360
    assert page.evaluate("document.documentElement.scrollHeight") < 2500
    page.screenshot(path=str(SHOTS / "figures-table.png"), full_page=True)

    # a document's page: the text folded, the article with its figures one click away
    page.goto(server + "/chitieu/documents/001_765aeabb6aa155cd")
    assert page.evaluate("document.documentElement.scrollHeight") < 3000
    page.locator("#article summary").click()
    assert page.locator("#article mark.figure", has_text="2.101/2.000 chỉ tiêu").count() == 1

    # a map of one province does not zoom to street level (tile zoom is in the tile URL: /z/x/y.png)
    page.goto(server + "/chitieu/province_map?province=H%C3%A0+T%C4%A9nh")
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_selector("img.leaflet-tile", state="attached")
    zooms = page.eval_on_selector_all("img.leaflet-tile", "els => els.map(e => +e.src.split('/').slice(-3)[0])")
    assert zooms and max(zooms) <= 7, zooms
    assert not errors, errors


def test_researcher_picks_an_indicator_by_name_and_exports_its_series(server, page):
    """The researcher: the dashboard's picker by Vietnamese name -> tiles and charts of that indicator ->
    its series as CSV with the machine values."""
    page.goto(server + "/-/dashboards/provinces")
    page.select_option("select#indicator", label="Tỷ lệ hộ nghèo")
    page.click(".dashboard-filters input[type=submit]")
    page.wait_for_url("**indicator=T*")
    page.wait_for_selector("#chart-targets svg, #chart-targets canvas")
    tile = page.locator("#card-figures-total")
    tile.locator("text=4").wait_for()  # the corpus has 4 figures of poverty_rate, not the whole database's
    page.screenshot(path=str(SHOTS / "dashboard-poverty.png"), full_page=True)
    page.goto(server + "/chitieu/series?indicator_key=poverty_rate")
    page.check("#export input[name=_dl]")
    with page.expect_download() as dl:
        page.click("#export input[type=submit]")
    head, *rows = Path(dl.value.path()).read_text(encoding="utf-8").splitlines()
    assert "indicator_key" in head.split(",") and rows and all(",poverty_rate," in r for r in rows)
    assert any(",4.68," in r for r in rows)  # the machine value, as the CSV keeps it


def test_operator_sees_the_site_that_failed(server, page):
    """The operator: the runs -> the month's report, which names the site nobody could reach."""
    page.goto(server + "/chitieu/runs")
    page.locator("td.col-report a", has_text="2026-10").click()
    page.wait_for_url("**/-/reports/2026-10")
    failed = page.locator(".failed-sites")
    assert "Trang không truy cập được" in failed.inner_text() and "down" in failed.locator("td").first.inner_text()
    page.screenshot(path=str(SHOTS / "report-failed-site.png"), full_page=True)
    page.goto(server + "/-/reports")
    assert page.locator("a.report-link", has_text="2026-10").count() == 1


def test_journalist_checks_a_claim_from_the_start_page(server, page):
    """The journalist pastes a sentence into the start page's claim box -> the verdict in Vietnamese, with
    the stored figure behind it -> a false figure on the check page's own form -> the figure's page."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.fill("#start-claim", "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021. " * 500)  # 22 KB: too long a URL
    page.click("form.start-check input[type=submit]")
    too_long = page.locator("form.start-check .claim-too-long")
    too_long.wait_for()
    assert "chỉ đọc tối đa 1.000 ký tự" in too_long.inner_text() and page.url == server + "/"
    page.fill("#start-claim", "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021")
    page.screenshot(path=str(SHOTS / "start-claim.png"))
    page.click("form.start-check input[type=submit]")
    page.wait_for_url("**/-/check?claim=*")
    answer = page.locator("#claim-answer")
    assert "Có nguồn xác nhận" in answer.inner_text()
    assert page.locator(".stored-figures a.figure-link", has_text="2.101/2.000 chỉ tiêu").count() == 1

    page.fill("#claim", "Vinh Phuc ket nap 2.500 dang vien nam 2021")
    page.click("form.claimbox input[type=submit]")
    page.wait_for_url("**claim=Vinh*")
    assert "Nguồn ghi khác" in page.locator("#claim-answer").inner_text()
    assert "nhận định 2.500 − nguồn 2.101 = +399" in page.locator(".stored-figures .computation").first.inner_text()
    page.screenshot(path=str(SHOTS / "check-claim.png"), full_page=True)

    page.locator(".stored-figures a.figure-link", has_text="2.101/2.000 chỉ tiêu").click()
    page.wait_for_url("**/-/figure/*")
    assert page.locator("#figure-value").inner_text() == "2.101/2.000 chỉ tiêu"
    assert not errors, errors
