"""Intents a message cannot mean without a word for them.

The model learnt "twice" as the mark of a double charge, so "I've only used it twice" and
"I've called twice" read as billing complaints, quoting payments the customer never mentioned.
A double charge is about money: a text with no word of money in it is not one. Each reading
(the whole message, a window, a clause) has such an intent's probability taken out and the rest
renormalised, so the model's next guess stands.
"""

from __future__ import annotations

import re

import torch

CUES: dict[str, re.Pattern[str]] = {
    "billing_charged_twice": re.compile(
        r"\bcharg(?:e|ed|es|ing)\b|\bover-?charg|\bpa(?:y|id|ying|yment)|\bbill|debit|money|\bcards?\b|\bbank\b"
        r"|transaction|statement"
        r"|account|came out|gone out|went out|£|\$|€|\bprice|\bcost|\bfee|\bquid\b|\bpounds?\b|\bdollars?\b|\beuros?\b|\bcash\b|\bcredit",
        re.IGNORECASE),
}


def without_unsaid(prob: torch.Tensor, texts: list[str], intents: list[str]) -> torch.Tensor:
    """`prob` (one row per text) with the intents each text gives no word for taken out."""
    needing = [(intents.index(name), cue) for name, cue in CUES.items() if name in intents]
    if not needing:
        return prob
    keep = torch.ones_like(prob)
    for row, text in enumerate(texts):
        for column, cue in needing:
            if cue.search(text) is None:
                keep[row, column] = 0.0
    kept = prob * keep
    return kept / kept.sum(-1, keepdim=True).clamp_min(1e-12)
