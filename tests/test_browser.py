"""End to end in a real browser: `chitieu serve` as a process on 127.0.0.1, headless Debian Chromium
driven by Playwright. Search `ho ngheo`, open a figure, see it highlighted in its sentence, open the
dashboard and the map; screenshots go to output/screenshots/."""
from pathlib import Path

import pytest

from serving import chitieu_serve, copy_db

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


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    db = copy_db(built_db, tmp_path_factory.mktemp("served") / "chitieu.db")
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
    rate = hit.locator('mark.figure[title="percent"] a').first  # the rate printed after `tỷ lệ hộ nghèo`
    figure_text = rate.inner_text().split("\n")[0].strip()
    rate.click()
    page.wait_for_url("**/-/figure/*")
    focus = page.locator("#figure-sentence mark.figure.focus")
    focus.wait_for()
    assert focus.count() == 1 and focus.inner_text().startswith(figure_text)
    bg = focus.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), bg
    assert "hộ nghèo" in page.locator("#figure-sentence").inner_text()
    assert page.locator("h2", has_text="Checks").count() == 1
    page.screenshot(path=str(SHOTS / "figure.png"), full_page=True)

    # the dashboard: every chart drawn
    page.goto(server + "/-/dashboards/provinces")
    page.wait_for_url("**indicator=grdp_growth**")
    for chart in ("over-time", "province-map", "targets", "inconsistent-sources", "documents-month"):
        page.wait_for_selector(f"#chart-{chart} canvas, #chart-{chart} svg")
    page.wait_for_function("document.querySelectorAll('.dashboard-card p').length >= 4")
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
