"""Held-out evaluation: the examples a model was not trained on, scored again from disk."""

from __future__ import annotations

import hashlib
from typing import Any

import torch
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from nlu.settings import NluSettings


@torch.inference_mode()
def batched_logits(net, tokenizer, texts: list[str], max_tokens: int,
                   batch_size: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Intent and sentiment logits for many texts, in batches, with the net in eval mode."""
    was_training = net.training
    net.eval()
    intent, sentiment = [], []
    for b in range(0, len(texts), batch_size):
        enc = tokenizer(texts[b : b + batch_size], padding=True, truncation=True,
                        max_length=max_tokens, return_tensors="pt")
        i_logits, s_logits, _ = net(enc["input_ids"], enc["attention_mask"])
        intent.append(i_logits)
        sentiment.append(s_logits)
    net.train(was_training)
    return torch.cat(intent), torch.cat(sentiment)


def predict_batch(net, tokenizer, texts: list[str], intents: list[str], sentiments: list[str],
                  max_tokens: int, batch_size: int = 64) -> tuple[list[str], list[str], list[float]]:
    """Predicted intents, sentiments and intent confidences, in batches."""
    if not texts:
        return [], [], []
    i_logits, s_logits = batched_logits(net, tokenizer, texts, max_tokens, batch_size)
    conf, idx = i_logits.softmax(-1).max(-1)
    return [intents[i] for i in idx.tolist()], [sentiments[i] for i in s_logits.argmax(-1).tolist()], conf.tolist()


def classification_metrics(y_true: list[str], y_pred: list[str]) -> dict[str, Any]:
    labels = sorted(set(y_true))
    p, r, f, n = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "per_class": {
            label: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                    "f1": round(float(f[i]), 4), "support": int(n[i])}
            for i, label in enumerate(labels)
        },
        "confused": _confused_pairs(y_true, y_pred),
    }


def _confused_pairs(y_true: list[str], y_pred: list[str], top: int = 10) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], int] = {}
    for t, p in zip(y_true, y_pred):
        if t != p:
            counts[(t, p)] = counts.get((t, p), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:top]
    return [{"true": t, "predicted": p, "count": c} for (t, p), c in ranked]


def evaluate_current(settings: NluSettings) -> dict[str, Any]:
    """Re-score the current model on its own held-out examples, read afresh from BOT_DIR."""
    from nlu import model as nlu_model
    from nlu import registry
    from nlu.train import split_holdout
    from nlu.training_data import load_project

    loaded = nlu_model.load(registry.current_path(settings.models_dir))
    meta = loaded.metadata
    data = load_project(settings.bot_dir)
    s = meta["settings"]
    _, held = split_holdout(data.examples, s["holdout_fraction"], s["seed"])
    trained_held = set(meta["training_data"]["heldout_texts_sha256"])
    # Only examples the model provably did not see: a data edit since training must not leak.
    held = [e for e in held if hashlib.sha256(e.text.encode()).hexdigest() in trained_held]
    if not held:
        raise RuntimeError("the current model has no held-out examples left in BOT_DIR's data to score")
    pred_i, pred_s, _ = predict_batch(loaded.net, loaded.tokenizer, [e.text for e in held],
                                   loaded.intents, loaded.sentiments, s["max_tokens"])
    return {
        "version": loaded.version,
        "heldout_examples": len(held),
        "data_changed_since_training": data.fingerprint() != meta["training_data"]["sha256"],
        "intent": classification_metrics([e.intent for e in held], pred_i),
        "sentiment": classification_metrics([e.sentiment for e in held], pred_s),
    }
