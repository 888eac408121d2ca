"""Fuzz the readers that take untrusted bytes: the HTML reader (page bytes -> scrapers.encoding.decode ->
scrapers.article.extract_article with the generic profile) and the text-dump reader
(extractors.textdump.read_dump_bytes).

    python tests/fuzz_harness.py --seconds 60            # both readers, coverage-guided (atheris)
    python tests/fuzz_harness.py --target html --seconds 300
    python tests/fuzz_harness.py --engine hypothesis     # without atheris
    make fuzz FUZZ_SECONDS=600

The first byte of an input picks the reader (even: HTML, odd: text) unless --target fixes one. The
expected refusals — `InputError` from the dump reader, `PageError` from the HTML reader — must name the
input; any other exception, a time-out (--timeout seconds an input) or memory past --rss-mb is a crash:
libFuzzer saves the input under output/fuzz/ (`crash-…`, `timeout-…`, `oom-…`) and the script exits
non-zero. Replay one with `python tests/fuzz_harness.py output/fuzz/crash-…`.

Seeds are the fixture sites' pages and the corpus's dumps; the inputs libFuzzer finds interesting are
kept in output/fuzz/corpus for the next run. Without atheris (or with --engine hypothesis) the same
checks run on hypothesis-generated inputs (random bytes, tag soup, dump-shaped text, mutated seeds) in
batches until the time is up.
"""
from __future__ import annotations

import argparse
import atexit
import os
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "output" / "fuzz"
URL = "http://127.0.0.1:1/tin/bai-viet-fuzz.html"
NAME = "fuzz/bài viết.txt"
STATS: Counter[str] = Counter()

try:
    import atheris
except ImportError:  # pragma: no cover - the fallback engine is used
    atheris = None


def _import_readers():
    """Import the readers (instrumented for coverage when atheris is there)."""
    global decode, extract_article, PageError, GENERIC, read_dump_bytes, InputError
    if atheris is not None:
        ctx = atheris.instrument_imports(include=["scrapers", "extractors"])
    else:
        import contextlib
        ctx = contextlib.nullcontext()
    with ctx:
        from scrapers.article import PageError, extract_article
        from scrapers.encoding import decode
        from scrapers.profiles import load_profile
        from extractors.textdump import read_dump_bytes
    from extractors.document import InputError
    GENERIC = load_profile("generic")


class FuzzFailure(AssertionError):
    pass


def check_html(raw: bytes) -> None:
    text, codec = decode(raw, None)
    if not unicodedata.is_normalized("NFC", text):
        raise FuzzFailure(f"decode() returned text that is not NFC ({codec})")
    try:
        art = extract_article(text, URL, GENERIC)
    except PageError as e:
        if URL not in str(e):
            raise FuzzFailure(f"PageError without the URL: {e}") from e
        STATS["html_refused"] += 1
        return
    if art is None:
        STATS["html_no_article"] += 1
        return
    if art.body not in art.text or not unicodedata.is_normalized("NFC", art.text):
        raise FuzzFailure("article text is not NFC or does not hold its body")
    STATS["html_article"] += 1


def check_text(raw: bytes) -> None:
    try:
        docs = read_dump_bytes(raw, stem="fuzz", source=NAME)
    except InputError as e:
        if NAME not in str(e):
            raise FuzzFailure(f"InputError without the input's name: {e}") from e
        STATS["text_refused"] += 1
        return
    if not docs or len({d.id for d in docs}) != len(docs):
        raise FuzzFailure("no documents, or two with the same id")
    for d in docs:
        if not d.text.strip() or not unicodedata.is_normalized("NFC", d.text) or "\r" in d.text:
            raise FuzzFailure(f"document {d.id}: empty, not NFC, or with a carriage return")
        if d.title and not d.text.startswith(d.title):
            raise FuzzFailure(f"document {d.id}: the text does not start with the title")
    STATS["text_documents"] += len(docs)


def one_input(data: bytes, target: str = "all") -> None:
    if target == "html":
        check_html(data)
    elif target == "text":
        check_text(data)
    elif data:
        (check_html if data[0] % 2 == 0 else check_text)(data[1:])
    STATS["inputs"] += 1


# -- seeds ---------------------------------------------------------------------------------------------
def seeds(target: str) -> list[bytes]:
    """Fixture pages (rendered into their site's layout) and corpus dumps, prefixed for --target all."""
    html, text = [], []
    for site in sorted((ROOT / "tests" / "fixtures" / "sites").iterdir()):
        layout = site / "layout.html"
        lay = layout.read_text(encoding="utf-8") if layout.exists() else None
        for f in sorted(site.glob("*.htm*")):
            if f.name == "layout.html":
                continue
            page = f.read_text(encoding="utf-8")
            if lay and "<html" not in page.lower():
                page = lay.replace("{{MAIN}}", page)
            html.append(page.encode())
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        text.append(f.read_bytes())
    text.append("T\xa8ng tr\xadëng kinh t\xd5 cña tØnh".encode("latin-1"))
    html.append(("<html><body>" + "<div>" * 600 + "<p>sâu</p>" + "</div>" * 600 + "</body></html>").encode())
    if target == "html":
        return html
    if target == "text":
        return text
    return [b"\x00" + h for h in html] + [b"\x01" + t for t in text]


def _summary(started: float) -> None:
    took = time.monotonic() - started
    parts = ", ".join(f"{k} {v}" for k, v in sorted(STATS.items()))
    print(f"fuzz_harness: {STATS['inputs']} inputs in {took:.0f} s ({parts})", file=sys.stderr)


# -- engines ---------------------------------------------------------------------------------------------
def run_atheris(args) -> None:
    corpus, seed_dir = OUT / "corpus", OUT / f"seeds-{args.target}"
    for d in (corpus, seed_dir):
        d.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(seeds(args.target)):
        (seed_dir / f"seed-{i:03d}").write_bytes(s)
    target = args.target
    started, last = time.monotonic(), [time.monotonic()]

    def test_one(data: bytes) -> None:
        one_input(data, target)
        now = time.monotonic()
        if now - last[0] >= 15:  # libFuzzer ends the process itself: the tally is printed as it goes
            last[0] = now
            _summary(started)

    argv = [sys.argv[0], str(corpus), str(seed_dir), f"-max_total_time={args.seconds}",
            f"-timeout={args.timeout}", f"-rss_limit_mb={args.rss_mb}", f"-max_len={args.max_len}",
            f"-artifact_prefix={OUT}/", "-print_final_stats=1", *args.libfuzzer]
    atheris.Setup(argv, test_one)
    atheris.Fuzz()


def run_hypothesis(args) -> int:
    """The fallback: hypothesis-generated inputs in batches until the time is up."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    seed_list = seeds(args.target)
    tags = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<h1>",
                            "</h1>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#0;", "<", ">", "\x00",
                            "<meta charset='windows-1258'>", "<article>", "</article>", "Thứ Hai, 10/1/2022 08:00",
                            "Năm 2021, thu ngân sách đạt 16.916 tỷ đồng, tăng 12,5%. "])

    @st.composite
    def mutated(draw):
        base = bytearray(draw(st.sampled_from(seed_list)))
        for _ in range(draw(st.integers(0, 8))):
            if not base:
                break
            i = draw(st.integers(0, len(base) - 1))
            op = draw(st.integers(0, 3))
            if op == 0:
                base[i] = draw(st.integers(0, 255))
            elif op == 1:
                del base[i:i + draw(st.integers(1, 64))]
            elif op == 2:
                base[i:i] = draw(tags).encode()
            else:
                j = draw(st.integers(0, len(base) - 1))
                base[i:i] = base[j:j + draw(st.integers(1, 256))]
        return bytes(base)

    prefix = {"html": st.just(b""), "text": st.just(b""), "all": st.sampled_from([b"\x00", b"\x01"])}[args.target]
    soup = st.lists(tags | st.text(max_size=30), max_size=80).map(lambda p: "".join(p).encode())
    inputs = st.one_of(mutated(), st.builds(lambda p, b: p + b, prefix, st.binary(max_size=4000) | soup))
    target = args.target

    @settings(max_examples=100, deadline=args.timeout * 1000, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def batch(data):
        one_input(data, target)

    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        batch()
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", help="replay these files (crash artifacts) instead of fuzzing")
    p.add_argument("--seconds", type=int, default=60, help="how long to fuzz (default 60)")
    p.add_argument("--target", choices=["all", "html", "text"], default="all")
    p.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    p.add_argument("--timeout", type=int, default=20, help="seconds one input may take (default 20)")
    p.add_argument("--rss-mb", type=int, default=2048, help="memory limit of the process (default 2048 MB)")
    p.add_argument("--max-len", type=int, default=262144, help="longest input in bytes (default 256 KiB)")
    p.add_argument("--libfuzzer", nargs=argparse.REMAINDER, default=[], help="further libFuzzer flags")
    args = p.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if atheris is not None else "hypothesis"
    if engine == "atheris" and atheris is None:
        print("fuzz_harness: atheris is not installed (pip install atheris)", file=sys.stderr)
        return 2
    _import_readers()
    started = time.monotonic()
    atexit.register(_summary, started)
    if args.inputs:
        for f in args.inputs:
            one_input(Path(f).read_bytes(), args.target)
            print(f"fuzz_harness: {f}: no crash", file=sys.stderr)
        return 0
    print(f"fuzz_harness: {engine} engine, target {args.target}, {args.seconds} s", file=sys.stderr)
    if engine == "hypothesis":
        return run_hypothesis(args)
    run_atheris(args)  # libFuzzer exits the process itself: 0 when the time is up, non-zero on a crash
    return 0


if __name__ == "__main__":
    sys.exit(main())
