"""A large corpus built from the project's own documents, for benchmarks.

Document i is seed i mod 5 (from corpus/) or a block of 20 synthetic gold sentences
(tests/gold/synthetic.jsonl), with every printed number perturbed deterministically from i (digits
changed, formats kept: `2.101` stays grouped, `9,54` keeps its decimals) and the title numbered, so
no two documents are identical and every figure is still a figure. Same `n`, same corpus.

    python -m benchmarks.corpus OUT_DIR N      # writes N .txt files
"""
from __future__ import annotations

import json
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NUM = re.compile(r"(?<![\d/.,-])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d/])|(?<![\d/.,-])\d+,\d+(?![\d/])")


@lru_cache(maxsize=1)
def _sources() -> tuple[list[str], list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    syn = [json.loads(l)["context"] for l in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8")
           if l.strip()]
    return seeds, syn


def _perturb(text: str, rng: random.Random) -> str:
    """Change the digits of grouped and decimal numbers (not dates, years or codes)."""
    def repl(m: re.Match) -> str:
        s = m.group(0)
        out = []
        for k, c in enumerate(s):
            if c.isdigit() and k > 0:
                out.append(str(rng.randrange(10)))
            else:
                out.append(c)
        return "".join(out)
    return _NUM.sub(repl, text)


def document_text(i: int) -> str:
    seeds, syn = _sources()
    rng = random.Random(i)
    kind = i % (len(seeds) + 1)
    if kind < len(seeds):
        text = seeds[kind]
        lines = text.split("\n")
        # number the title (the first line that is not a dateline)
        for k, line in enumerate(lines):
            if line.strip() and not re.match(r"^\s*(?:Thứ|date|\d)", line.strip()) and len(line.split()) > 3:
                lines[k] = f"{line.rstrip()} (bản tin {i})"
                break
        text = "\n".join(lines)
    else:
        start = (i * 20) % max(1, len(syn) - 20)
        text = f"Tổng hợp số liệu các tỉnh, bản tin {i}\n\n" + "\n\n".join(syn[start:start + 20])
    return _perturb(text, rng)


def write_corpus(out: Path, n: int) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        p = out / f"bench_{i:06d}.txt"
        if not p.exists():
            p.write_text(document_text(i), encoding="utf-8")
    return out


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]))
