"""The layer rule of docs/architecture.md, read off the code with `ast`: every `import` and `from … import`
(at the top of a module or inside a function) of every module, mapped to its layer."""
import ast

import pytest

from conftest import ROOT

# layer -> the layers it must never import
FORBIDDEN = {
    "extractors": {"pipeline", "scrapers"},
    "scrapers": {"pipeline"},
    "pipeline.db": {"pipeline.orchestration", "pipeline.web", "pipeline.evaluation"},
    "pipeline.web": {"pipeline.orchestration", "pipeline.evaluation"},
    "pipeline.evaluation": {"pipeline.orchestration", "pipeline.web"},
}


def module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path) -> list[tuple[int, str]]:
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def imports_in(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, module) of every import of `module`'s source; a relative import made absolute; `from pipeline
    import web` as `pipeline.web`."""
    me = module.split(".")
    package = me if is_package else me[:-1]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            out += [(node.lineno, f"{base}.{a.name}") for a in node.names]
    return out


def layer_of(module: str) -> str | None:
    for layer in sorted(FORBIDDEN, key=len, reverse=True):
        if module == layer or module.startswith(layer + "."):
            return layer
    return None


def within(module: str, layer: str) -> bool:
    return module == layer or module.startswith(layer + ".")


SOURCES = sorted(p for d in ("extractors", "scrapers", "pipeline") for p in (ROOT / d).rglob("*.py"))


def test_the_rule_sees_the_modules_it_guards():
    names = {module_name(p) for p in SOURCES}
    assert {"pipeline.db.claims.check", "pipeline.web.plugins.chitieu_pages", "extractors.extract"} <= names
    assert layer_of("pipeline.db.claims.check") == "pipeline.db" and layer_of("pipeline.orchestration.cli") is None


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_import_goes_against_the_arrows(layer):
    wrong = []
    for path in SOURCES:
        if layer_of(module_name(path)) != layer:
            continue
        for line, mod in imports(path):
            if any(within(mod, bad) for bad in FORBIDDEN[layer]):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {mod}")
    assert not wrong, "\n".join(wrong)


def test_a_wrong_import_is_caught():
    # a module of pipeline/web reaching up into the orchestration three ways, one inside a function
    src = ("from ..orchestration import claim\nimport pipeline.orchestration.cli\n"
           "def f():\n    from pipeline import orchestration\n")
    mods = [m for _, m in imports_in(src, "pipeline.web.probe")]
    assert mods == ["pipeline.orchestration.claim", "pipeline.orchestration.cli", "pipeline.orchestration"]
    assert all(any(within(m, bad) for bad in FORBIDDEN["pipeline.web"]) for m in mods)
