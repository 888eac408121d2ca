"""Datasette pages of chitieu (loaded with `--plugins-dir pipeline/plugins`).

- `/-/figure/<mention id>`: a figure's page: its sentence with the figure highlighted (every other
  figure of the sentence marked too, displaCy style), the sentences around it, its document, the live
  URL and the archived page when the scraper kept one, its checks when a `checks` table exists, and
  the same indicator, place and period as other sources reported it.
- `/-/search?q=…`: full-text search over titles and sentences, with or without diacritics (`ho ngheo`
  finds `hộ nghèo`, `dau tu` finds `đầu tư`), ranked by BM25, each hit's figures linked to their pages.
- `/-/archive/<sha256>`: an archived raw page (gzip under `<db folder>/archive/`), served sandboxed.
- Figure ids in tables and views link to their figure pages.
"""
from __future__ import annotations

import gzip
import html
import itertools
import re
import unicodedata
from pathlib import Path

import markupsafe
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from pipeline.web import vi
from pipeline.web.citation import citation

FIGURE_ID_COLUMNS = {
    "figures": {"id"},
    "series": {"latest_figure"},
    "targets_vs_results": {"target_figure", "result_figure"},
}
FIGURE_ID_RE = re.compile(r"^[0-9a-f]{16}$")
SHA_RE = re.compile(r"^[0-9a-fA-F]{8,128}$")
ARCHIVE_HASH_COLUMNS = ("archive_sha256", "raw_sha256", "html_sha256", "sha256", "archive", "archived",
                        "content_sha256", "body_sha256")
DOC_COLUMNS = ("doc", "document", "document_id")
URL_COLUMNS = ("url", "final_url", "canonical_url")
CHECK_MENTION_COLUMNS = ("mentions", "mention_ids", "mention_keys", "mention_id", "mention", "keys")
MAX_TERMS = 8


# --- text helpers -------------------------------------------------------------------------------
def fold(s: str) -> str:
    """Lower case without diacritics, đ as d (as `sentences.text_folded`)."""
    s = s.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def query_terms(q: str) -> list[str]:
    return [t for t in re.findall(r"\w+", fold(q or ""))][:MAX_TERMS]


def fts_query(q: str) -> str | None:
    """An FTS5 query matching every word of `q` with or without diacritics.

    The FTS tables fold tone marks (unicode61 remove_diacritics 2) but keep `đ`; titles have no folded
    copy, so a `d` in a word also matches `đ` (`dau` OR `đau`)."""
    parts = []
    for t in query_terms(q):
        idx = [i for i, c in enumerate(t) if c == "d"][:3]
        variants = set()
        for combo in itertools.product("dđ", repeat=len(idx)):
            w = list(t)
            for i, c in zip(idx, combo):
                w[i] = c
            variants.add("".join(w))
        alts = " OR ".join(f'"{v}"' for v in sorted(variants))
        parts.append(f"({alts})" if len(variants) > 1 else alts)
    if not parts:
        return None
    terms = query_terms(q)
    if len(terms) > 1:
        # the words next to each other rank first: the phrase adds its score to rows that hold it
        return '"' + " ".join(terms) + '" OR (' + " AND ".join(parts) + ")"
    return parts[0]


def display_number(v) -> str:
    """27398000000000.0 as 27.398.000.000.000 and 5.02 as 5,02 (Vietnamese style)."""
    return vi.number(v)


def render_sentence(text: str, figures: list[dict], offset: int, focus: str | None = None,
                    terms: list[str] | None = None, link=None) -> markupsafe.Markup:
    """The sentence as HTML: figures marked (the focal one strongly) and search terms in bold.

    `figures` have doc offsets `start`/`end`; `offset` is the sentence's start in the document."""
    spans = []
    for f in figures:
        s, e = (f["start"] or 0) - offset, (f["end"] or 0) - offset
        if not (0 <= s < e <= len(text)) or text[s:e] != (f.get("text") or text[s:e]):
            i = text.find(f.get("text") or "\0")
            if i < 0:
                continue
            s, e = i, i + len(f["text"])
        spans.append((s, e, f))
    spans.sort(key=lambda x: (x[0], -x[1]))
    out, pos = [], 0
    term_set = set(terms or [])

    def words(chunk: str) -> str:
        if not term_set:
            return html.escape(chunk)
        res = []
        for piece in re.split(r"(\w+)", chunk):
            if piece and fold(piece) in term_set:
                res.append(f"<b class=\"term\">{html.escape(piece)}</b>")
            else:
                res.append(html.escape(piece))
        return "".join(res)

    for s, e, f in spans:
        if s < pos:
            continue
        out.append(words(text[pos:s]))
        cls = "figure focus" if focus and f["id"] == focus else "figure"
        inner = html.escape(text[s:e])
        kind = f.get("kind") or ""
        label = html.escape(vi.KINDS.get(kind, kind))
        tag_open = (f'<mark class="{cls}" data-figure="{html.escape(f["id"])}" data-kind="{html.escape(kind)}" '
                    f'title="{label} ({html.escape(kind)})">')
        body = f'{inner}<span class="label">{label}</span>'
        if link and f["id"] != focus:
            body = f'<a href="{html.escape(link(f["id"]))}">{body}</a>'
        out.append(f"{tag_open}{body}</mark>")
        pos = e
    out.append(words(text[pos:]))
    return markupsafe.Markup("".join(out))


# --- database helpers ---------------------------------------------------------------------------
def _db(datasette):
    return datasette.get_database()


async def _tables(db) -> set[str]:
    return set(await db.table_names())


async def _columns(db, table: str) -> list[str]:
    return [r[1] for r in (await db.execute(f"select * from pragma_table_info('{table}')")).rows]


def _pick(cols: list[str], names) -> str | None:
    lower = {c.lower(): c for c in cols}
    return next((lower[n] for n in names if n in lower), None)


def archive_dir(db) -> Path | None:
    return Path(db.path).parent / "archive" if db.path else None


HASH_IN_RE = re.compile(r"[0-9a-f]{64}")
CONTENT_TYPES = {"html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8", "pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "xml": "text/plain; charset=utf-8"}


def archive_hash(value) -> str | None:
    """The SHA-256 in an archive reference: a bare hash or a path such as `ab/<sha>.html.gz`."""
    if not value or not isinstance(value, str):
        return None
    if SHA_RE.match(value):
        return value.lower()
    m = HASH_IN_RE.search(value)
    return m.group(0) if m else None


def find_archived(db, sha: str) -> Path | None:
    """The archived page whose name starts with `sha` (`archive/ab/<sha>.html.gz` as scrapers/archive.py
    files them, or any other layout under archive/)."""
    if not sha or not SHA_RE.match(sha):
        return None
    root = archive_dir(db)
    if not root or not root.is_dir():
        return None
    for folder in (root / sha[:2], root):
        if folder.is_dir():
            for p in sorted(folder.glob(f"{sha}*")):
                if p.is_file():
                    return p
    for p in root.rglob(f"{sha}*"):
        if p.is_file():
            return p
    return None


async def document_links(datasette, db, doc: dict) -> list[dict]:
    """Every known URL of the document, each with its archived copy if there is one."""
    links, seen = [], set()
    if doc.get("url"):
        links.append({"url": doc["url"], "archive": None})
        seen.add(doc["url"])
    hashes = [doc.get("sha256")]
    if "document_urls" in await _tables(db):
        cols = await _columns(db, "document_urls")
        dc, uc, hc = _pick(cols, DOC_COLUMNS), _pick(cols, URL_COLUMNS), _pick(cols, ARCHIVE_HASH_COLUMNS)
        if dc:
            order = "order by [role] = 'canonical' desc" if "role" in cols else ""
            rows = (await db.execute(f"select * from document_urls where [{dc}] = ? {order}", [doc["id"]])).rows
            for r in rows:
                r = dict(r)
                u, h = r.get(uc) if uc else None, archive_hash(r.get(hc)) if hc else None
                if u and u not in seen:
                    links.append({"url": u, "archive": None, "hash": h, "role": r.get("role")})
                    seen.add(u)
                elif u:
                    x = next(x for x in links if x["url"] == u)
                    x["hash"], x["role"] = h, r.get("role")
                if h:
                    hashes.append(h)
    for link in links:  # only web addresses become links (never javascript: or data: from a hostile page)
        if link["url"] and not re.match(r"^https?://", link["url"], re.I):
            link["text_only"] = True
        h = link.get("hash")
        if h and find_archived(db, h):
            link["archive"] = datasette.urls.path(f"/-/archive/{h}")
    archived = [h for h in hashes if h and find_archived(db, h)]
    if archived and not any(x["archive"] for x in links):
        if links:
            links[0]["archive"] = datasette.urls.path(f"/-/archive/{archived[0]}")
        else:
            links.append({"url": None, "archive": datasette.urls.path(f"/-/archive/{archived[0]}")})
    return links


LINKED_CHECK_COLUMNS = ["check_type", "verdict", "role", "computation", "outcome"]


async def figure_checks(db, mention_id: str) -> tuple[bool, list[str], list[dict]]:
    """(checks table present, the columns to show, the checks naming this figure)."""
    tables = await _tables(db)
    if "checks" not in tables:
        return False, [], []
    cols = await _columns(db, "checks")
    if "check_mentions" in tables and {"check_id", "mention_id", "role"} <= set(await _columns(db, "check_mentions")):
        show = [c for c in LINKED_CHECK_COLUMNS if c == "role" or c in cols]
        rows = [dict(r) for r in (await db.execute(
            "select c.*, l.role from check_mentions l join checks c on c.id = l.check_id where l.mention_id = ? "
            "order by c.verdict = 'inconsistent' desc, c.id limit 100", [mention_id])).rows]
        if rows:
            ids = [r["id"] for r in rows]
            others = (await db.execute(
                f"select l.check_id, l.mention_id, l.role, m.text from check_mentions l "
                f"join mentions m on m.id = l.mention_id where l.check_id in ({','.join('?' * len(ids))}) "
                f"and l.mention_id != ? order by l.position", [*ids, mention_id])).rows
            by_check: dict[str, list] = {}
            for o in others:
                by_check.setdefault(o["check_id"], []).append(dict(o))
            for r in rows:
                r["_others"] = by_check.get(r["id"], [])
        return True, show, rows
    mc = _pick(cols, CHECK_MENTION_COLUMNS)
    if not mc:
        return True, cols, []
    rows = (await db.execute(f"select * from checks where instr([{mc}], ?) > 0 limit 100", [mention_id])).rows
    return True, cols, [dict(r) for r in rows]


# --- pages ----------------------------------------------------------------------------------------
FIGURE_FIELDS = ["indicator_key", "indicator", "entity", "scope", "place", "place_new", "province", "province_new",
                 "period", "period_kind", "status", "kind", "value", "low", "high", "denominator", "unit",
                 "qualifier", "compared_to", "direction", "decimals"]


def field_vi(name: str, value) -> str:
    """A field of the figure as a Vietnamese reader reads it."""
    if name in ("value", "low", "high", "denominator"):
        return vi.number(value)
    if name == "indicator_key":
        n = vi.indicator_name(value)
        return n or str(value)
    if name == "unit":
        return vi.unit_vi(value)
    if name == "period":
        return vi.period(value)
    return vi.word(name, value) or ("" if value is None else str(value))


async def figure_context(request, datasette, mention_id: str) -> dict:
    db = _db(datasette)
    rows = (await db.execute("select * from figures where id = ?", [mention_id])).rows
    if not rows:
        raise NotFound(f"Không có số liệu {mention_id} (no figure {mention_id})")
    fig = dict(rows[0])
    dcols = set(await _columns(db, "documents"))
    extra = ", loaded_at" if "loaded_at" in dcols else ""
    drows = (await db.execute("select id, title, published, source, url, sha256, province" + extra +
                              " from documents where id = ?", [fig["doc"]])).rows
    doc = dict(drows[0]) if drows else {"id": fig["doc"], "title": None, "published": None, "source": None,
                                        "url": None, "sha256": None, "province": fig.get("province")}
    sentence, before, after = None, None, None
    if fig.get("sentence_id"):
        srows = (await db.execute("select * from sentences where id = ?", [fig["sentence_id"]])).rows
        if srows:
            sentence = dict(srows[0])
            around = (await db.execute(
                "select idx, text from sentences where document = ? and idx in (?, ?) order by idx",
                [sentence["document"], sentence["idx"] - 1, sentence["idx"] + 1])).rows
            for r in around:
                if r["idx"] < sentence["idx"]:
                    before = r["text"]
                else:
                    after = r["text"]
    link = lambda i: datasette.urls.path(f"/-/figure/{i}")  # noqa: E731
    if sentence:
        others = [dict(r) for r in (await db.execute(
            "select id, start, end, kind, text from mentions where doc = ? and sentence_id = ?",
            [fig["doc"], fig["sentence_id"]])).rows]
        rendered = render_sentence(sentence["text"], others, sentence["start"], focus=mention_id, link=link)
    else:
        rendered = render_sentence(fig.get("sentence") or fig["text"],
                                   [{"id": mention_id, "start": -1, "end": -1, "kind": fig["kind"],
                                     "text": fig["text"]}], 0, focus=mention_id)
    same = []
    if fig.get("indicator_key") and fig.get("period"):
        same = [dict(r) for r in (await db.execute(
            "select id, text, kind, value, low, high, denominator, unit, status, entity, period, doc, title, "
            "published, source from figures where indicator_key = ? and place is ? and period = ? and id != ? "
            "order by published desc limit 50",
            [fig["indicator_key"], fig["place"], fig["period"], mention_id])).rows]
    for x in same:
        x["shown"] = vi.amount(x["value"], x["unit"], x["kind"], x["low"], x["high"], x["denominator"])
    has_checks, check_cols, checks = await figure_checks(db, mention_id)
    links = await document_links(datasette, db, doc)
    permalink = datasette.absolute_url(request, datasette.urls.path(f"/-/figure/{mention_id}"))
    retrieved = await retrieved_date(db, doc)
    cite = citation(fig, doc, links, permalink, datasette.absolute_url(request, "/").rstrip("/"), retrieved)
    shown = vi.amount(fig.get("value"), fig.get("unit"), fig.get("kind"), fig.get("low"), fig.get("high"),
                      fig.get("denominator")) or fig.get("text")
    return {"fig": fig, "doc": doc, "sentence": sentence, "rendered": rendered, "before": before, "after": after,
            "same": same, "has_checks": has_checks, "check_cols": check_cols, "checks": checks, "links": links,
            "database": db.name, "figure_link": link, "number": display_number, "shown": shown,
            "indicator_name": vi.indicator_name(fig.get("indicator_key"), fig.get("indicator")),
            "period_vi": vi.period(fig.get("period")), "citation": cite, "col_label": vi.column,
            "field_vi": field_vi, "word": vi.word, "fields": FIGURE_FIELDS}


async def retrieved_date(db, doc: dict) -> str | None:
    """When the document was read: its first crawl when the crawler found it, else when it was loaded."""
    if "document_urls" in await _tables(db):
        cols = await _columns(db, "document_urls")
        if "first_seen" in cols and "document" in cols:
            r = (await db.execute("select min(first_seen) from document_urls where document = ?", [doc["id"]])).rows
            if r and r[0][0]:
                return r[0][0]
    return doc.get("loaded_at")


def _json(data, status: int = 200) -> Response:
    return Response.json(data, status=status, default=str)


async def figure_page(request, datasette):
    mention_id = request.url_vars["id"]
    as_json = mention_id.endswith(".json")
    if as_json:
        mention_id = mention_id[:-5]
    ctx = await figure_context(request, datasette, mention_id)
    if as_json:
        fig = ctx["fig"]
        return _json({
            "figure": fig, "document": ctx["doc"],
            "display": {"value": ctx["shown"], "indicator": ctx["indicator_name"], "period": ctx["period_vi"],
                        "status": vi.word("status", fig.get("status")), "kind": vi.word("kind", fig.get("kind"))},
            "context": {"before": ctx["before"], "after": ctx["after"]},
            "links": [{k: v for k, v in x.items() if k != "hash"} for x in ctx["links"]],
            "checks": [{k: v for k, v in c.items() if k != "_others"} for c in ctx["checks"]],
            "same_elsewhere": [{k: v for k, v in x.items()} for x in ctx["same"]],
            "citation": {k: ctx["citation"][k] for k in ("text", "csl", "bibtex", "url", "archive", "permalink")},
            "page": ctx["citation"]["permalink"],
        })
    return Response.html(await datasette.render_template("figure.html", ctx, request=request))


FIGURE_HITS = 50


async def figure_hits(db, q: str, words: str) -> list[dict]:
    """Figures whose value is one reading of the first number typed (`2.101`, `2101`, `9,54`,
    `32.398 tỷ`), each word typed beside it (a province, an indicator) found in its place, indicator,
    sentence or title, with or without diacritics."""
    rows = [dict(r) for r in (await db.execute(
        "select id, text, kind, value, low, high, denominator, unit, indicator_key, indicator, entity, place, "
        "province, province_new, period, status, sentence, doc, title, published from figures "
        "where (coalesce(value, low) between vi_min(:q) and vi_max(:q) and vi_matches(coalesce(value, low), :q)) "
        "or (high between vi_min(:q) and vi_max(:q) and vi_matches(high, :q)) order by published desc limit 2000",
        {"q": q})).rows]
    need = query_terms(words)
    out = []
    for r in rows:
        hay = fold(" ".join(str(r.get(k) or "") for k in ("place", "province", "province_new", "entity",
                                                            "indicator", "sentence", "title")))
        if all(re.search(rf"\b{re.escape(t)}\b", hay) for t in need):
            r["shown"] = vi.amount(r["value"], r["unit"], r["kind"], r["low"], r["high"], r["denominator"])
            r["indicator_name"] = vi.indicator_name(r["indicator_key"], r["indicator"])
            r["period_vi"] = vi.period(r["period"])
            r["status_vi"] = vi.word("status", r["status"]) or r["status"]
            out.append(r)
            if len(out) >= FIGURE_HITS:
                break
    return out


def number_phrases(nums: list[list[float]]) -> str | None:
    """An FTS5 query for the numbers as a text prints them: 2101 is the tokens `2 101` (2.101)."""
    parts = []
    for readings in nums:
        alts = sorted({" ".join(re.split(r"[.,]", vi.number(v))) for v in readings if v == v})
        if alts:
            parts.append("(" + " OR ".join(f'"{a}"' for a in alts) + ")")
    return " AND ".join(parts) or None


async def search_page(request, datasette):
    ctx = await search_context(request, datasette)
    if request.path.endswith(".json"):
        keep = ("id", "document", "text", "title", "published", "province")
        return _json({
            "q": ctx["q"], "numbers": ctx["numbers"], "words": ctx["words"],
            "figures": [{k: v for k, v in f.items()} for f in ctx["figures"]],
            "titles": [{k: v for k, v in t.items() if k != "title_html"} for t in ctx["titles"]],
            "sentences": [{**{k: h.get(k) for k in keep}, "figures": [f["id"] for f in h.get("figures", [])]}
                          for h in ctx["sentences"]],
            "total": ctx["total"], "page": ctx["page"], "size": ctx["size"], "error": ctx["error"]})
    return Response.html(await datasette.render_template("search.html", ctx, request=request))


async def search_context(request, datasette) -> dict:
    q = (request.args.get("q") or "").strip()
    db = _db(datasette)
    try:
        page = max(0, int(request.args.get("page") or 0))
    except ValueError:
        page = 0
    size = 30
    nums, words = vi.split_numbers(q)
    ctx = {"q": q, "titles": [], "sentences": [], "total": None, "page": page, "size": size,
           "database": db.name, "error": None, "figures": [], "numbers": nums, "words": words}
    if nums:
        ctx["figures"] = await figure_hits(db, q, words)
        numbers = number_phrases(nums)
        words_match = fts_query(words)
        match = f"({words_match}) AND {numbers}" if words_match and numbers else numbers or words_match
    else:
        match = fts_query(q)
    terms = query_terms(words if nums else q)
    if match:
        try:
            ctx["titles"] = [dict(r) for r in (await db.execute(
                "select d.id, d.title, d.published, d.province, d.mentions, "
                "highlight(documents_fts, 0, '<b class=\"term\">', '</b>') as title_html "
                "from documents_fts join documents d on d.rowid = documents_fts.rowid "
                "where documents_fts match ? order by rank limit 10",
                ["{title} : (" + match + ")"])).rows]
            ctx["total"] = (await db.execute(
                "select count(*) from sentences_fts where sentences_fts match ?", [match])).rows[0][0]
            hits = [dict(r) for r in (await db.execute(
                "select s.id, s.document, s.start, s.text, d.title, d.published, d.province "
                "from sentences_fts f join sentences s on s.rowid = f.rowid join documents d on d.id = s.document "
                "where sentences_fts match ? order by f.rank limit ? offset ?",
                [match, size, page * size])).rows]
        except Exception as e:  # a query the FTS parser refuses, or a time limit
            ctx["error"] = str(e)
            hits = []
        if hits:
            docs = sorted({h["document"] for h in hits})
            sids = [h["id"] for h in hits]
            marks = ",".join("?" * len(docs))
            smarks = ",".join("?" * len(sids))
            figs = [dict(r) for r in (await db.execute(
                f"select id, sentence_id, start, end, kind, text from mentions where doc in ({marks}) "
                f"and sentence_id in ({smarks})", docs + sids)).rows]
            by_sentence: dict[str, list] = {}
            for f in figs:
                by_sentence.setdefault(f["sentence_id"], []).append(f)
            link = lambda i: datasette.urls.path(f"/-/figure/{i}")  # noqa: E731
            for h in hits:
                fs = by_sentence.get(h["id"], [])
                h["figures"] = fs
                h["html"] = render_sentence(h["text"], fs, h["start"], terms=terms, link=link)
            ctx["sentences"] = hits
    for t in ctx["titles"]:
        t["title_html"] = markupsafe.Markup(_safe_highlight(t["title_html"] or ""))
    return ctx


def _safe_highlight(s: str) -> str:
    """Escape a highlight() result except for the <b class="term"> markers it added."""
    parts = re.split(r'(<b class="term">|</b>)', s)
    return "".join(p if p in ('<b class="term">', "</b>") else html.escape(p) for p in parts)


async def archive_page(request, datasette):
    sha = request.url_vars["sha"]
    db = _db(datasette)
    path = find_archived(db, sha)
    if path is None:
        raise NotFound("No archived page with that hash")
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    parts = path.name.split(".")
    kind = parts[-2] if len(parts) > 2 and parts[-1] == "gz" else parts[-1] if len(parts) > 1 else "html"
    # the page is someone else's HTML: no scripts, no same-origin access
    return Response(data, content_type=CONTENT_TYPES.get(kind.lower(), "text/html; charset=utf-8"), headers={
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})


async def reports_page(request, datasette):
    """`/-/reports` (and `.json`): every run report the database knows, newest first, with its run."""
    db = _db(datasette)
    reports = []
    if "runs" in await _tables(db) and "report" in await _columns(db, "runs"):
        rows = (await db.execute(
            "select id, command, started, finished, documents_new, documents_changed, documents_failed, report "
            "from runs where report is not null and report != '' order by id desc limit 500")).rows
        seen = set()
        for r in rows:
            name = Path(r["report"]).stem
            if name in seen:
                continue
            seen.add(name)
            reports.append({**dict(r), "name": name, "url": datasette.urls.path(f"/-/reports/{name}"),
                            "exists": Path(r["report"]).is_file()})
    if request.path.endswith(".json"):
        return _json({"reports": [{k: v for k, v in r.items() if k != "report"} for r in reports]})
    return Response.html(await datasette.render_template("reports.html", {"reports": reports, "database": db.name},
                                                         request=request))


@hookimpl
def register_routes():
    return [
        (r"^/-/figure/(?P<id>[0-9A-Za-z_:.-]{1,80})$", figure_page),
        (r"^/-/search(\.json)?$", search_page),
        (r"^/-/archive/(?P<sha>[0-9a-fA-F]{8,128})$", archive_page),
        (r"^/-/reports(\.json)?$", reports_page),
    ]


# In query results (canned or arbitrary SQL) these column names hold figure ids.
QUERY_FIGURE_ID_COLUMNS = {"latest_figure", "target_figure", "result_figure", "mention_id", "figure_id"}


@hookimpl
def render_cell(value, column, table, database, datasette):
    cols = FIGURE_ID_COLUMNS.get(table) if table else QUERY_FIGURE_ID_COLUMNS
    if cols and column in cols and isinstance(value, str) and FIGURE_ID_RE.match(value):
        href = datasette.urls.path(f"/-/figure/{value}")
        return markupsafe.Markup(f'<a href="{html.escape(href)}" title="trang số liệu (figure page)">'
                                 f'{html.escape(value)}</a>')
    return None


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path("/-/search"), "label": "Tìm số liệu (search)"},
        {"href": datasette.urls.path("/-/dashboards/provinces"), "label": "Bảng điều khiển các tỉnh (dashboard)"},
        {"href": datasette.urls.table(_db(datasette).name, "province_map"), "label": "Bản đồ các tỉnh (map)"},
        {"href": datasette.urls.path("/-/reports"), "label": "Báo cáo các lần chạy (reports)"},
    ]
