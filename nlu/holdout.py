"""The held-out split: which examples a model is evaluated on and never trained on."""

from __future__ import annotations

import hashlib

from nlu.training_data import Example


def split_holdout(examples: list[Example], fraction: float, seed: int) -> tuple[list[Example], list[Example]]:
    """Stratified, deterministic split: the same data and seed always hold out the same examples.

    Intents with fewer than 5 examples stay whole in training.
    """
    by_intent: dict[str, list[Example]] = {}
    for ex in examples:
        by_intent.setdefault(ex.intent, []).append(ex)
    train, held = [], []
    for intent in sorted(by_intent):
        group = sorted(
            by_intent[intent],
            key=lambda e: hashlib.sha256(f"{seed}:{e.text}".encode()).hexdigest(),
        )
        n_held = round(len(group) * fraction) if len(group) >= 5 else 0
        held.extend(group[:n_held])
        train.extend(group[n_held:])
    return train, held


def text_digest(text: str) -> str:
    """How metadata names a held-out example: by hash, so the texts stay in the project's data only."""
    return hashlib.sha256(text.encode()).hexdigest()
