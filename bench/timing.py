"""Small helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import subprocess

from stack.environments import RASA


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank q-th percentile (q in 0..100) of a non-empty list."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def summarise_ms(ms: list[float]) -> dict:
    return {"p50_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 95), 2)}


def rasa_version() -> str:
    return subprocess.run([RASA.python, "-c", "import rasa; print(rasa.__version__)"],
                          capture_output=True, text=True, check=True).stdout.strip()
