"""The out-of-scope benchmark path on a tiny data set in CLINC150's layout (real training, 2 epochs)."""

import json
import sys
from argparse import Namespace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "bench"))

import public_data  # noqa: E402


def tiny_clinc(path: Path) -> Path:
    intents = {
        "pizza": ["order a large pizza", "i want a pepperoni pizza", "get me a margherita pizza",
                  "pizza with extra cheese please", "one veggie pizza to go", "two pizzas for delivery"],
        "weather": ["what's the weather today", "will it rain tomorrow", "is it sunny outside",
                    "weather forecast for the weekend", "how cold is it now", "do i need an umbrella"],
    }
    rows = [[t, i] for i, ts in intents.items() for t in ts]
    data = {"train": rows[0:4] + rows[6:10], "val": [rows[4], rows[10]], "test": [rows[5], rows[11]],
            "oos_train": [], "oos_val": [["play some jazz", "oos"], ["book a flight", "oos"]],
            "oos_test": [["who won the match", "oos"], ["translate hello", "oos"]]}
    path.write_text(json.dumps(data))
    return path


def test_clinc_layout_is_checked(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"train": [], "test": []}))
    with pytest.raises(ValueError, match="oos_test"):
        public_data.clinc_layout(bad)


def test_oos_evaluation_reports_in_scope_accuracy_and_oos_recall(tmp_path):
    import nlu_benchmark

    split = public_data.clinc_layout(tiny_clinc(tmp_path / "data_full.json"))
    assert len(split.train) == 8 and split.oos_test == ["who won the match", "translate hello"]
    result = nlu_benchmark.evaluate_oos(split, tmp_path, Namespace(epochs=2, latency_n=5))
    assert set(result) >= {"in_scope_accuracy", "oos_recall", "threshold", "in_scope_accuracy_without_rejection"}
    assert 0.0 <= result["oos_recall"] <= 1.0 and 0.0 <= result["threshold"] <= 1.0
    # rejection can only cost in-scope accuracy, never add to it
    assert result["in_scope_accuracy"] <= result["in_scope_accuracy_without_rejection"]
