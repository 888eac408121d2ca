"""Vietnamese on every table page (loaded with `--plugins-dir`), while JSON and CSV keep the machine
values and column names:

- cells: values as Vietnamese print them (`2.101`, `9,54%`, `32.398 tỷ đồng`), kinds, statuses,
  units, periods and verdicts in Vietnamese (the machine value in the tooltip), a curated indicator by
  its Vietnamese name and any other by the words of its sentence, `runs.inputs` as a count of files,
  long texts folded;
- templates: `col_label` (a column's Vietnamese heading), `vi_number`, and the start page's data;
- SQL: `vi_matches(value, typed)` and `vi_words(typed)`, so a canned query accepts a number as
  people type it (`2.101`, `2101`, `9,54`, `32.398 tỷ`) and a province or words beside it.
"""
from __future__ import annotations

import html
import json
from functools import lru_cache

import markupsafe
from datasette import hookimpl

from extractors.normalize import fold
from pipeline.db.claims import MAX_CLAIM_CHARS
from pipeline.web import vi

# columns holding a figure's value in base units, formatted with the row's unit where it has one
AMOUNT_TABLES = {"figures", "mentions", "mention_history"}
NUMBER_COLUMNS = {"value", "low", "high", "denominator", "target", "target_low", "target_high", "result",
                  "min_value", "max_value", "difference", "stated", "computed", "tolerance", "ratio",
                  "achieved_pct", "spread_pct", "figures", "documents", "mentions", "skipped", "unread",
                  "documents_read", "documents_new", "documents_changed", "documents_unchanged",
                  "documents_failed", "mentions_added", "inconsistent", "largest_difference", "requests",
                  "fetched", "rows", "checks", "checks_recomputed", "checks_removed", "groups", "n"}
LIST_COLUMNS = {("runs", "inputs"): "đầu vào", ("runs", "errors"): "lỗi"}
LONG_TEXT = 280          # characters of a long text shown before the rest is folded away
LIST_SHOWN = 30          # items of a JSON list shown when it is unfolded


def _get(row, key):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _span(text: str, title=None) -> markupsafe.Markup:
    t = f' title="{html.escape(str(title))}"' if title not in (None, "") else ""
    return markupsafe.Markup(f'<span class="vi"{t}>{html.escape(text)}</span>')


def folded(text: str, limit: int = LONG_TEXT) -> markupsafe.Markup:
    """A long text as its beginning and the rest behind a toggle."""
    head, rest = text[:limit], text[limit:]
    cut = head.rfind(" ")
    if cut > limit * 0.6:
        head, rest = text[:cut], text[cut:]
    return markupsafe.Markup(
        f'<span class="long-text">{html.escape(head)}<details class="more"><summary>… xem tiếp '
        f'({vi.number(len(text))} ký tự)</summary>{html.escape(rest)}</details></span>')


def json_list(value: str, noun: str) -> markupsafe.Markup | None:
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(items, list):
        return None
    if not items:
        return _span("không có")
    shown = []
    for x in items[:LIST_SHOWN]:
        shown.append(html.escape(": ".join(str(v) for v in x.values()) if isinstance(x, dict) else str(x)))
    more = f"<li>… và {vi.number(len(items) - LIST_SHOWN)} nữa</li>" if len(items) > LIST_SHOWN else ""
    return markupsafe.Markup(f'<details class="list"><summary>{vi.number(len(items))} {noun}</summary><ul>'
                             + "".join(f"<li>{s}</li>" for s in shown) + more + "</ul></details>")


def cell(row, value, column: str, table: str | None):
    """The HTML of one cell, or None to leave it to Datasette."""
    if value is None or value == "":
        return None
    if (table, column) in LIST_COLUMNS and isinstance(value, str):
        return json_list(value, LIST_COLUMNS[(table, column)])
    if column == "value" and (table in AMOUNT_TABLES or table is None) and isinstance(value, (int, float)):
        shown = vi.amount(value, _get(row, "unit"), _get(row, "kind"), denominator=_get(row, "denominator"))
        return _span(shown or vi.number(value), value)
    if column in NUMBER_COLUMNS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _span(vi.number(value), value)
    if column == "indicator_key" and isinstance(value, str):
        name = vi.indicator_name(value, _get(row, "indicator"))
        return _span(name or value, value) if name and name != value else None
    if column == "unit" and isinstance(value, str):
        u = vi.unit_vi(value)
        return _span(u, value) if u != value else None
    if column in ("period", "result_period") and isinstance(value, str):
        p = vi.period(value)
        return _span(p, value) if p != value else None
    w = vi.word(column, value)
    if w:
        return _span(w, value)
    if isinstance(value, str) and len(value) > LONG_TEXT * 1.5 and column in ("text", "sentence", "phrases",
                                                                               "error", "computation"):
        return folded(value)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "report" and table in ("runs", "monthly_runs") and isinstance(value, str) and value:
        from pathlib import PurePath

        name = PurePath(value).stem
        href = datasette.urls.path(f"/-/reports/{name}")
        return markupsafe.Markup(f'<a href="{html.escape(href)}" title="{html.escape(value)}">báo cáo '
                                 f'{html.escape(name)}</a>')
    return cell(row, value, column, table)


@hookimpl
def prepare_connection(conn):
    conn.create_function("vi_matches", 2, _matches, deterministic=True)
    conn.create_function("vi_words", 1, _words, deterministic=True)
    conn.create_function("vi_min", 1, lambda t: _bounds(t)[0], deterministic=True)
    conn.create_function("vi_max", 1, lambda t: _bounds(t)[1], deterministic=True)
    conn.create_function("vi_fold", 1, lambda s: fold(s) if isinstance(s, str) else s, deterministic=True)


@lru_cache(maxsize=256)
def _typed(typed: str) -> tuple[tuple[float, ...], str]:
    """The readings of the first number typed and the folded words beside it, read once per query (the
    SQL functions are called once per row)."""
    nums, words = vi.split_numbers(typed)
    return (tuple(nums[0]) if nums else ()), fold(words).strip()


def _matches(value, typed) -> int:
    """1 when a stored value is one reading of the first number typed (within 0.5 %)."""
    if value is None or not typed:
        return 0
    readings = _typed(str(typed))[0]
    return int(bool(readings) and vi.matches(value, readings))


def _bounds(typed) -> tuple[float | None, float | None]:
    """The smallest and largest value any reading allows: a range SQLite compares at C speed before
    `vi_matches` looks at the few rows inside it (constant per query, so computed once)."""
    readings = _typed(str(typed or ""))[0]
    if not readings:
        return None, None
    ends = [x for c in readings for x in (c - abs(c) * 0.005, c + abs(c) * 0.005)]
    return min(ends), max(ends)


def _words(typed) -> str:
    """The words typed beside the numbers, folded (`Vĩnh Phúc 2.101` gives `vinh phuc`)."""
    return _typed(str(typed or ""))[1]


# The columns a reader looks at first, in this order (the rest follow as the table has them): the figure
# itself before its provenance, so its value is never off-screen.
FIRST_COLUMNS = {
    "figures": ("value", "unit", "indicator_key", "indicator", "place", "period", "status", "text", "title",
                "published", "id"),
    "mentions": ("value", "unit", "indicator_key", "indicator", "entity", "province", "period", "status", "text"),
    "mention_history": ("value", "unit", "indicator_key", "indicator", "entity", "period", "status", "text"),
    "series": ("indicator_key", "province", "period", "status", "value", "unit", "figures", "documents"),
    "targets_vs_results": ("indicator_key", "province", "period", "target", "result", "achieved_pct", "unit"),
    "runs": ("id", "started", "command", "documents_new", "documents_changed", "documents_failed",
             "mentions_added", "report", "inputs", "errors"),
}


def column_order(display_columns, table) -> list[int]:
    """Indexes of the table's columns, the reader's columns first (a row page's link column stays first)."""
    first = FIRST_COLUMNS.get(table or "", ())
    names = [c["name"] if isinstance(c, dict) else getattr(c, "name", c) for c in display_columns]
    rank = {n: i for i, n in enumerate(first)}
    lead = [i for i, n in enumerate(names) if n == "Link"]
    rest = [i for i in range(len(names)) if i not in lead]
    return lead + sorted(rest, key=lambda i: (rank.get(names[i], len(first)), i))


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def inner():
        out = {"col_label": vi.column, "vi_number": vi.number, "vi_period": vi.period,
               "column_order": column_order, "table_title": lambda db, t: datasette.metadata(
                   "title", database=db, table=t) or t}
        if template == "index.html":
            out["start"] = await start_page(datasette)
        if view_name == "row" and table == "documents" and request is not None:
            out["article"] = await article(datasette, database, request.url_vars.get("pks"))
        return out
    return inner


async def article(datasette, database, pks) -> markupsafe.Markup | None:
    """The document's text with every figure marked and linked to its page (no NLP: the stored offsets)."""
    from datasette.utils import tilde_decode

    from pipeline.web.plugins.chitieu_pages import render_sentence

    if not pks:
        return None
    doc_id = tilde_decode(pks)
    db = datasette.get_database(database)
    rows = (await db.execute("select text from documents where id = ?", [doc_id])).rows
    if not rows or not rows[0]["text"]:
        return None
    figs = [dict(r) for r in (await db.execute(
        "select id, start, end, kind, text from mentions where doc = ? order by start", [doc_id])).rows]
    link = lambda i: datasette.urls.path(f"/-/figure/{i}")  # noqa: E731
    paragraphs, pos = [], 0
    text = rows[0]["text"]
    for para in text.split("\n"):
        mine = [f for f in figs if pos <= (f["start"] or -1) and (f["end"] or 0) <= pos + len(para)]
        paragraphs.append(f"<p>{render_sentence(para, mine, pos, link=link)}</p>" if para.strip() else "")
        pos += len(para) + 1
    return markupsafe.Markup("".join(paragraphs))


async def start_page(datasette) -> dict:
    """What the start page lists: the indicators with the most figures, the provinces, the latest run."""
    try:
        db = datasette.get_database()
    except Exception:
        return {}
    tables = set(await db.table_names()) | set(await db.view_names())
    out = {"database": db.name, "indicators": [], "provinces": [], "run": None,
           "has_check": True, "claim_max": MAX_CLAIM_CHARS}  # the /-/check page (plugins/chitieu_check.py)
    if "mentions" not in tables:
        return out
    # the curated indicators (each count is an index lookup: fast at a million figures), then the provinces
    # by their documents (far fewer rows than figures)
    if "indicators" in tables:
        out["indicators"] = [{"key": r["key"], "name": r["name"], "n": r["figures"]} for r in (await db.execute(
            "select key, name, figures from indicators where figures > 0 order by figures desc, name limit 12")).rows]
    out["provinces"] = [{"province": r["province"], "n": r["n"]} for r in (await db.execute(
        "select province, count(*) as n from documents where province is not null group by province "
        "order by n desc, province limit 63")).rows]
    if "runs" in tables:
        r = (await db.execute("select * from runs order by id desc limit 1")).rows
        out["run"] = dict(r[0]) if r else None
    return out
