from dataclasses import replace

from nlu.metadata import HeldoutMetrics
from nlu.metrics import ClassificationReport, ClassScores, Confusion
from nlu.model_card import render

from .tiny import tiny_metadata


def report(labels):
    return ClassificationReport(accuracy=0.9, macro_f1=0.88,
                                per_class={l: ClassScores(1.0, 0.8, 0.89, 5) for l in labels},
                                confused=[Confusion(labels[0], labels[1], 2)])


def test_card_has_sources_distribution_metrics_confusions_settings_versions_limits():
    meta = replace(tiny_metadata("nlu-x", intents=["greet", "bye"], data_hash="abc123", threshold=0.55),
                   metrics=HeldoutMetrics(2, report(["greet", "bye"]), report(["neutral", "positive"])))
    card = render(meta)
    for needle in ("# Model card: nlu-x", "`nlu.yml` | `f00d`", "| greet | 5 |", "| greet | 1.0 | 0.8 | 0.89 | 5 |",
                   "| greet | bye | 2 |", "**0.55**", "| epochs | 1 |", "| torch | 2 |", "## Known limits",
                   "abc123", "read in windows of whole sentences"):
        assert needle in card, needle


def test_card_without_held_out_examples_says_so():
    assert "No held-out examples" in render(tiny_metadata())


def test_card_lists_intent_families_when_the_project_has_them():
    meta = tiny_metadata(intents=["late", "status", "greet"])
    assert "family" not in render(meta)
    meta = replace(meta, labels=replace(meta.labels, families={"late": "whereabouts", "status": "whereabouts"}))
    assert "| whereabouts | late, status |" in render(meta)
