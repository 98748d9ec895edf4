from nlu.model_card import render


def metrics(labels):
    return {"accuracy": 0.9, "macro_f1": 0.88,
            "per_class": {l: {"precision": 1.0, "recall": 0.8, "f1": 0.89, "support": 5} for l in labels},
            "confused": [{"true": labels[0], "predicted": labels[1], "count": 2}]}


def test_card_has_sources_distribution_metrics_confusions_settings_versions_limits():
    meta = {
        "version": "nlu-x", "trained_at": "2026-11-30T00:00:00", "train_seconds": 12.0,
        "training_data": {"sha256": "abc123", "bot_dir": "bot", "examples": 10, "train_examples": 8,
                          "files": {"a.yml": "f00d"}, "intent_counts": {"greet": 5, "bye": 5},
                          "sentiment_counts": {"neutral": 10}},
        "settings": {"encoder": "model", "epochs": 3},
        "versions": {"torch": "2.13.0"},
        "metrics": {"heldout_examples": 2, "intent": metrics(["greet", "bye"]),
                    "sentiment": metrics(["neutral", "positive"])},
        "fallback": {"threshold": 0.55, "method": "accepts 95%"},
    }
    card = render(meta)
    for needle in ("# Model card: nlu-x", "`a.yml` | `f00d`", "| greet | 5 |", "| greet | 1.0 | 0.8 | 0.89 | 5 |",
                   "| greet | bye | 2 |", "**0.55**", "| epochs | 3 |", "| torch | 2.13.0 |", "## Known limits",
                   "abc123"):
        assert needle in card, needle
