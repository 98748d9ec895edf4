"""The out-of-scope benchmark path on a tiny data set in CLINC150's layout (real training, 2 epochs)."""

import json
from argparse import Namespace
from pathlib import Path

import pytest

from bench import public_data

from .fake_data import fake_shared_data


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
    from bench import nlu_benchmark  # imports torch and the stack: only in the tests that need them

    split = public_data.clinc_layout(tiny_clinc(tmp_path / "data_full.json"))
    assert len(split.train) == 8 and split.oos_test == ["who won the match", "translate hello"]
    result = nlu_benchmark.evaluate_oos(split, tmp_path, Namespace(epochs=2, latency_n=5))
    assert set(result) >= {"in_scope_accuracy", "oos_recall", "threshold", "in_scope_accuracy_without_rejection"}
    assert 0.0 <= result["oos_recall"] <= 1.0 and 0.0 <= result["threshold"] <= 1.0
    # rejection can only cost in-scope accuracy, never add to it
    assert result["in_scope_accuracy"] <= result["in_scope_accuracy_without_rejection"]


def test_banking77_oos_holds_out_whole_intents(tmp_path):
    root = fake_shared_data(tmp_path)
    split = public_data.banking77_oos(root, held_out=2, val_fraction=0.2, seed=3)
    in_scope = {l for _, l in split.train}
    assert len(in_scope) == 4 and {l for _, l in split.val} == in_scope and {l for _, l in split.test} == in_scope
    held = {f"intent_{i}" for i in range(6)} - in_scope
    # no message of a held-out intent is ever trained on or fitted as in-scope
    assert not any(l in held for _, l in split.train + split.val + split.test)
    assert len(split.val) == 4 * 2 and len(split.train) == 4 * 8
    assert sorted(split.oos_val) == sorted(f"bank {l} train {n}" for l in held for n in range(10))
    in_domain = sorted(f"bank {l} test {n}" for l in held for n in range(3))
    out_domain = sorted(f"home {l} test {n}" for l in ("alarm_set", "play_music") for n in range(2))
    assert sorted(split.oos_test) == sorted(in_domain + out_domain)  # the bank-like qa_currency is not OOS
    by_source = {s: sorted(t for t, src in zip(split.oos_test, split.oos_test_sources) if src == s)
                 for s in set(split.oos_test_sources)}
    assert by_source == {"banking77 held-out intents": in_domain, "hwu64 (other domains)": out_domain}
    # the same seed draws the same intents
    assert public_data.banking77_oos(root, held_out=2, val_fraction=0.2, seed=3).oos_test == split.oos_test


def test_oos_evaluation_reports_recall_per_source_and_energy(tmp_path):
    from bench import nlu_benchmark

    split = public_data.clinc_layout(tiny_clinc(tmp_path / "data_full.json"))
    split.oos_test_sources = ["sport", "language"]
    result = nlu_benchmark.evaluate_oos(split, tmp_path, Namespace(epochs=1, latency_n=5))
    assert set(result["oos_recall_by_source"]) == {"sport", "language"}
    assert result["oos_recall"] == pytest.approx(sum(result["oos_recall_by_source"].values()) / 2)
    assert set(result["energy"]) >= {"threshold", "in_scope_accuracy", "oos_recall", "oos_recall_by_source"}
    assert result["energy"]["in_scope_accuracy"] <= result["in_scope_accuracy_without_rejection"]
