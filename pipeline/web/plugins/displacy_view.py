"""`/-/displacy/<document id>`: the document rendered by displaCy, figures and entities highlighted.

The spaCy pipeline of `extractors.nlp` runs on the stored text when the page is asked for (one
document at a time), so the database keeps no copy of the rendering; `documents.view` links here.
"""
from __future__ import annotations

import asyncio
from functools import lru_cache

import markupsafe
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response


@lru_cache(maxsize=1)
def _nlp():
    import extractors.nlp as vn  # spaCy and underthesea's models: loaded when a page is first asked for, not at start

    return vn.pipeline()


def render_document(text: str, province: str | None, published: str | None, title: str | None) -> str:
    import extractors.nlp as vn  # see _nlp

    nlp = _nlp()
    doc = nlp.make_doc(text)
    doc._.province, doc._.published, doc._.title = province, published, title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return vn.render(doc, page=False)


async def displacy_page(datasette, request):
    doc_id = request.url_vars["doc_id"]
    db = datasette.get_database()
    rows = (await db.execute("select id, title, text, province, published, source from documents where id = ?",
                             [doc_id])).rows
    if not rows:
        raise NotFound(f"No document {doc_id}")
    r = rows[0]
    body = await asyncio.to_thread(render_document, r["text"], r["province"], r["published"], r["title"])
    esc = markupsafe.escape
    page = (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{esc(r['title'] or doc_id)}</title>"
            f"</head><body style='font-family: sans-serif; max-width: 60em; margin: 2em auto'>"
            f"<p><a href='{datasette.urls.row(db.name, 'documents', doc_id)}'>← document {esc(doc_id)}</a></p>"
            f"<h1>{esc(r['title'] or doc_id)}</h1><p>{esc(r['province'] or '')} · {esc(r['published'] or '')} · "
            f"{esc(r['source'] or '')}</p>{body}</body></html>")
    return Response.html(page)


@hookimpl
def register_routes():
    return [(r"^/-/displacy/(?P<doc_id>[^/]+)$", displacy_page)]


@hookimpl
def render_cell(value, column, table):
    if table == "documents" and column == "view" and isinstance(value, str) and value.startswith("/-/displacy/"):
        return markupsafe.Markup(f'<a href="{markupsafe.escape(value)}">xem bài (displaCy view)</a>')
    return None


async def report_page(datasette, request):
    """`/-/reports/<name>`: a run report written by `chitieu run --report`, from beside the database."""
    from pathlib import Path

    name = request.url_vars["name"]
    db = datasette.get_database()
    # the exact file name, compared as text: no LIKE, whose `_` and `%` would let `x_s` find `xss`
    tail = f"/{name}.html"
    rows = (await db.execute("select report from runs where substr(report, -?) = ? order by id desc limit 1",
                             [len(tail), tail])).rows
    if not rows or not rows[0]["report"]:
        raise NotFound(f"No report {name}")
    path = Path(rows[0]["report"])
    if path.name != f"{name}.html" or not path.is_file():
        raise NotFound(f"Report file missing: {path.name}")
    return Response.html(path.read_text(encoding="utf-8"))


@hookimpl(specname="register_routes")
def register_report_routes():
    return [(r"^/-/reports/(?P<name>[\w.-]+)$", report_page)]
