"""Turn one message into Rasa parse data: intent, ranking, entities, sentiment."""

from __future__ import annotations

import re
from typing import Any

import torch

from nlu.calibration import DEFAULT_THRESHOLD
from nlu.entities import Found, RuleExtractor, apply_synonyms, merge
from nlu.model import OUTSIDE, LoadedModel, split_tag_key

FALLBACK_INTENT = "nlu_fallback"
MAX_EXPLAINED_WORDS = 48
RANKING_LENGTH = 10


class Predictor:
    def __init__(self, loaded: LoadedModel, fallback_threshold: float | None = None, max_tokens: int = 64) -> None:
        self.loaded = loaded
        if fallback_threshold is None:  # the one fitted at training time on held-out data
            fallback_threshold = loaded.metadata.get("fallback", {}).get("threshold", DEFAULT_THRESHOLD)
        self.threshold = fallback_threshold
        self.max_tokens = max_tokens
        ent = loaded.metadata["entities"]
        self.rules = RuleExtractor(ent["types"], ent["regexes"], ent["lookups"])
        self.synonyms: dict[str, str] = ent["synonyms"]

    @property
    def version(self) -> str:
        return self.loaded.version

    @torch.inference_mode()
    def parse(self, text: str) -> dict[str, Any]:
        tok = self.loaded.tokenizer
        enc = tok(text, truncation=True, max_length=self.max_tokens,
                  return_offsets_mapping=True, return_tensors="pt")
        i_logits, s_logits, t_logits = self.loaded.net(enc["input_ids"], enc["attention_mask"])
        i_prob = i_logits[0].softmax(-1)
        s_prob = s_logits[0].softmax(-1)
        ranking = [
            {"name": self.loaded.intents[i], "confidence": round(float(p), 4)}
            for p, i in zip(*i_prob.topk(min(RANKING_LENGTH, len(i_prob))))
        ]
        intent = dict(ranking[0])
        if intent["confidence"] < self.threshold:
            # Same shape as Rasa's FallbackClassifier, so stock fallback rules apply.
            intent = {"name": FALLBACK_INTENT, "confidence": self.threshold}
            ranking = [intent, *ranking]
        model_spans = self._decode_tags(text, enc["offset_mapping"][0].tolist(), t_logits[0])
        entities = apply_synonyms(merge(self.rules.extract(text), model_spans), self.synonyms)
        s_best = int(s_prob.argmax())
        return {
            "text": text,
            "intent": intent,
            "intent_ranking": ranking,
            "entities": entities,
            "sentiment": {"label": self.loaded.sentiments[s_best], "score": round(float(s_prob[s_best]), 4)},
            "model": self.version,
        }

    def explanation(self, parsed: dict[str, Any]) -> dict[str, Any]:
        """Explain a parse result: the model's own top intent, also when it fell back."""
        intent = next(r["name"] for r in parsed["intent_ranking"] if r["name"] != FALLBACK_INTENT)
        return {"intent": intent, "method": "occlusion", "tokens": self.explain(parsed["text"], intent)}

    @torch.inference_mode()
    def explain(self, text: str, intent: str, top: int = 5) -> list[dict[str, Any]]:
        """Occlusion: how much the intent's probability drops when each word is left out.

        One batched forward pass over the message and its leave-one-word-out variants."""
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)][:MAX_EXPLAINED_WORDS]
        if len(words) < 2 or intent not in self.loaded.intents:
            return [{"token": text[s:e], "start": s, "end": e, "weight": 1.0} for s, e in words][:top]
        variants = [text] + [(text[:s] + text[e:]).strip() for s, e in words]
        enc = self.loaded.tokenizer(variants, padding=True, truncation=True,
                                    max_length=self.max_tokens, return_tensors="pt")
        i_logits, _, _ = self.loaded.net(enc["input_ids"], enc["attention_mask"])
        probs = i_logits.softmax(-1)[:, self.loaded.intents.index(intent)]
        drops = (probs[0] - probs[1:]).tolist()
        ranked = sorted(zip(words, drops), key=lambda wd: -wd[1])[:top]
        return [{"token": text[s:e], "start": s, "end": e, "weight": round(d, 4)} for (s, e), d in ranked]

    def _decode_tags(self, text: str, offsets: list[list[int]], logits: torch.Tensor) -> list[Found]:
        probs = logits.softmax(-1)
        conf, idx = probs.max(-1)
        tags = self.loaded.tags
        spans: list[Found] = []
        current: dict[str, Any] | None = None

        def close() -> None:
            if current is not None:
                entity, role, group = split_tag_key(current["key"])
                start, end = current["start"], current["end"]
                spans.append(Found(start, end, text[start:end], entity, "TransformerEntityExtractor",
                                   sum(current["conf"]) / len(current["conf"]), role, group))

        for (start, end), t, c in zip(offsets, idx.tolist(), conf.tolist()):
            if end <= start:
                continue
            tag = tags[t]
            if tag == OUTSIDE:
                close()
                current = None
                continue
            prefix, key = tag.split("-", 1)
            if current is not None and key == current["key"] and (prefix == "I" or start == current["end"]):
                current["end"] = end
                current["conf"].append(c)
            else:
                close()
                current = {"key": key, "start": start, "end": end, "conf": [c]}
        close()
        return spans
