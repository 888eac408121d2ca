"""`/-/check?claim=…`: a journalist pastes a sentence and gets the answer `chitieu check` gives
(`pipeline.db.claims.check_claim`), in Vietnamese first: the verdict, the stored figures behind it with the
worked difference or the reason they cannot settle it (or the nearest figures when nothing is found), each
linked to its figure page and cited (sentence, title, date, URL or file, archived copy).

`/-/check.json?claim=…` returns what `chitieu check --format json` prints, except that `db` names the
served database rather than its file. An empty or too long claim answers 400 with the reason, in
Vietnamese and English. The check runs in a thread, so the server goes on answering other pages.
"""
from __future__ import annotations

import asyncio
import re

from datasette import hookimpl
from datasette.utils.asgi import Response

from pipeline.db.claims import ANSWER_VI, MAX_CLAIM_CHARS, ClaimError, check_claim, check_text
from pipeline.web import vi
from pipeline.web.citation import citation, date_vi
from pipeline.web.claim_vi import say
from pipeline.web.plugins.chitieu_pages import archive_hash, find_archived

LIMIT = 20                 # stored figures listed per claim figure, as `chitieu check`'s --limit default
EXAMPLES = ("Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021", "Vinh Phuc ket nap 2.500 dang vien nam 2021",
            "Hà Tĩnh tỷ lệ hộ nghèo 4,68% năm 2021", "Thu ngân sách Hà Tĩnh năm 2021 đạt 17.500 tỷ đồng")
_RUNNING = 2               # claims checked at once; the others wait their turn
_slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None


def claim_error_vi(text: str) -> str:
    """Why a claim is refused, in Vietnamese (the English is `ClaimError`'s message)."""
    if not text:
        return (f"Chưa có nhận định: hãy dán một câu có con số, ví dụ “{EXAMPLES[0]}”.")
    return (f"Nhận định dài {vi.number(len(text))} ký tự; chỉ đọc tối đa {vi.number(MAX_CLAIM_CHARS)} ký tự "
            f"(một hoặc hai câu có con số cần kiểm tra). Hãy rút ngắn.")


async def answer(datasette, text: str) -> dict:
    """`check_claim` over the served database, in a worker thread (at most `_RUNNING` at once)."""
    global _slots
    loop = asyncio.get_running_loop()
    if _slots is None or _slots[0] is not loop:  # one per event loop (the server has one; tests have many)
        _slots = (loop, asyncio.Semaphore(_RUNNING))
    db = datasette.get_database()
    if not db.path:
        raise ClaimError("the served database has no file to check claims against")
    async with _slots[1]:
        result = await asyncio.to_thread(check_claim, text, db.path, LIMIT, not db.is_mutable)
    result["db"] = db.name  # the database's name, never the server's file path
    return result


def shown(datasette, request, m: dict) -> dict:
    """A stored figure of the answer as the page shows it: Vietnamese first, its link and citation."""
    db = datasette.get_database()
    h = archive_hash(m.get("archive"))
    archive = datasette.urls.path(f"/-/archive/{h}") if h and find_archived(db, h) else None
    url = m.get("url")
    web = bool(url and re.match(r"^https?://", url, re.I))
    link = datasette.urls.path(f"/-/figure/{m['mention_id']}")
    fig = {"id": m["mention_id"], **{k: m.get(k) for k in (
        "sentence", "value", "unit", "kind", "low", "high", "denominator", "indicator_key", "indicator", "period",
        "text")}}
    doc = {"id": m.get("document"), "title": m.get("title"), "published": m.get("published"),
           "source": m.get("source"), "url": url}
    cite = citation(fig, doc, [{"url": url, "archive": archive, "text_only": not web}],
                    datasette.absolute_url(request, link), datasette.absolute_url(request, "/").rstrip("/"))
    return {**m, "link": link, "archive_link": archive, "web_url": url if web else None,
            "verdict_vi": vi.VERDICTS.get(m.get("verdict"), "gần nhất"),
            "value_vi": vi.amount(m.get("value"), m.get("unit"), m.get("kind"), m.get("low"), m.get("high"),
                                  m.get("denominator")) or m.get("text"),
            "indicator_vi": vi.indicator_name(m.get("indicator_key"), m.get("indicator")),
            "period_vi": vi.period(m.get("period")), "status_vi": vi.word("status", m.get("status")) or "",
            "computation_vi": say(m.get("computation")), "why_vi": [say(w) for w in m.get("why") or []],
            "published_vi": date_vi(m.get("published")), "citation": cite["text"]}


def claim_figure(f: dict) -> dict:
    """How the claim's figure was read, in Vietnamese."""
    fg = f["figure"]
    return {**fg, "value_vi": vi.amount(fg.get("value"), fg.get("unit"), fg.get("kind"), fg.get("low"),
                                         fg.get("high"), fg.get("denominator")) or fg.get("text"),
            "indicator_vi": vi.indicator_name(fg.get("indicator_key"), None) if fg.get("indicator_key") else "",
            "period_vi": vi.period(fg.get("period")), "status_vi": vi.word("status", fg.get("status")) or "",
            "place": fg.get("district") or fg.get("province") or ""}


async def check_page(request, datasette):
    as_json = request.path.endswith(".json")
    asked = "claim" in request.args
    text = (request.args.get("claim") or "").strip()
    ctx = {"claim": text, "asked": asked, "max_chars": MAX_CLAIM_CHARS, "examples": EXAMPLES, "error": None,
           "error_en": None, "result": None, "answer_vi": ANSWER_VI, "database": datasette.get_database().name}
    status = 200
    if asked or as_json:
        try:
            check_text(text)
            result = await answer(datasette, text)
        except ClaimError as e:
            ctx["error"], ctx["error_en"], status = claim_error_vi(text), str(e), 400
        else:
            if as_json:
                return Response.json(result, default=str)
            ctx["result"] = result
            ctx["figures"] = [{**f, "figure": claim_figure(f),
                               "matches": [shown(datasette, request, m) for m in f["matches"]],
                               "nearest": [shown(datasette, request, m) for m in f["nearest"]]}
                              for f in result["figures"]]
    if as_json:
        return Response.json({"claim": text, "error": ctx["error_en"], "error_vi": ctx["error"],
                              "exit_status": 2}, status=status)
    html = await datasette.render_template("check.html", ctx, request=request)
    return Response.html(html, status=status)


@hookimpl
def register_routes():
    return [(r"^/-/check(\.json)?$", check_page)]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/check"), "label": "Kiểm tra nhận định (check a claim)"}]
