"""Predictor logic on the bundled encoder with untrained heads: shapes, fallback, entity decoding."""

from dataclasses import replace

import pytest
import torch

from nlu import tags as bio_tags
from nlu.holdout import split_holdout
from nlu.predictor import FALLBACK_INTENT, Predictor
from nlu.tags import encode, tag_key, tag_set
from nlu.training_data import Example, EntitySpan

from .tiny import tiny_metadata, tiny_model

TAGS = ["O", f"B-{tag_key('city', 'to', None)}", f"I-{tag_key('city', 'to', None)}"]


@pytest.fixture(scope="module")
def loaded():
    return tiny_model(tiny_metadata(tags=TAGS, entity_types=["email"]))


def test_parse_shape_and_threshold(loaded):
    out = Predictor(loaded, fallback_threshold=0.0).parse("hello, my email is a@b.com")
    assert out["intent"]["name"] in {"a", "b", "c"}
    assert [r["name"] for r in out["intent_ranking"]] and len(out["intent_ranking"]) == 3
    assert out["sentiment"]["label"] in {"negative", "neutral", "positive"}
    assert out["model"] == "test-v"
    emails = [e for e in out["entities"] if e["entity"] == "email"]
    assert [(e["value"], e["extractor"]) for e in emails] == [("a@b.com", "PatternEntityExtractor")]
    # three untrained classes can never reach 0.99: everything falls back
    fb = Predictor(loaded, fallback_threshold=0.99).parse("hello")
    assert fb["intent"] == {"name": FALLBACK_INTENT, "confidence": 0.99}
    assert fb["intent_ranking"][0]["name"] == FALLBACK_INTENT


def test_tag_decoding_joins_word_pieces_with_roles(loaded):
    text = "to amsterdam now"
    enc = loaded.tokenizer(text, return_offsets_mapping=True)
    offsets = enc["offset_mapping"]
    logits = torch.full((len(offsets), 3), -5.0)
    for i, (s, e) in enumerate(offsets):
        if e > s:
            inside = s >= 3 and e <= 12
            logits[i, (1 if s == 3 else 2) if inside else 0] = 5.0
    spans = bio_tags.decode(text, offsets, logits, loaded.tags)
    assert [(f.entity, f.value, f.role) for f in spans] == [("city", "amsterdam", "to")]


def test_training_labels_follow_spans(loaded):
    ex = Example("to amsterdam now", "a", entities=(EntitySpan(3, 12, "amsterdam", "city", "to"),))
    tags = tag_set([ex])
    enc = encode(loaded.tokenizer, [ex], tags, 32)
    labels = [tags[i] for i in enc["tag_labels"][0].tolist() if i >= 0]
    assert labels[0] == "O" and labels[1].startswith("B-city") and labels[-1] == "O"
    assert all(l.startswith("I-") for l in labels[2:-1])


def test_holdout_is_stratified_and_deterministic():
    exs = [Example(f"text {i} {intent}", intent) for intent in "xyz" for i in range(10)]
    exs.append(Example("rare one", "rare"))
    train1, held1 = split_holdout(exs, 0.2, seed=1)
    train2, held2 = split_holdout(list(reversed(exs)), 0.2, seed=1)
    assert sorted(e.text for e in held1) == sorted(e.text for e in held2)
    assert {i: sum(e.intent == i for e in held1) for i in "xyz"} == {"x": 2, "y": 2, "z": 2}
    assert all(e.intent != "rare" for e in held1) and len(train1) == 25


def test_speech_like_keeps_entity_offsets():
    from nlu.augment import speech_like

    ex = Example("Where is ORD-12345?", "order_status", entities=(EntitySpan(9, 18, "ORD-12345", "order_id"),))
    out = speech_like(ex)
    assert out.text == "where is ord-12345"
    assert out.text[out.entities[0].start:out.entities[0].end] == "ord-12345"


def test_explanation_covers_the_words_ranked_by_weight(loaded):
    p = Predictor(loaded, 0.0)
    text = "please refund my broken kettle"
    tokens = p.explain(text, "a", top=3)
    assert len(tokens) == 3
    assert all(text[t["start"]:t["end"]] == t["token"] for t in tokens)
    assert [t["weight"] for t in tokens] == sorted((t["weight"] for t in tokens), reverse=True)


def test_threshold_comes_from_the_model_unless_overridden(loaded):
    fitted = replace(loaded, metadata=tiny_metadata(tags=TAGS, threshold=0.42))
    assert Predictor(fitted).threshold == 0.42
    assert Predictor(fitted, 0.7).threshold == 0.7


def test_int8_model_swaps_linear_layers_and_still_parses(loaded):
    from nlu.model import quantised

    q = quantised(loaded)
    assert type(q.net.intent_head) is not torch.nn.Linear and type(loaded.net.intent_head) is torch.nn.Linear
    out = Predictor(q, 0.0).parse("where is my parcel")
    assert out["intent"]["name"] in {"a", "b", "c"} and out["model"] == "test-v"
