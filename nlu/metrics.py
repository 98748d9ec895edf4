"""Classification metrics: what training stores in a model's metadata and evaluation reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Confusion:
    true: str
    predicted: str
    count: int


@dataclass(frozen=True)
class ClassificationReport:
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    confused: list[Confusion]  # the most frequent mistakes, most frequent first


def classification_metrics(y_true: list[str], y_pred: list[str], top_confused: int = 10) -> ClassificationReport:
    # imported here: `python -m nlu models` reads metadata and should not pay for scikit-learn
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    labels = sorted(set(y_true))
    p, r, f, n = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    mistakes = Counter((t, q) for t, q in zip(y_true, y_pred) if t != q)
    return ClassificationReport(
        accuracy=round(float(accuracy_score(y_true, y_pred)), 4),
        macro_f1=round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        per_class={label: ClassScores(round(float(p[i]), 4), round(float(r[i]), 4), round(float(f[i]), 4), int(n[i]))
                   for i, label in enumerate(labels)},
        confused=[Confusion(t, q, c) for (t, q), c in mistakes.most_common(top_confused)],
    )
