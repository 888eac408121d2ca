"""The run report: what a run did, as an HTML page with charts (`output/reports/<month>.html`).

Documents new, changed and failed per site; mentions added; new inconsistencies; figures that changed
since the last run (the page was edited); mentions per kind. Charts are inline SVG, so the page needs
nothing from the network. Datasette shows it at `/-/reports/<name>` (plugins/displacy_view.py).
"""
from __future__ import annotations

import html
import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

import sqlite_utils


def site_of(source: str | None, url: str | None) -> str:
    if url:
        return urlparse(url).netloc or url
    if source and "://" in source:
        return urlparse(source).netloc
    return str(Path(source).parent) if source else "?"


def _bars(title: str, data: list[tuple[str, float]], color: str = "#2a9d8f") -> str:
    """A horizontal bar chart in SVG."""
    if not data:
        return f"<h3>{html.escape(title)}</h3><p>None.</p>"
    width, bar_h, label_w = 640, 22, 220
    top = max(v for _, v in data) or 1
    rows = []
    for i, (label, v) in enumerate(data):
        w = (width - label_w - 60) * v / top
        y = i * (bar_h + 6)
        rows.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
                    f'{html.escape(str(label))[:34]}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>'
                    f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12">{v:g}</text>')
    h = len(data) * (bar_h + 6)
    return (f'<h3>{html.escape(title)}</h3><svg role="img" aria-label="{html.escape(title)}" width="{width}" '
            f'height="{h}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>')


def _table(headers: list[str], rows: list[list]) -> str:
    if not rows:
        return "<p>None.</p>"
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
        changed_figures = db.execute(
            "select h.doc, h.text, h.value, group_concat(m.text, ' | '), h.sentence from mention_history h "
            "left join mentions m on m.doc = h.doc and m.kind = h.kind and coalesce(m.indicator_key, '') = "
            "coalesce(h.indicator_key, '') where h.superseded_by_run = ? group by h.id order by h.doc limit 500",
            [run_id]).fetchall()
    return {"run": run, "per_site": per_site, "kinds": kinds, "inconsistent": inconsistent,
            "changed_figures": changed_figures}


def render(data: dict, title: str) -> str:
    run = data["run"]
    sites = sorted(data["per_site"].items())
    site_rows = [[s, c["new"], c["changed"], c["failed"]] for s, c in sites]
    errors = json.loads(run.get("errors") or "[]")
    parts = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "text-align:left;vertical-align:top}th{background:#f4f4f4}.n{font-size:1.6em;font-weight:bold}"
        ".k{display:inline-block;margin-right:2em}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Run {run['id']} ({html.escape(run.get('command') or '')}), started {run.get('started')}, "
        f"finished {run.get('finished') or 'not finished'}.</p>",
        "<div>" + "".join(f"<span class='k'><span class='n'>{run.get(k) or 0}</span><br>{label}</span>" for k, label in (
            ("documents_read", "documents read"), ("documents_new", "new"), ("documents_changed", "changed"),
            ("documents_unchanged", "unchanged"), ("documents_failed", "failed"),
            ("mentions_added", "mentions added"))) + "</div>",
        "<h2>Documents per site</h2>",
        _table(["site", "new", "changed", "failed"], site_rows),
        _bars("New and changed documents per site", [(s, c["new"] + c["changed"]) for s, c in sites]),
        _bars("Mentions added, per kind", sorted(data["kinds"].items(), key=lambda x: -x[1]), "#e76f51"),
        f"<h2>New inconsistencies ({len(data['inconsistent'])})</h2>",
        _table(["check", "worked computation", "document", "sentence"], [list(r) for r in data["inconsistent"]]),
        f"<h2>Figures that changed since the last run ({len(data['changed_figures'])})</h2>",
        _table(["document", "was", "value", "now", "sentence"], [list(r) for r in data["changed_figures"]]),
        f"<h2>Failures ({len(errors)})</h2>",
        _table(["input", "error"], [[e.get("input"), e.get("error")] for e in errors]),
        f"<p><small>Written {datetime.now(timezone.utc).isoformat(timespec='seconds')} by chitieu.</small></p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(db: sqlite_utils.Database, run_id: int, out_dir: Path, name: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(report_data(db, run_id), f"chitieu run report {name}"), encoding="utf-8")
    tmp.replace(path)  # atomic: a reader never sees half a report
    with db.atomic():
        db["runs"].update(run_id, {"report": str(path)}, alter=True)
    return path
