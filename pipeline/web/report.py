"""The run report: what a run did, as an HTML page with charts (`output/reports/<month>.html`), in
Vietnamese with the English beside it.

Sites that could not be reached (first, so the operator sees them); documents new, changed and failed
per site; mentions added; new inconsistencies; figures whose value changed since the last run (the
page was edited: a figure that only moved in the text, its value unchanged, is not listed); mentions per
kind. Charts are inline SVG, so the page needs nothing from the network. Datasette shows it at
`/-/reports/<name>` (plugins/displacy_view.py) and lists the reports at `/-/reports`.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

import sqlite_utils

from pipeline.web import vi


def site_of(source: str | None, url: str | None) -> str:
    if source and source.startswith("site:"):
        return source[5:]
    if url:
        return urlparse(url).netloc or url
    if source and "://" in source:
        return urlparse(source).netloc
    return str(Path(source).parent) if source else "?"


def _bars(title: str, data: list[tuple[str, float]], color: str = "#2a9d8f") -> str:
    """A horizontal bar chart in SVG."""
    if not data:
        return f"<h3>{html.escape(title)}</h3><p>Không có (none).</p>"
    width, bar_h, label_w = 640, 22, 220
    top = max(v for _, v in data) or 1
    rows = []
    for i, (label, v) in enumerate(data):
        w = (width - label_w - 60) * v / top
        y = i * (bar_h + 6)
        rows.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
                    f'{html.escape(str(label))[:34]}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>'
                    f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12">{vi.number(v)}</text>')
    h = len(data) * (bar_h + 6)
    return (f'<h3>{html.escape(title)}</h3><svg role="img" aria-label="{html.escape(title)}" width="{width}" '
            f'height="{h}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>')


def _table(headers: list[str], rows: list[list]) -> str:
    if not rows:
        return "<p>Không có (none).</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_data(db: sqlite_utils.Database, run_id: int) -> dict:
    run = dict(zip([c[0] for c in db.execute("select * from runs where id = ?", [run_id]).description],
                   db.execute("select * from runs where id = ?", [run_id]).fetchone()))
    docs = db.execute("select id, source, url, first_seen_run, changed_run from documents "
                      "where changed_run = ? or first_seen_run = ?", [run_id, run_id]).fetchall()
    per_site: dict[str, Counter] = {}
    for _id, source, url, first, changed in docs:
        c = per_site.setdefault(site_of(source, url), Counter())
        c["new" if first == run_id else "changed"] += 1
    for inp, _err in db.execute("select input, error from run_errors where run = ?", [run_id]).fetchall():
        per_site.setdefault(site_of(inp.split("#")[0], None), Counter())["failed"] += 1
    doc_ids = [d[0] for d in docs]
    kinds = Counter()
    inconsistent = []
    if doc_ids:
        marks = ",".join("?" * len(doc_ids))
        kinds = Counter(dict(db.execute(f"select kind, count(*) from mentions where doc in ({marks}) group by kind",
                                        doc_ids).fetchall()))
        if "checks" in db.table_names():
            inconsistent = db.execute(
                f"select check_type, computation, doc, sentence from checks where verdict = 'inconsistent' "
                f"and doc in ({marks}) order by doc limit 200", doc_ids).fetchall()
    changed_figures = []
    if "mention_history" in db.table_names():
        # a figure replaced only because the text moved around it (same words, kind, value and unit still in
        # the document) did not change: only figures whose value is no longer printed are listed
        changed_figures = db.execute(
            "select h.doc, h.text, h.value, group_concat(m.text, ' | '), h.sentence from mention_history h "
            "left join mentions m on m.doc = h.doc and m.kind = h.kind and coalesce(m.indicator_key, '') = "
            "coalesce(h.indicator_key, '') where h.superseded_by_run = ? and not exists ("
            "select 1 from mentions s where s.doc = h.doc and s.kind = h.kind and s.text = h.text "
            "and s.value is h.value and s.low is h.low and s.high is h.high and s.unit is h.unit) "
            "group by h.id order by h.doc limit 500", [run_id]).fetchall()
    return {"run": run, "per_site": per_site, "kinds": kinds, "inconsistent": inconsistent,
            "changed_figures": changed_figures, "failed_sites": failed_sites(db, run_id)}


def failed_sites(db: sqlite_utils.Database, run_id: int) -> list[tuple[str, str, str]]:
    """(site, since, error) of every site the run's last monthly attempt could not reach."""
    tables = set(db.table_names())
    out: dict[str, tuple[str, str, str]] = {}
    if {"monthly_sites", "monthly_runs"} <= tables:
        for site, since in db.execute(
                "select s.site, s.since from monthly_sites s join monthly_runs m on m.id = s.monthly_run "
                "where m.run = ? and s.status = 'failed' and m.id = (select max(id) from monthly_runs "
                "where run = ?) order by s.site", [run_id, run_id]).fetchall():
            out[site] = (site, since or "lần đầu, mọi ngày (first crawl, every date)", "")
    for inp, err in db.execute("select input, error from run_errors where run = ? and input like 'site:%'",
                               [run_id]).fetchall():
        name = inp[5:]
        out[name] = (name, out.get(name, (name, "", ""))[1], err)
    return sorted(out.values())


def render(data: dict, title: str) -> str:
    run = data["run"]
    sites = sorted(data["per_site"].items())
    site_rows = [[s, c["new"], c["changed"], c["failed"]] for s, c in sites]
    errors = json.loads(run.get("errors") or "[]")
    failed = data.get("failed_sites") or []
    parts = [
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "text-align:left;vertical-align:top}th{background:#f4f4f4}.n{font-size:1.6em;font-weight:bold}"
        ".k{display:inline-block;margin-right:2em}small{color:#666}"
        ".failed-sites{border:2px solid #c62828;padding:.2em 1em;background:#fff5f5}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Lần chạy (run) {run['id']} ({html.escape(run.get('command') or '')}), bắt đầu (started) "
        f"{run.get('started')}, kết thúc (finished) {run.get('finished') or 'chưa xong (not finished)'}.</p>",
    ]
    if failed:
        parts += [
            f"<section class='failed-sites'><h2>Trang không truy cập được <small>(sites not reached)</small> "
            f"({len(failed)})</h2>",
            _table(["trang (site)", "thu thập từ ngày (since)", "lỗi (error)"], [list(r) for r in failed]),
            "<p>Lần chạy sau sẽ thử lại từ cùng ngày (the next run retries them from the same date).</p></section>",
        ]
    parts += [
        "<div>" + "".join(f"<span class='k'><span class='n'>{vi.number(run.get(k) or 0)}</span><br>{label}</span>"
                          for k, label in (
            ("documents_read", "bài đã đọc (read)"), ("documents_new", "mới (new)"),
            ("documents_changed", "thay đổi (changed)"), ("documents_unchanged", "không đổi (unchanged)"),
            ("documents_failed", "lỗi (failed)"), ("mentions_added", "số liệu thêm (mentions added)"))) + "</div>",
        "<h2>Bài theo trang <small>(documents per site)</small></h2>",
        _table(["trang (site)", "mới (new)", "thay đổi (changed)", "lỗi (failed)"], site_rows),
        _bars("Bài mới và thay đổi theo trang (new and changed documents per site)",
              [(s, c["new"] + c["changed"]) for s, c in sites]),
        _bars("Số liệu thêm theo loại (mentions added, per kind)",
              sorted(((vi.KINDS.get(k, k), n) for k, n in data["kinds"].items()), key=lambda x: -x[1]), "#e76f51"),
        f"<h2>Kiểm tra mới không khớp <small>(new inconsistencies)</small> ({len(data['inconsistent'])})</h2>",
        _table(["kiểm tra (check)", "phép tính (worked computation)", "bài (document)", "câu (sentence)"],
               [[vi.CHECK_TYPES.get(r[0], r[0]), *r[1:]] for r in data["inconsistent"]]),
        f"<h2>Số liệu thay đổi so với lần chạy trước <small>(figures that changed since the last run)</small> "
        f"({len(data['changed_figures'])})</h2>",
        _table(["bài (document)", "trước (was)", "giá trị (value)", "nay (now)", "câu (sentence)"],
               [[r[0], r[1], vi.number(r[2]), *r[3:]] for r in data["changed_figures"]]),
        f"<h2>Lỗi <small>(failures)</small> ({len(errors)})</h2>",
        _table(["đầu vào (input)", "lỗi (error)"], [[e.get("input"), e.get("error")] for e in errors]),
        f"<p><small>Viết lúc (written) {datetime.now(timezone.utc).isoformat(timespec='seconds')} bởi chitieu.</small></p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(db: sqlite_utils.Database, run_id: int, out_dir: Path, name: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(report_data(db, run_id), f"Báo cáo lần chạy chitieu {name} (chitieu run report {name})"),
                   encoding="utf-8")
    tmp.replace(path)  # atomic: a reader never sees half a report
    with db.atomic():
        db["runs"].update(run_id, {"report": str(path)}, alter=True)
    return path
