"""Held-out evaluation: the examples a model was not trained on, scored again from disk."""

from __future__ import annotations

from dataclasses import dataclass

from nlu import model as nlu_model
from nlu import registry
from nlu.batch_prediction import predict_batch
from nlu.holdout import split_holdout, text_digest
from nlu.metrics import ClassificationReport, classification_metrics
from nlu.settings import NluSettings
from nlu.training_data import load_project


@dataclass(frozen=True)
class Evaluation:
    version: str
    heldout_examples: int
    data_changed_since_training: bool
    intent: ClassificationReport
    sentiment: ClassificationReport


def evaluate_current(settings: NluSettings) -> Evaluation:
    """Re-score the current model on its own held-out examples, read afresh from BOT_DIR."""
    loaded = nlu_model.load(registry.current_path(settings.models_dir))
    meta = loaded.metadata
    data = load_project(settings.bot_dir)
    _, held = split_holdout(data.examples, meta.settings.holdout_fraction, meta.settings.seed)
    trained_held = set(meta.training_data.heldout_texts_sha256)
    # Only examples the model provably did not see: a data edit since training must not leak.
    held = [e for e in held if text_digest(e.text) in trained_held]
    if not held:
        raise RuntimeError("the current model has no held-out examples left in BOT_DIR's data to score")
    pred_i, pred_s, _ = predict_batch(loaded.net, loaded.tokenizer, [e.text for e in held], loaded.intents,
                                      loaded.sentiments, meta.settings.max_tokens, char=loaded.char)
    return Evaluation(
        version=loaded.version,
        heldout_examples=len(held),
        data_changed_since_training=data.fingerprint() != meta.training_data.sha256,
        intent=classification_metrics([e.intent for e in held], pred_i),
        sentiment=classification_metrics([e.sentiment for e in held], pred_s),
    )
