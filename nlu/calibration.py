"""Fit the confidence below which the NLU answers `nlu_fallback`, on data it did not train on."""

from __future__ import annotations

import numpy as np

DEFAULT_THRESHOLD = 0.5


def keep_fraction_threshold(confidences: list[float], correct: list[bool], keep: float = 0.95) -> float:
    """The highest threshold that still accepts `keep` of the correctly classified validation
    messages. Without out-of-scope examples this is the honest choice: what it costs in-scope
    is fixed, and everything less certain than most right answers goes to fallback."""
    right = np.asarray(confidences)[np.asarray(correct, dtype=bool)]
    if right.size == 0:
        return DEFAULT_THRESHOLD
    return round(float(np.quantile(right, 1.0 - keep)), 4)


def oos_threshold(in_conf: list[float], in_correct: list[bool], oos_conf: list[float]) -> float:
    """With out-of-scope validation examples: the threshold maximising the mean of in-scope
    accuracy (a rejected in-scope message counts as wrong) and out-of-scope recall."""
    in_conf_a, in_ok, oos_a = np.asarray(in_conf), np.asarray(in_correct, dtype=bool), np.asarray(oos_conf)
    best, best_score = DEFAULT_THRESHOLD, -1.0
    for t in np.unique(np.concatenate([in_conf_a, oos_a, [0.0]])):
        score = ((in_ok & (in_conf_a >= t)).mean() + (oos_a < t).mean()) / 2
        if score > best_score:
            best, best_score = float(t), score
    return round(best, 4)
