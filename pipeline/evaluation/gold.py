"""The hand-annotated gold set in tests/gold/: its documents' texts and the gold mentions with offsets.

Read by `chitieu eval` (`pipeline.evaluation.evaluate`) and by the checks' precision (`pipeline.evaluation.evaluate_checks`).
A gold line gives a context and the mentions in it; the context is found in the corpus document of the
same name (or stands for the document when there is none), and each mention's span in the context.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import nfc
from extractors.textdump import read_dump

ROOT = Path(__file__).resolve().parents[2]  # the repository: tests/gold and corpus/ beside pipeline/
GOLD_FILES = ("seeds.jsonl", "synthetic.jsonl", "heldout.jsonl", "heldout2.jsonl")  # mention gold; other files there gold other stages
REAL_GOLD = "real_*.jsonl"   # real published passages, one document a line (tests/gold/REAL_FORMAT.md)


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    data: dict

    @property
    def kind(self) -> str:
        return self.data["kind"]


def load_gold(gold_dir: Path, real: bool = True) -> tuple[dict[str, str], dict[str, dict], list[GoldMention], list[str]]:
    """Documents' texts, their metadata, gold mentions with offsets, and problems found; with the
    real-text passages (a line is a whole document with its page's title, date and URL) unless `real`
    is False."""
    texts: dict[str, str] = {}
    meta: dict[str, dict] = {}
    gold: list[GoldMention] = []
    problems: list[str] = []
    paths = [gold_dir / name for name in GOLD_FILES if (gold_dir / name).exists()]
    for path in paths + (sorted(gold_dir.glob(REAL_GOLD)) if real else []):
        for lineno, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            doc = row["doc"]
            if "text" in row:  # a real passage: the whole document
                context = texts[doc] = nfc(row["text"])
                meta[doc] = {"title": row.get("title"), "published": row.get("published"),
                             "source": row.get("url") or f"{path.name}:{lineno}"}
            else:
                context = nfc(row["context"])
            if doc not in texts:
                corpus_file = ROOT / "corpus" / f"{doc}.txt"
                if corpus_file.exists():
                    d = read_dump(corpus_file)[0]
                    texts[doc] = d.text
                    meta[doc] = {"title": d.title, "published": d.published, "source": str(corpus_file)}
                else:
                    texts[doc] = context
                    meta[doc] = {"title": None, "published": row.get("published"), "source": f"{path.name}:{lineno}"}
            text = texts[doc]
            cstart = text.find(context)
            if cstart < 0:
                lost = [gm["text"] for gm in row.get("mentions", []) if gm["kind"] != "ignore"]
                if lost:  # a context of only non-mentions (a dateline the reader drops) is no loss
                    problems.append(f"{path.name}:{lineno}: context not found in the text of {doc}: "
                                    f"{len(lost)} gold mentions cannot be scored")
                continue
            for gm in row.get("mentions", []):
                span = nfc(gm["text"])
                k = -1
                for _ in range(gm.get("occurrence", 0) + 1):
                    k = context.find(span, k + 1)
                    if k < 0:
                        break
                if k < 0:
                    problems.append(f"{path.name}:{lineno}: {span!r} not in its context")
                    continue
                gold.append(GoldMention(doc, cstart + k, cstart + k + len(span), gm))
    return texts, meta, gold, problems
