"""The Makefile and CI script call modules, not inline code."""

import re

from stack.environments import REPO

INLINE_PYTHON = re.compile(r"(python[\d.]*|\$\((RASA_)?PY\))\s+-c\b")


def test_no_inline_python_in_the_makefile():
    assert not INLINE_PYTHON.search((REPO / "Makefile").read_text())


def test_ci_probes_the_benchmark_data_through_the_bench_package():
    ci = (REPO / ".ci" / "run").read_text()
    assert ".venv/bin/python -m bench.public_data --check" in ci
    assert "NOT run" in ci  # and says so loudly when it cannot
