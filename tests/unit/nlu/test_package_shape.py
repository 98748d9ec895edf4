"""The package's shape: imports go one way, the public surface is named and cheap to import."""

import ast
import subprocess
import sys
from pathlib import Path

import nlu

NLU = Path(nlu.__file__).parent


def nlu_imports(path: Path) -> set[str]:
    """The nlu modules a file imports, anywhere in it (a lazy import inside a function still ties
    the two modules together)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("nlu.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "nlu":
            if node.module == "nlu":  # `from nlu import registry` names a submodule
                found |= {f"nlu.{a.name}" for a in node.names if (NLU / f"{a.name}.py").exists()}
            else:
                found.add(node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    # the package's __init__ is the facade over every module, not one of the layers
    return {f"nlu.{p.stem}": nlu_imports(p) for p in NLU.glob("*.py") if p.stem != "__init__"}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_no_module_imports_itself_round_a_loop():
    graph = import_graph()
    assert "nlu.evaluate" not in reachable(graph, "nlu.train")
    assert "nlu.train" not in reachable(graph, "nlu.evaluate")
    loops = sorted(m for m in graph if m in reachable(graph, m))
    assert loops == [], f"import loops through {loops}"


def test_modules_inside_the_package_do_not_import_from_its_facade():
    for path in NLU.glob("*.py"):
        if path.stem in ("__init__", "__main__"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "nlu":
                assert all((NLU / f"{a.name}.py").exists() for a in node.names), path.name


def test_every_public_name_resolves_and_type_checkers_see_the_same_names():
    for name in nlu.__all__:
        assert getattr(nlu, name) is not None, name
    tree = ast.parse((NLU / "__init__.py").read_text())
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    seen = {a.asname or a.name for node in guarded.body for a in node.names}
    assert seen == set(nlu.__all__)


def test_importing_the_package_and_listing_models_needs_no_torch():
    code = ("import sys, nlu, nlu.__main__, nlu.registry, nlu.metadata; "
            "nlu.NluSettings; nlu.ModelMetadata; nlu.registry.versions; "
            "assert 'torch' not in sys.modules, 'torch was imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
