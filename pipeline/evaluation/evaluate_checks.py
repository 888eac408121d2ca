"""How often is an `inconsistent` verdict right? Precision of the checks on the gold documents.

Three runs, each reporting every `inconsistent` flag with its worked sum:

1. **Gold mentions** (tests/gold/*.jsonl, hand-annotated): the checks run over the annotated figures
   of the seeds and the synthetic sentences, so the measure does not depend on extractor errors. The
   documents are taken as internally consistent: a flag within a document is a false alarm unless it
   is listed in `ADJUDICATED` (a real error of the source, with the reason). Across documents a flag
   says that two gold documents print different values for the same annotated indicator, entity and
   period, which is true by construction of the gold fields; those are reported apart.
2. **Predicted mentions of the seeds** (the extractor's output): a flag is right when its figures
   match gold figures (span overlap and kind) and the same check over those gold figures flags too.
3. **Planted errors** (tests/gold/planted_checks.jsonl): sentences with a figure made wrong on purpose,
   and their correct twins, each with the expected verdict of one check type, read by the extractor.
   A flag is right when the line expects `inconsistent` for that check type.
4. **Real text** (the real-text DEVELOPMENT passages, tests/gold/real_dev_*.jsonl, never the held-out
   ones): the extractor and every check (within each passage, and across passages) run on published
   text. Every `inconsistent` flag is listed with the sentences it links; it counts as right only when it
   is listed in `REAL_ADJUDICATED` as a real error of the source, after reading it by hand.
5. **Errors planted in real text**: each percentage that a check found consistent in a real passage is
   printed 7 points higher (the rest of the passage untouched) and the passage is read again; a flag is
   right when it is that check on that percentage, and every other flag is wrong.

Precision = right flags / all flags; the target is ≥ 0.95 on each run.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors.checks import INCONSISTENT, Check, check_across, check_document, mention_key
from extractors.document import Document
from extractors.normalize import nfc
from extractors.numbers import DIGITS_RE, NotANumber, parse_digits
from extractors.record import Mention
from extractors.sentences import split_sentences
from extractors.textdump import read_dump
from extractors.extract import extract_document
from pipeline.evaluation.gold import ROOT, load_gold

GOLD = ROOT / "tests" / "gold"
PLANTED = GOLD / "planted_checks.jsonl"
TARGET_PRECISION = 0.95

# Flags on gold documents that are real errors of the source text: (check type, doc, mention text).
ADJUDICATED: dict[tuple[str, str, str], str] = {}
# Flags on the real development passages, read by hand: (check type, doc, first figure's text) -> why it is
# a real error of the source. A flag not listed here counts as wrong.
REAL_ADJUDICATED: dict[tuple[str, str, str], str] = {
    ("change", "rdev-l003", "104,79 triệu USD"):
        "104,79 against the base printed in brackets, 37,37 triệu USD, is 2.8 times (+180%), not the stated +60,7%; "
        "no reading of the bracket (base, or the increase) gives 60,7%",
    ("fraction_percent", "rdev-l013", "15/23 trường"):
        "15/23 is 65,22%; the page prints 65,29% (a slip in the second decimal)",
    ("fraction_percent", "rdev-l013", "261/362 trường học"):
        "the page's own parts (78/84, 53/63, 119/156, 15/23) sum to 265/326, and 261/326 = 80,06%, the stated "
        "share: 362 is the digits of 326 swapped",
    ("fraction_percent", "rdev-n004", "1.370 hộ nghèo/79.836 hộ"):
        "1.370/79.836 is 1,72%; the page prints 1,67% (1,67% of 79.836 is 1.333 households), while its four other "
        "rows (8.112/506.184 = 1,60%, 793/53.904 = 1,47%, 2.036/53.904 = 3,78%, 4.005/79.836 = 5,02%) agree",
    ("fraction_percent", "rdev-r025", "122.000/212.631 gia đình"):
        "122.000/212.631 is 57,38%; the page prints 57,48% (a slip in the first decimal)",
    ("fraction_percent", "rdev-v011", "401/633 trường"):
        "401/633 is 63,349%, which rounds to 63,35%; the page prints 63,34% (cut, not rounded)",
    ("fraction_percent", "rdev-ar004", "37/48 trường"):
        "37/48 is 77,08%; the page says `chiếm tỷ lệ trên 80%` (more than 80% would need 39 of 48 schools)",
    ("fraction_percent", "rdev-s016", "109/196 trường"):
        "109/196 is 55,61%; the page prints 56,1% (the digits of 55,61 read off wrongly, or 110/196 = 56,12%)",
    ("fraction_percent", "rdev-r025", "230/454 dòng họ"):
        "230/454 is 50,66%, which rounds to 50,7%; the page prints 50,6% (cut, not rounded)",
    ("fraction_percent", "rdev-am002", "6/9 trường"):
        "6/9 is 66,67%, which rounds to 66,7%; the page prints 66,6% (cut, not rounded)",
    ("fraction_percent", "rdev-am002", "6/14 trường"):
        "6/14 is 42,86%, which rounds to 42,9%; the page prints 42,8% (cut, not rounded; its 15/36 = 41,67% is also "
        "printed 41,6%)",
    ("share_of_total", "rdev-o030", "14.419 triệu USD"):
        "14.419 of the 15.213 triệu USD the sentence before states is 94,78%, which rounds to 94,8%; the page prints "
        "94,7% (cut, not rounded), while its other share, 731/1.031 dự án = 70,90%, is printed 70,9%",
}
REAL_DEV = "real_dev_*.jsonl"   # never the held-out passages
PLANT_SHIFT = 7.0               # points added to a percentage to plant an error in real text


def _direction(before: str) -> str | None:
    t = before.lower()[-30:]
    for w, d in (("cao hơn", "increase"), ("thấp hơn", "decrease"), ("tăng", "increase"), ("giảm", "decrease"),
                 ("vượt", "exceed"), ("gấp", "increase")):
        if re.search(rf"(?<!\w){w}(?:\s+(?:thêm|bình quân|hơn|khoảng|gần|trên))?\s*$", t):
            return d
    return None


def _decimals(text: str) -> int:
    nums = DIGITS_RE.findall(text)
    if not nums:
        return 0
    try:
        return parse_digits(nums[0])[1]
    except NotANumber:
        return 0


def gold_mentions(gold_dir: Path = GOLD) -> tuple[dict[str, str], dict[str, dict], dict[str, list[Mention]]]:
    """The annotated figures as mention records: texts, document metadata and mentions per document."""
    texts, meta, gold, _problems = load_gold(gold_dir, real=False)  # the checks' gold covers these sets
    per_doc: dict[str, list[Mention]] = defaultdict(list)
    sents = {d: split_sentences(t) for d, t in texts.items()}
    for g in gold:
        if g.kind == "ignore":
            continue
        d = g.data
        text = texts[g.doc]
        ss = sents[g.doc]
        s = next((x for x in ss if x.start <= g.start < x.end), None)
        clause_start = s.start if s else 0
        if s:
            semi = text.rfind(";", s.start, g.start)
            clause_start = semi + 1 if semi >= 0 else s.start
        m = Mention(start=g.start, end=g.end, text=nfc(d["text"]), kind=d["kind"], value=d.get("value"),
                    low=d.get("low"), high=d.get("high"), denominator=d.get("denominator"), unit=d.get("unit"),
                    qualifier=d.get("qualifier"), indicator=d.get("indicator"), entity=d.get("entity"),
                    period=d.get("period"), status=d.get("status"), compared_to=d.get("compared_to"),
                    sentence=s.text if s else None, doc=g.doc, decimals=_decimals(d["text"]),
                    direction=_direction(text[clause_start:g.start]))
        m.extra["id"] = f"{g.doc}:{g.start}:{g.end}:{m.kind}"
        if s:
            m.extra["sentence_index"] = s.index
        per_doc[g.doc].append(m)
    return texts, meta, per_doc


def run_all(texts: dict[str, str], per_doc: dict[str, list[Mention]], meta: dict[str, dict] | None = None,
            sentences: dict | None = None) -> list[Check]:
    checks: list[Check] = []
    for doc, ms in per_doc.items():
        checks += check_document(texts[doc], ms, (sentences or {}).get(doc))
    checks += check_across([m for ms in per_doc.values() for m in ms], meta or {})
    return checks


@dataclass
class Tally:
    name: str
    checks: int = 0
    by_verdict: Counter = field(default_factory=Counter)
    right: list = field(default_factory=list)      # (check, why)
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)     # planted errors not flagged

    @property
    def flags(self) -> int:
        return len(self.right) + len(self.wrong)

    @property
    def precision(self) -> float | None:
        return len(self.right) / self.flags if self.flags else None


def _gold_key(c: Check) -> tuple:
    return c.check_type, tuple(sorted((mention_key(m), role) for m, role in c.mentions))


def evaluate_gold(gold_dir: Path = GOLD) -> tuple[Tally, Tally, list[Check]]:
    """Gold mentions: (within documents, across documents, all checks)."""
    texts, meta, per_doc = gold_mentions(gold_dir)
    checks = run_all(texts, per_doc, meta)
    within, across = Tally("gold mentions, within documents"), Tally("gold mentions, across documents")
    for c in checks:
        t = across if c.scope == "corpus" else within
        t.checks += 1
        t.by_verdict[c.verdict] += 1
        if c.verdict != INCONSISTENT:
            continue
        if c.scope == "corpus":
            t.right.append((c, "the gold documents print different values for the same annotated figure"))
            continue
        first = c.mentions[0][0]
        why = ADJUDICATED.get((c.check_type, first.doc, first.text))
        (t.right if why else t.wrong).append((c, why or "the gold document is taken as consistent"))
    return within, across, checks


def _overlap(p: Mention, g: Mention) -> bool:
    return p.kind == g.kind and p.start < g.end and g.start < p.end


def evaluate_predicted(gold_dir: Path = GOLD, which: str = "seeds") -> Tally:
    """Extractor mentions of the seed documents (`seeds`) or of the synthetic sentences (`synthetic`):
    a flag is right when its figures are gold figures and the same check over them flags too."""
    texts, meta, gold_per_doc = gold_mentions(gold_dir)
    is_seed = {d: (ROOT / "corpus" / f"{d}.txt").exists() for d in texts}
    docs = sorted(d for d in texts if is_seed[d] == (which == "seeds"))
    gold_checks = run_all({d: texts[d] for d in docs}, {d: gold_per_doc.get(d, []) for d in docs},
                          {d: meta[d] for d in docs})
    gold_flags = {_gold_key(c) for c in gold_checks if c.verdict == INCONSISTENT}
    per_doc, ptexts, pmeta, sents = {}, {}, {}, {}
    for d in docs:
        if is_seed[d]:
            doc = read_dump(ROOT / "corpus" / f"{d}.txt")[0]
        else:
            doc = Document(id=d, source=meta[d]["source"], text=texts[d], published=meta[d].get("published"))
        ex = extract_document(doc)
        for m in ex.mentions:
            m.extra["id"] = f"pred:{d}:{m.start}:{m.end}:{m.kind}"
        per_doc[d], ptexts[d], sents[d] = ex.mentions, doc.text, ex.sentences
        pmeta[d] = {"published": doc.published, "source": doc.source, "url": doc.urls[0] if doc.urls else None}
    checks = run_all(ptexts, per_doc, pmeta, sents)
    t = Tally(f"predicted mentions of the {'seeds' if which == 'seeds' else 'synthetic sentences'}")
    for c in checks:
        t.checks += 1
        t.by_verdict[c.verdict] += 1
        if c.verdict != INCONSISTENT:
            continue
        mapped = []
        for m, role in c.mentions:
            g = next((g for g in gold_per_doc.get(m.doc, []) if _overlap(m, g)), None)
            mapped.append((mention_key(g), role) if g else None)
        if None in mapped:
            t.wrong.append((c, "a figure of the check is not a gold figure of that kind"))
            continue
        key = (c.check_type, tuple(sorted(mapped)))
        if key in gold_flags:
            t.right.append((c, "the same check over the gold figures flags too"))
        else:
            t.wrong.append((c, "the same check over the gold figures does not flag"))
    return t


def evaluate_predicted_seeds(gold_dir: Path = GOLD) -> Tally:
    return evaluate_predicted(gold_dir, "seeds")


def load_planted(path: Path = PLANTED) -> list[dict]:
    rows = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            rows.append(json.loads(line))
    return rows


def planted_checks(row: dict) -> list[Check]:
    """The checks of one planted line: one text, or several `documents` (for figure versions)."""
    parts = row.get("documents") or [{"id": row["id"], "text": row["text"], "published": row.get("published")}]
    checks: list[Check] = []
    mentions: list[Mention] = []
    meta: dict[str, dict] = {}
    for part in parts:
        doc = Document(id=part["id"], source=f"{PLANTED.name}#{part['id']}", text=nfc(part["text"]),
                       published=part.get("published"))
        ex = extract_document(doc)
        checks += check_document(doc.text, ex.mentions, ex.sentences)
        mentions += ex.mentions
        meta[doc.id] = {"published": doc.published, "source": doc.source}
    checks += check_across(mentions, meta)
    return checks


def evaluate_planted(path: Path = PLANTED) -> tuple[Tally, list[tuple[dict, list[Check]]]]:
    """Each line expects one verdict (`consistent`, `inconsistent`, `cannot tell`) of one check type,
    `none` (no check of that type: the figures are not comparable) or `no flag` (a realistic sentence
    that must not be flagged `inconsistent`)."""
    t = Tally("planted errors and their correct twins")
    results = []
    for row in load_planted(path):
        checks = planted_checks(row)
        results.append((row, checks))
        of_type = [c for c in checks if c.check_type == row["check"]]
        for c in checks:
            t.checks += 1
            t.by_verdict[c.verdict] += 1
            if c.verdict != INCONSISTENT:
                continue
            if c.check_type == row["check"] and row["expected"] == INCONSISTENT:
                t.right.append((c, f"{row['id']}: planted error"))
            else:
                t.wrong.append((c, f"{row['id']}: expected {row['expected']} for {row['check']}"))
        if row["expected"] == INCONSISTENT and not any(c.verdict == INCONSISTENT for c in of_type):
            t.missed.append(row)
    return t, results


def planted_outcome(row: dict, checks: list[Check]) -> bool:
    """Did the checks give the verdict the line expects?"""
    of_type = [c for c in checks if c.check_type == row["check"]]
    if row["expected"] == "none":
        return not of_type
    if row["expected"] == "no flag":  # a realistic sentence that must not be flagged, whatever else is said
        return not any(c.verdict == INCONSISTENT for c in of_type)
    return any(c.verdict == row["expected"] for c in of_type) and \
        not any(c.verdict == INCONSISTENT for c in of_type if row["expected"] != INCONSISTENT)


def real_dev_passages(gold_dir: Path = GOLD) -> list[Document]:
    """The real development passages as documents (title, date, URL), never the held-out ones."""
    docs = []
    for path in sorted(gold_dir.glob(REAL_DEV)):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                docs.append(Document(id=r["doc"], source=r.get("url") or f"{path.name}#{r['doc']}",
                                     text=nfc(r["text"]), title=r.get("title"), published=r.get("published"),
                                     urls=[r["url"]] if r.get("url") else []))
    return docs


def _read(doc: Document) -> tuple[list[Check], list[Mention]]:
    ex = extract_document(doc)
    for m in ex.mentions:
        m.extra["id"] = f"{doc.id}:{m.start}:{m.end}:{m.kind}"
    return check_document(doc.text, ex.mentions, ex.sentences), ex.mentions


def _linked(c: Check) -> str:
    """The sentences a flag links, each once: what a reader checks it against."""
    seen = dict.fromkeys((m.extra.get("sentence_index"), (m.sentence or "").strip()) for m, _ in c.mentions)
    return " | ".join(f"[{si}] {text}" for si, text in seen)


def evaluate_real(gold_dir: Path = GOLD) -> tuple[Tally, Tally]:
    """The checks on the real development passages: (flags on the text as published, errors planted in it)."""
    docs = real_dev_passages(gold_dir)
    real, planted = Tally("real text (development passages)"), Tally("errors planted in real text")
    mentions: list[Mention] = []
    meta: dict[str, dict] = {}
    for doc in docs:
        checks, ms = _read(doc)
        mentions += ms
        meta[doc.id] = {"published": doc.published, "source": doc.source, "url": doc.urls[0] if doc.urls else None}
        _tally_real(real, checks)
        for c in checks:
            if c.verdict == "consistent":
                _plant(planted, doc, c)
    _tally_real(real, [c for c in check_across(mentions, meta)])
    return real, planted


def _tally_real(t: Tally, checks: list[Check]) -> None:
    for c in checks:
        t.checks += 1
        t.by_verdict[c.verdict] += 1
        if c.verdict != INCONSISTENT:
            continue
        first = c.mentions[0][0]
        why = REAL_ADJUDICATED.get((c.check_type, first.doc, first.text))
        (t.right if why else t.wrong).append((c, why or f"not a known error of the source: {_linked(c)}"))


def _plant(t: Tally, doc: Document, c: Check) -> None:
    """Print the check's percentage PLANT_SHIFT points higher and read the passage again."""
    pct = [m for m, role in c.mentions if role == "percent" and m.kind == "percent" and m.value is not None]
    if len(pct) != 1 or c.check_type not in ("fraction_percent", "share_of_total", "target_share"):
        return
    p = pct[0]
    new = p.value + PLANT_SHIFT
    shown = f"{new:.{p.decimals}f}".replace(".", ",") if p.decimals else f"{new:.0f}"
    digits = re.search(r"\d+(?:[.,]\d+)?", p.text)
    if not digits:
        return
    a, b = p.start + digits.start(), p.start + digits.end()
    text = doc.text[:a] + shown + doc.text[b:]
    twin = Document(id=doc.id, source=doc.source, text=text, title=doc.title, published=doc.published, urls=doc.urls)
    checks, _ = _read(twin)
    hit = False
    for x in checks:
        t.checks += 1
        t.by_verdict[x.verdict] += 1
        if x.verdict != INCONSISTENT:
            continue
        if x.check_type == c.check_type and any(m.start == a - digits.start() for m, role in x.mentions if role == "percent"):
            t.right.append((x, f"{doc.id}: {p.text} planted as {shown}%"))
            hit = True
        elif not REAL_ADJUDICATED.get((x.check_type, x.mentions[0][0].doc, x.mentions[0][0].text)):
            # a flag on the source's own error (adjudicated above) is neither right nor wrong here
            t.wrong.append((x, f"{doc.id}: flagged while {p.text} was planted as {shown}%"))
    if not hit:
        t.missed.append({"id": doc.id, "check": c.check_type, "text": f"{p.text} -> {shown}%: {c.computation}"})


def _fmt_p(p: float | None) -> str:
    return "n/a (no flags)" if p is None else f"{p:.3f}"


def print_tally(t: Tally, show: int = 50) -> None:
    verdicts = ", ".join(f"{v} {n}" for v, n in sorted(t.by_verdict.items()))
    print(f"{t.name}: {t.checks} checks ({verdicts}); inconsistent flags {t.flags}, right {len(t.right)}, "
          f"wrong {len(t.wrong)}: precision {_fmt_p(t.precision)}")
    for c, why in t.wrong[:show]:
        print(f"  WRONG FLAG [{c.check_type}] {c.computation}  ({why})")
    for row in t.missed[:show]:
        print(f"  MISSED {row['id']} [{row['check']}] {row.get('text') or row['documents'][-1]['text']}")


def main(args=None) -> int:
    gold_dir = Path(getattr(args, "gold", None) or GOLD) if args is not None else GOLD
    print("\n== checks: precision of the `inconsistent` verdict ==")
    within, across, _ = evaluate_gold(gold_dir)
    pred = evaluate_predicted(gold_dir, "seeds")
    pred_syn = evaluate_predicted(gold_dir, "synthetic")
    planted, _ = evaluate_planted(gold_dir / "planted_checks.jsonl" if (gold_dir / "planted_checks.jsonl").exists()
                                  else PLANTED)
    real, planted_real = evaluate_real(gold_dir)
    for t in (within, across, pred, pred_syn, planted, real, planted_real):
        print_tally(t)
    print(f"real text: {real.flags} inconsistent flags on the published development passages, {len(real.right)} "
          f"right (each listed above with the sentences it links); planted in real text: "
          f"{len(planted_real.right)} flagged, {len(planted_real.missed)} not flagged (cannot tell or no check), "
          f"{len(planted_real.wrong)} wrong")
    runs = (within, pred, pred_syn, planted, real, planted_real)
    flags = sum(t.flags for t in runs)
    right = sum(len(t.right) for t in runs)
    overall = right / flags if flags else None
    print(f"overall (gold within documents + predicted seeds and synthetic + planted + real text): {right}/{flags} right: "
          f"precision {_fmt_p(overall)} (target ≥ {TARGET_PRECISION}); planted errors flagged "
          f"{len(planted.right)}, missed {len(planted.missed)}")
    return 0


def summary() -> dict:
    """Numbers for scripts and tests."""
    within, across, _ = evaluate_gold()
    pred = evaluate_predicted(GOLD, "seeds")
    pred_syn = evaluate_predicted(GOLD, "synthetic")
    planted, _ = evaluate_planted()
    real, planted_real = evaluate_real()
    return {t.name: {"checks": t.checks, "flags": t.flags, "right": len(t.right), "precision": t.precision,
                     "missed": len(t.missed)} for t in (within, across, pred, pred_syn, planted, real, planted_real)}


if __name__ == "__main__":
    raise SystemExit(main())
