"""`chitieu eval`: score the extractor against the hand-annotated gold set in tests/gold/.

Scoring follows ANNOTATION.md: a prediction matches a gold mention when their spans overlap and
their kinds agree; a prediction overlapping a gold `ignore` span is neither right nor wrong. Numbers
agree within 1e-6 relative; unit, qualifier, status, period, compared_to agree when equal;
indicator and entity when one contains the other after lower-casing and NFC.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors.normalize import nfc
from extractors.document import Document
from extractors.record import KINDS
from pipeline.evaluation.evaluate_checks import main as checks_main
from extractors.extract import extract_document
from pipeline.evaluation.gold import ROOT, GoldMention, load_gold

OWNER_NAMED = ("sentence", "passage", "title")   # entity_source values where the text itself names the owner
NUM_FIELDS = ("value", "low", "high", "denominator")
EQ_FIELDS = ("unit", "qualifier", "status", "period", "compared_to")
CONTAIN_FIELDS = ("indicator", "entity")
NON_FIGURE_REASONS = {"date", "time", "year", "term", "code", "name", "ordinal", "list_marker", "duration",
                      "phone", "address"}


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)        # detection matches per kind
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    value_ok: Counter = field(default_factory=Counter)   # matches whose numbers agree, per kind
    field_ok: Counter = field(default_factory=Counter)
    field_n: Counter = field(default_factory=Counter)
    value_indicator_ok: int = 0
    non_figures_reported: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    field_errors: dict = field(default_factory=lambda: defaultdict(list))
    entity_by_source: Counter = field(default_factory=Counter)    # (named|site, ok) -> matches


def numbers_agree(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def field_agrees(name: str, gold, pred) -> bool:
    if name in CONTAIN_FIELDS:
        if gold is None or pred is None:
            return gold is None and pred is None
        g, p = nfc(str(gold)).lower(), nfc(str(pred)).lower()
        return g in p or p in g
    return gold == pred


def predict(texts: dict[str, str], meta: dict[str, dict]):
    preds = {}
    for doc, text in texts.items():
        m = meta[doc]
        d = Document(id=doc, source=m["source"], text=text, title=m["title"], published=m["published"])
        preds[doc] = extract_document(d).mentions
    return preds


def score(texts, gold: list[GoldMention], preds) -> Score:
    sc = Score()
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    for doc in texts:
        golds = [g for g in by_doc[doc] if g.kind != "ignore"]
        ignores = [g for g in by_doc[doc] if g.kind == "ignore"]
        used: set[int] = set()
        for p in preds.get(doc, []):
            match = None
            for gi, g in enumerate(golds):
                if gi in used or g.kind != p.kind:
                    continue
                if p.start < g.end and g.start < p.end:
                    match = gi
                    break
            if match is None:
                ign = next((g for g in ignores if p.start < g.end and g.start < p.end), None)
                if ign is not None:
                    if ign.data.get("reason") in NON_FIGURE_REASONS and not any(
                            p.start < g.end and g.start < p.end for g in golds):
                        sc.non_figures_reported.append((doc, p.text, p.kind, ign.data.get("reason")))
                    continue
                sc.fp[p.kind] += 1
                sc.spurious.append((doc, p.text, p.kind, p.value, p.unit))
                continue
            used.add(match)
            g = golds[match]
            sc.tp[g.kind] += 1
            gd = g.data
            nums_ok = all(numbers_agree(gd.get(f), getattr(p, f)) for f in NUM_FIELDS)
            if nums_ok:
                sc.value_ok[g.kind] += 1
            else:
                sc.wrong.append((doc, gd["text"], g.kind, {f: gd.get(f) for f in NUM_FIELDS if gd.get(f) is not None},
                                 {f: getattr(p, f) for f in NUM_FIELDS if getattr(p, f) is not None}))
            for f in EQ_FIELDS + CONTAIN_FIELDS:
                if f not in gd:
                    continue
                sc.field_n[f] += 1
                if field_agrees(f, gd.get(f), getattr(p, f)):
                    sc.field_ok[f] += 1
                else:
                    sc.field_errors[f].append((doc, gd["text"], gd.get(f), getattr(p, f)))
            if gd.get("entity_source"):
                where = "named" if gd["entity_source"] in OWNER_NAMED else gd["entity_source"]
                sc.entity_by_source[where, field_agrees("entity", gd.get("entity"), p.entity)] += 1
            if nums_ok and field_agrees("indicator", gd.get("indicator"), p.indicator):
                sc.value_indicator_ok += 1
        for gi, g in enumerate(golds):
            if gi not in used:
                sc.fn[g.kind] += 1
                sc.misses.append((doc, g.data["text"], g.kind))
    return sc


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summary(sc: Score) -> dict:
    out = {"kinds": {}, "fields": {}}
    for k in KINDS:
        tp, fp, fn, vok = sc.tp[k], sc.fp[k], sc.fn[k], sc.value_ok[k]
        if tp + fp + fn == 0:
            continue
        det = prf(tp, fp, fn)
        # value scoring: a prediction is right when it matches and its numbers agree
        val = prf(vok, fp + (tp - vok), fn + (tp - vok))
        out["kinds"][k] = {"gold": tp + fn, "predicted": tp + fp, "detection": det, "value": val}
    TP, FP, FN, VOK = (sum(c.values()) for c in (sc.tp, sc.fp, sc.fn, sc.value_ok))
    out["overall"] = {"gold": TP + FN, "predicted": TP + FP, "detection": prf(TP, FP, FN),
                      "value": prf(VOK, FP + (TP - VOK), FN + (TP - VOK)),
                      "value+indicator": prf(sc.value_indicator_ok, FP + (TP - sc.value_indicator_ok),
                                             FN + (TP - sc.value_indicator_ok))}
    for f in EQ_FIELDS + CONTAIN_FIELDS:
        if sc.field_n[f]:
            out["fields"][f] = sc.field_ok[f] / sc.field_n[f]
    for where in ("named", "site"):
        n = sc.entity_by_source[where, True] + sc.entity_by_source[where, False]
        if n:
            label = f"entity ({'text names the owner' if where == 'named' else 'only the site tells'})"
            out["fields"][label] = sc.entity_by_source[where, True] / n
            out.setdefault("field_counts", {})[label] = n
    out["non_figures_reported"] = len(sc.non_figures_reported)
    return out


def evaluate(gold_dir: Path, only: str | None = None):
    texts, meta, gold, problems = load_gold(gold_dir)
    if only:
        keep = {d for d in texts if d.startswith(only)} if only != "seeds" else \
            {d for d in texts if (ROOT / "corpus" / f"{d}.txt").exists()}
        texts = {d: t for d, t in texts.items() if d in keep}
        gold = [g for g in gold if g.doc in keep]
    preds = predict(texts, meta)
    sc = score(texts, gold, preds)
    return sc, summary(sc), problems


def _fmt(t) -> str:
    return " ".join(f"{x:.3f}" for x in t)


def print_report(name: str, sc: Score, s: dict, misses: int) -> None:
    print(f"\n== {name} ==")
    print(f"{'kind':<12}{'gold':>6}{'pred':>6}   detection P R F1        value P R F1")
    for k, v in s["kinds"].items():
        print(f"{k:<12}{v['gold']:>6}{v['predicted']:>6}   {_fmt(v['detection']):<22}  {_fmt(v['value'])}")
    o = s["overall"]
    print(f"{'overall':<12}{o['gold']:>6}{o['predicted']:>6}   {_fmt(o['detection']):<22}  {_fmt(o['value'])}")
    print(f"value+indicator P R F1: {_fmt(o['value+indicator'])}")
    counts = s.get("field_counts", {})
    print("field accuracy over matches: " + ", ".join(
        f"{f} {a:.3f}" + (f" (of {counts[f]})" if f in counts else "") for f, a in s["fields"].items()))
    print(f"dates, codes, names reported as figures: {s['non_figures_reported']}")
    for d, t, k, r in sc.non_figures_reported[:misses]:
        print(f"  NON-FIGURE {d}: {t!r} as {k} (gold: {r})")
    for d, t, k in sc.misses[:misses]:
        print(f"  MISS {d}: {t!r} ({k})")
    for d, t, k, g, p in sc.wrong[:misses]:
        print(f"  WRONG {d}: {t!r} ({k}) gold {g} got {p}")
    for d, t, k, v, u in sc.spurious[:misses]:
        print(f"  SPURIOUS {d}: {t!r} ({k} {v} {u})")


def main(args) -> int:
    gold_dir = Path(args.gold) if args.gold else ROOT / "tests" / "gold"
    if not gold_dir.is_dir():
        print(f"chitieu eval: gold folder not found: {gold_dir}")
        return 2
    for name, only in (("real passages, held out (tests/gold/real_heldout*.jsonl; annotated blind, never used to "
                        "write rules)", "rheld-"),
                       ("real passages, development (tests/gold/real_dev*.jsonl; used to write rules)", "rdev-"),
                       ("seeds (tests/gold/seeds.jsonl; used in development)", "seeds"),
                       ("synthetic sentences (tests/gold/synthetic.jsonl; used in development)", "syn-"),
                       ("held-out sentences (tests/gold/heldout.jsonl; never used to tune the rules)", "held-"),
                       ("second held-out set (tests/gold/heldout2.jsonl; written after the indicator rules, "
                        "never used to tune them)", "h2-")):
        if only == "rheld-" and getattr(args, "skip_heldout", False):
            continue
        sc, s, problems = evaluate(gold_dir, only)
        if not s["kinds"]:
            continue
        blind = only == "rheld-" and not getattr(args, "show_heldout", False)
        print_report(name, sc, s, 0 if blind else args.misses)
        if blind:
            print("  (misses of the held-out set not listed: chitieu eval --show-heldout lists them)")
        elif getattr(args, "fields", False):
            for f, errs in sc.field_errors.items():
                for e in errs[:args.misses]:
                    print(f"  FIELD {f} {e[0]}: {e[1]!r} gold {e[2]!r} got {e[3]!r}")
    for p in problems:
        print(f"gold problem: {p}")
    return checks_main(args) or 0
