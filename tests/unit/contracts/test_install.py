"""The shared package installs into a fresh venv with only its declared dependencies.

Runs in both project environments (3.10 and 3.11), so it proves both Pythons.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "contracts"
MODULES = ["contracts", "contracts.ports", "contracts.limits", "contracts.redis_keys", "contracts.redaction",
           "contracts.identity", "contracts.records"]


def declared_dependencies() -> set:
    text = (PACKAGE / "pyproject.toml").read_text()
    block = re.search(r"dependencies = \[(.*?)\]", text, re.S).group(1)
    return {re.match(r"[A-Za-z0-9_.-]+", d).group().lower() for d in re.findall(r'"([^"]+)"', block)}


def test_installs_and_imports_in_a_fresh_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    source = shutil.copytree(PACKAGE, tmp_path / "contracts", ignore=shutil.ignore_patterns("*.egg-info", "build"))
    # built from a copy: a build must not leave build/ or egg-info in the checkout
    subprocess.run([python, "-I", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
                   check=True, capture_output=True)
    # -I: isolated from PYTHONPATH and the user's site, so only what the venv installed can be imported
    probe = "import " + ", ".join(MODULES) + "; from contracts.redaction import redact; print(redact('mail a@b.co'))"
    out = subprocess.run([python, "-I", "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert out.stdout.strip() == "mail [EMAIL]"
    # nothing installed but the package and what its declared dependencies pull in
    top = subprocess.run([python, "-I", "-m", "pip", "list", "--not-required", "--format=freeze", "--exclude", "pip",
                          "--exclude", "setuptools", "--disable-pip-version-check"],
                         check=True, capture_output=True, text=True)
    assert {line.split("==")[0].lower() for line in top.stdout.split()} == {"careline-contracts"}, top.stdout
    shown = subprocess.run([python, "-I", "-m", "pip", "show", "careline-contracts"], check=True, capture_output=True,
                           text=True).stdout
    requires = next(line for line in shown.splitlines() if line.startswith("Requires:")).split(":", 1)[1]
    assert {r.strip().lower() for r in requires.split(",") if r.strip()} == declared_dependencies()
    subprocess.run([python, "-I", "-m", "pip", "check"], check=True, capture_output=True)
