"""bench/ is a package: imported by module path, using only nlu's public surface."""

import ast
from pathlib import Path

import nlu

REPO = Path(__file__).resolve().parents[3]


def imports(path: Path):
    return [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_bench_uses_only_the_public_nlu_surface():
    for path in (REPO / "bench").glob("*.py"):
        for node in imports(path):
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("nlu.") for a in node.names), path.name
            elif node.module and node.module.startswith("nlu."):
                raise AssertionError(f"{path.name} imports {node.module}; use `from nlu import ...`")
            elif node.module == "nlu":
                assert {a.name for a in node.names} <= set(nlu.__all__), path.name


def test_nothing_edits_sys_path():
    for path in [*(REPO / "bench").rglob("*.py"), *(REPO / "tests" / "unit" / "bench").rglob("*.py"),
                 *(REPO / "tests" / "unit" / "nlu").rglob("*.py")]:
        tree = ast.parse(path.read_text())
        edits = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and ast.unparse(n) == "sys.path"]
        assert not edits, f"{path.relative_to(REPO)} edits sys.path"
