"""Small stand-ins for the public data sets, in their real layouts."""

from __future__ import annotations

import csv
from pathlib import Path


def _write_csv(path: Path, header: tuple[str, str], rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def fake_shared_data(root: Path) -> Path:
    """Banking77- and HWU64-shaped CSVs: 6 bank intents, 3 home-assistant ones (one bank-like)."""
    bank = [f"intent_{i}" for i in range(6)]
    _write_csv(root / "banking77" / "train.csv", ("text", "category"), [(f"bank {l} train {n}", l) for l in bank for n in range(10)])
    _write_csv(root / "banking77" / "test.csv", ("text", "category"), [(f"bank {l} test {n}", l) for l in bank for n in range(3)])
    home = ["alarm_set", "play_music", "qa_currency"]
    _write_csv(root / "hwu64" / "train.csv", ("text", "label"), [(f"home {l} train", l) for l in home])
    _write_csv(root / "hwu64" / "test.csv", ("text", "label"), [(f"home {l} test {n}", l) for l in home for n in range(2)])
    return root


def fake_tweeteval(root: Path) -> Path:
    d = root / "sentiment" / "tweeteval_sentiment"
    d.mkdir(parents=True, exist_ok=True)
    (d / "mapping.txt").write_text("0\tnegative\n1\tneutral\n2\tpositive\n")
    for split in ("val", "test"):
        (d / f"{split}_text.txt").write_text("awful service\nit arrived\nlovely, thanks\n")
        (d / f"{split}_labels.txt").write_text("0\n1\n2\n")
    return root
