import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))


def passage_texts() -> list[str]:
    """The seeds' documents, then the synthetic and development passages' texts (the real text the fast-path tests
    compare the fast readings on)."""
    import json

    from extractors.textdump import read_dump

    texts = [d.text for p in sorted(CORPUS.glob("*.txt")) for d in read_dump(p)]
    for path in [ROOT / "tests/gold/synthetic.jsonl", *sorted((ROOT / "tests/gold").glob("real_dev_*.jsonl"))]:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                texts.append(row.get("text") or row.get("context") or "")
    return texts


@pytest.fixture(scope="session")
def seed_files():
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def built_db(tmp_path_factory):
    """The corpus run into a database once for the session (read-only for tests)."""
    from pipeline.orchestration.run import run_corpus

    path = tmp_path_factory.mktemp("db") / "chitieu.db"
    assert run_corpus(CORPUS, path, quiet=True) == 0
    return path


@pytest.fixture
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst
