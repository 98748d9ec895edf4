"""BIO entity tags: from annotated spans to per-token training labels, and from the tagger's
per-token predictions back to spans."""

from __future__ import annotations

import torch

from nlu.entities import Found
from nlu.training_data import Example

OUTSIDE = "O"
EXTRACTOR = "TransformerEntityExtractor"


def tag_key(entity: str, role: str | None, group: str | None) -> str:
    """One label per (entity, role, group): the tagger learns roles and groups too."""
    return "\t".join((entity, role or "", group or ""))


def split_tag_key(key: str) -> tuple[str, str | None, str | None]:
    entity, role, group = key.split("\t")
    return entity, role or None, group or None


def tag_set(examples: list[Example]) -> list[str]:
    keys = sorted({tag_key(s.entity, s.role, s.group) for e in examples for s in e.entities})
    return [OUTSIDE] + [f"{p}-{k}" for k in keys for p in ("B", "I")]


def encode(tokenizer, examples: list[Example], tags: list[str], max_tokens: int) -> dict[str, torch.Tensor]:
    """The tokenised batch with `tag_labels`: each token's tag index, -100 (no loss) on special tokens."""
    enc = tokenizer(
        [e.text for e in examples],
        padding=True,
        truncation=True,
        max_length=max_tokens,
        return_offsets_mapping=True,
        return_tensors="pt",
    )
    tag_index = {t: i for i, t in enumerate(tags)}
    labels = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
    for row, ex in enumerate(examples):
        for col, (start, end) in enumerate(enc["offset_mapping"][row].tolist()):
            if end <= start:  # special or padding token: no loss
                continue
            labels[row, col] = tag_index[OUTSIDE]
            for span in ex.entities:
                if start >= span.start and end <= span.end:
                    prefix = "B" if start == span.start or _first_token(enc, row, col, span.start) else "I"
                    labels[row, col] = tag_index[f"{prefix}-{tag_key(span.entity, span.role, span.group)}"]
    enc.pop("offset_mapping")
    enc["tag_labels"] = labels
    return enc


def _first_token(enc, row: int, col: int, span_start: int) -> bool:
    """True when no earlier token of the row lies inside the span (word-piece starts)."""
    for prev in range(col - 1, -1, -1):
        s, e = enc["offset_mapping"][row][prev].tolist()
        if e <= s:
            continue
        return e <= span_start
    return True


def decode(text: str, offsets: list[list[int]], logits: torch.Tensor, tags: list[str]) -> list[Found]:
    """Spans of `text` from one row of tag logits; `offsets` are each token's characters in `text`.

    A word is not cut once it began an entity: its pieces join the span whatever the tagger
    said of them ("20001" tagged as "2000" order id and "1" phone number is one entity; "-10001"
    of "ORD-10001" joins "ORD"; a letter or digit tagged O joins, punctuation so tagged does
    not), and the span takes the entity its pieces were surest of. Confidence is the mean over
    the span's tokens."""
    conf, idx = logits.softmax(-1).max(-1)
    spans: list[Found] = []
    current: dict | None = None

    def close() -> None:
        if current is not None:
            key = max(current["keys"], key=current["keys"].get)
            entity, role, group = split_tag_key(key)
            start, end = current["start"], current["end"]
            spans.append(Found(start, end, text[start:end], entity, EXTRACTOR,
                               sum(current["conf"]) / len(current["conf"]), role, group))

    for (start, end), t, c in zip(offsets, idx.tolist(), conf.tolist()):
        if end <= start:
            continue
        tag = tags[t]
        touching = current is not None and start == current["end"]
        if tag == OUTSIDE and not (touching and text[start:end].isalnum()):
            close()
            current = None
            continue
        key = None if tag == OUTSIDE else tag.split("-", 1)[1]
        if touching or (current is not None and tag.startswith("I-") and key in current["keys"]):
            current["end"] = end
            current["conf"].append(c)
            if key is not None:
                current["keys"][key] = current["keys"].get(key, 0.0) + c
        else:
            close()
            current = {"keys": {key: c}, "start": start, "end": end, "conf": [c]}
    close()
    return spans
