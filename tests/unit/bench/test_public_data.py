"""CI's probe: `python -m bench.public_data --check` says whether the benchmark smoke run can run."""

import os
import subprocess
import sys
from pathlib import Path

from .fake_data import fake_shared_data, fake_tweeteval

REPO = Path(__file__).resolve().parents[3]


def probe(shared_data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bench.public_data", "--check"], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "SHARED_DATA": str(shared_data)})


def test_check_passes_when_every_data_set_reads(tmp_path):
    done = probe(fake_tweeteval(fake_shared_data(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert "banking77 78 messages" in done.stdout and "tweeteval 6 messages" in done.stdout


def test_check_fails_loudly_when_data_is_missing(tmp_path):
    done = probe(tmp_path / "nowhere")
    assert done.returncode == 1 and "PUBLIC BENCHMARK DATA MISSING" in done.stderr
    partial = probe(fake_shared_data(tmp_path / "no-sentiment"))  # banking77 alone is not enough
    assert partial.returncode == 1 and "tweeteval_sentiment" in partial.stderr
