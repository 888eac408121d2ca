"""The README documents every command and option of the CLI, and the Makefile targets it names exist."""
import re

import pytest

from pipeline.orchestration.cli import build_parser

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_is_documented(name):
    assert f"### `chitieu {name}" in README, f"README has no section for `chitieu {name}`"


@pytest.mark.parametrize("name,option", [(n, o) for n, p in _subcommands().items() for a in p._actions
                                         for o in a.option_strings if o.startswith("--") and o != "--help"])
def test_every_option_is_documented(name, option):
    assert option in README, f"`chitieu {name} {option}` is not in the README"


def test_make_targets_named_in_readme_exist():
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"`make ([a-z-]+)`", README)):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_security_md_names_only_tests_that_exist():
    """Every `tests/…py::test_…` SECURITY.md cites is a test function of that file."""
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", text))
    assert len(cited) >= 30
    for path, name in sorted(cited):
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^(async )?def {name}\(", source, re.M), f"SECURITY.md cites {path}::{name}, which is not there"
