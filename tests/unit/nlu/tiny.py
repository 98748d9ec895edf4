"""Small models for tests: the bundled encoder with untrained heads, and the metadata training would write."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import torch

from nlu.metadata import (
    EntityRules, Fallback, Labels, LibraryVersions, ModelMetadata, TrainingDataInfo, TrainingSettings,
)
from nlu.model import LoadedModel, build
from nlu.predictor import Predictor
from nlu.settings import bundled_encoder

SENTIMENTS = ["negative", "neutral", "positive"]


def tiny_metadata(version: str = "test-v", intents: Sequence[str] = ("a", "b", "c"), tags: Sequence[str] = ("O",),
                  entity_types: Sequence[str] = (), regexes: dict | None = None, threshold: float = 0.5,
                  data_hash: str = "data-hash", trained_at: str = "2026-01-01T00:00:00+00:00",
                  encoder: str = "enc") -> ModelMetadata:
    return ModelMetadata(
        version=version, trained_at=trained_at, train_seconds=1.0,
        training_data=TrainingDataInfo(sha256=data_hash, bot_dir="bot", files={"nlu.yml": "f00d"},
                                       intent_counts={i: 5 for i in intents}, sentiment_counts={"neutral": 5},
                                       examples=5 * len(intents), train_examples=5 * len(intents),
                                       heldout_texts_sha256=[]),
        labels=Labels(list(intents), SENTIMENTS, list(tags)),
        entities=EntityRules(types=list(entity_types), regexes=regexes or {}, lookups={}, synonyms={}),
        settings=TrainingSettings(encoder="enc", encoder_path=encoder, epochs=1, batch_size=16, learning_rate=1e-4,
                                  holdout_fraction=0.0, seed=13, augment_prob=0.3, max_tokens=64),
        versions=LibraryVersions(python="3.11", torch="2", transformers="5"),
        fallback=Fallback(threshold, "test"),
    )


def tiny_model(meta: ModelMetadata, path=None) -> LoadedModel:
    net, tokenizer = build(bundled_encoder(), meta.labels)
    net.eval()
    return LoadedModel(net, tokenizer, meta, path)


class DecodingNet:
    """Stands in for the network: reads each row's text back and scores it with `scores(text)`,
    which returns (intent logits, sentiment logits); no entity tags."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def scores(self, text: str) -> tuple[list[float], list[float]]:
        raise NotImplementedError

    def __call__(self, input_ids, attention_mask):
        rows = [self.scores(self.tokenizer.decode(ids, skip_special_tokens=True)) for ids in input_ids]
        return (torch.tensor([r[0] for r in rows]), torch.tensor([r[1] for r in rows]),
                torch.zeros(*input_ids.shape, 1))


def rule_predictor(net_class, priorities, families=None, max_tokens: int = 64):
    """A predictor over `net_class` (a DecodingNet with its INTENTS) with these priorities and
    families, no speller: for the rules that decide whatever the model read."""
    meta = tiny_metadata(intents=net_class.INTENTS)
    meta = replace(meta, labels=Labels(list(net_class.INTENTS), meta.labels.sentiments, ["O"],
                                       priorities=priorities, families=families or {}))
    loaded = tiny_model(meta)
    return Predictor(replace(loaded, net=net_class(loaded.tokenizer)), fallback_threshold=0.3,
                     max_tokens=max_tokens, spelling=False)
