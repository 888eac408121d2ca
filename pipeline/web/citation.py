"""The citation of a figure that a journalist pastes and a researcher imports: the sentence, the
article's title, the outlet, the date, the URL and the archived copy, the date it was read, and the
figure's permalink; in Vietnamese, as CSL-JSON and as BibTeX. When the document has no web address
the citation says so and names the file it was read from."""
from __future__ import annotations

import json
import re
from urllib.parse import urlparse

from pipeline.web import vi


def outlet(doc: dict, links: list[dict]) -> str:
    """The site that published the document: the host of its URL ('' for a file read from disk)."""
    for u in [doc.get("url"), *(x.get("url") for x in links), doc.get("source")]:
        if u and re.match(r"^https?://", u, re.I):
            return urlparse(u).netloc
    return ""


def date_vi(iso: str | None) -> str:
    """2023-12-26 as 26/12/2023, 2023-12 as tháng 12/2023."""
    if not iso:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if m:
        return f"{int(m[3])}/{int(m[2])}/{m[1]}"
    m = re.match(r"(\d{4})-(\d{2})", iso)
    return f"tháng {int(m[2])}/{m[1]}" if m else iso


def _date_parts(iso: str | None) -> list[int] | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso or "")
    return [int(x) for x in m.groups() if x] if m else None


def citation(fig: dict, doc: dict, links: list[dict], permalink: str, archive_base: str = "",
             retrieved: str | None = None) -> dict:
    """{text (Vietnamese, to paste), csl (CSL-JSON item), bibtex, url, archive, has_url}."""
    url = next((x["url"] for x in links if x.get("url") and not x.get("text_only")), None)
    archive = next((x["archive"] for x in links if x.get("archive")), None)
    if archive and archive_base and archive.startswith("/"):
        archive = archive_base.rstrip("/") + archive
    site = outlet(doc, links)
    title = doc.get("title") or doc.get("id") or ""
    sentence = (fig.get("sentence") or "").strip()
    value = vi.amount(fig.get("value"), fig.get("unit"), fig.get("kind"), fig.get("low"), fig.get("high"),
                      fig.get("denominator")) or fig.get("text") or ""
    what = vi.indicator_name(fig.get("indicator_key"), fig.get("indicator"))
    parts = [f"“{sentence}”" if sentence else f"“{fig.get('text')}”", f"— {title}"]
    if site:
        parts.append(site)
    if doc.get("published"):
        parts.append(f"đăng {date_vi(doc['published'])}")
    head = ", ".join(parts[1:])
    lines = [f"{parts[0]} {head}."]
    if url:
        lines.append(f"Địa chỉ: {url}" + (f" (bản lưu: {archive})" if archive else ""))
    elif archive:
        lines.append(f"Không có địa chỉ web; bản lưu: {archive}")
    else:
        lines.append(f"Không có địa chỉ web: đọc từ tệp {doc.get('source') or '?'}.")
    if retrieved:
        lines.append(f"Truy cập {date_vi(retrieved)}." if url else f"Nạp vào chitieu {date_vi(retrieved)}.")
    lines.append(f"Số liệu ({what}{', ' if what else ''}{value}; {vi.period(fig.get('period'))}): {permalink}"
                 .replace("; )", ")"))
    csl = {"id": fig.get("id"), "type": "article-newspaper", "title": title, "container-title": site or None,
           "issued": {"date-parts": [_date_parts(doc.get("published"))]} if _date_parts(doc.get("published")) else None,
           "accessed": {"date-parts": [_date_parts(retrieved)]} if _date_parts(retrieved) else None,
           "URL": url or permalink, "archive_location": archive, "language": "vi",
           "note": f"{sentence} [{value}] {permalink}".strip()}
    csl = {k: v for k, v in csl.items() if v is not None}
    key = re.sub(r"\W+", "", (site.split(".")[0] if site else "chitieu")) + (
        str(_date_parts(doc.get("published"))[0]) if _date_parts(doc.get("published")) else "") + "_" + str(fig.get("id"))
    fields = {"title": title, "journal": site, "year": str(_date_parts(doc.get("published"))[0])
              if _date_parts(doc.get("published")) else None, "url": url or permalink,
              "urldate": (retrieved or "")[:10] or None, "note": sentence.replace("{", "(").replace("}", ")")}
    bib = "@article{" + key + ",\n" + ",\n".join(
        f"  {k} = {{{v}}}" for k, v in fields.items() if v) + "\n}"
    return {"text": "\n".join(lines), "csl": csl, "csl_json": json.dumps([csl], ensure_ascii=False, indent=2),
            "bibtex": bib, "url": url, "archive": archive, "has_url": bool(url), "permalink": permalink}
