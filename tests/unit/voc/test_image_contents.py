"""docker/voc.Dockerfile copies only contracts/ and voc/: voc may import nothing else from this repo
(it once imported nlu.settings for the encoder's path, a ModuleNotFoundError in the container)."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_the_voc_image_holds_every_package_voc_imports():
    copied = set(re.findall(r"^COPY (\w+) \1$", (REPO / "docker" / "voc.Dockerfile").read_text(), re.M))
    assert copied == {"contracts", "voc"}, copied
    ours = {p.name for p in REPO.iterdir() if (p / "__init__.py").is_file()} | {"contracts"}
    imported = set()
    for path in (p for p in (REPO / "voc").rglob("*.py") if "node_modules" not in p.parts):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                imported |= {(a.name.split(".")[0], path.name) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add((node.module.split(".")[0], path.name))
    assert not {(pkg, f) for pkg, f in imported if pkg in ours and pkg not in copied}
