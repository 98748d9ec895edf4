"""MODEL_CARD.md for a trained version, generated from its metadata.json."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from nlu.metadata import ModelMetadata
from nlu.metrics import ClassificationReport

CARD_FILE = "MODEL_CARD.md"

KNOWN_LIMITS = [
    "English only, unless the encoder named above was pre-trained on other languages "
    "(the bundled all-MiniLM-L6-v2 saw English web text).",
    "Messages longer than the token limit (`max_tokens` under training settings; `NLU_MAX_TOKENS` when "
    "serving) are read in windows of whole sentences: the intent and its ranking come from the window "
    "most confident of its intent, so a message with two requests gets the one stated most plainly; "
    "sentiment is negative when any window reads as negative, otherwise the windows' mean decides. "
    "No window sees another, so a request split across two is judged piecemeal.",
    "Trained on a few dozen written examples per intent: phrasings far from them, other domains "
    "and code-switching are judged less reliably. Out-of-scope messages are caught only when the "
    "model is unsure (see the fallback threshold) or by a trained out_of_scope intent.",
    "Sentiment labels come from the training data's annotators: sarcasm and mixed feelings are weak spots.",
    "Entity values from the tagger are the surface text; normalisation (dates, amounts) is left to the consumer.",
]


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _per_class(report: ClassificationReport) -> str:
    rows = [[label, m.precision, m.recall, m.f1, m.support] for label, m in sorted(report.per_class.items())]
    return _table(["label", "precision", "recall", "F1", "support"], rows)


def render(meta: ModelMetadata) -> str:
    data, settings, metrics, fallback = meta.training_data, meta.settings, meta.metrics, meta.fallback
    out = [
        f"# Model card: {meta.version}",
        "",
        f"Trained {meta.trained_at} in {meta.train_seconds} s. One {settings.encoder} encoder "
        "fine-tuned with three heads: intent, sentiment (negative / neutral / positive) and entity tags."
        + (f" Intent probabilities blend the encoder's ({1 - settings.char_weight:.0%}) with a character n-gram "
           f"model's ({settings.char_weight:.0%}), which is robust to typos." if settings.char_weight else ""),
        "",
        "## Intended use",
        "",
        "Understanding customer messages in a customer-service chat or voice assistant, served to Rasa "
        "through `POST /model/parse`. Not for decisions about a person without a human in the loop.",
        "",
        "## Training data",
        "",
        f"Rasa project: `{data.bot_dir}`; data sha256 `{data.sha256}`.",
        f"{data.examples} examples: {data.train_examples} trained on, "
        f"{data.examples - data.train_examples} held out for evaluation (stratified by intent).",
        "",
    ]
    if data.files:
        out += [_table(["file", "sha256"], [[f"`{n}`", f"`{h}`"] for n, h in data.files.items()]), ""]
    if data.intent_counts:
        out += ["### Label distribution", "",
                _table(["intent", "examples"], [[k, v] for k, v in data.intent_counts.items()]), "",
                _table(["sentiment", "examples"], [[k, v] for k, v in data.sentiment_counts.items()]), ""]
    out += ["## Evaluation (held-out examples, never trained on)", ""]
    if metrics:
        i, s = metrics.intent, metrics.sentiment
        out += [
            _table(["task", "accuracy", "macro-F1", "examples"], [
                ["intent", i.accuracy, i.macro_f1, metrics.heldout_examples],
                ["sentiment", s.accuracy, s.macro_f1, metrics.heldout_examples]]),
            "", "### Intent, per class", "", _per_class(i), "",
            "### Most confused intent pairs", "",
            _table(["true", "predicted", "count"], [[c.true, c.predicted, c.count] for c in i.confused])
            if i.confused else "No confusions on the held-out examples.",
            "", "### Sentiment, per class", "", _per_class(s), "",
        ]
    else:
        out += ["No held-out examples (holdout fraction 0): no metrics.", ""]
    out += [
        "## Out-of-scope handling", "",
        f"Below an intent confidence of **{fallback.threshold}** the service answers "
        f"`nlu_fallback` ({fallback.method}). `NLU_FALLBACK_THRESHOLD` overrides it.", "",
        *(["Intents of one family (the dialogue handles them alike) count together against the "
           "threshold; the intent served is still the most probable one:", "",
           _table(["family", "intents"], [[f, ", ".join(sorted(i for i, g in meta.labels.families.items() if g == f))]
                                          for f in sorted(set(meta.labels.families.values()))]), ""]
          if meta.labels.families else []),
        *([f"{settings.nonsense_examples} generated nonsense messages (keyboard mash, made-up words, word "
           "salads; `nlu/nonsense.py`) were trained as the out-of-scope intent, besides the written examples.", ""]
          if settings.nonsense_examples else []),
        *(["## Several requests in one message", "",
           "A message whose clauses ask for different requests lists them in `requests`, the highest "
           "priority first (it is also the `intent`):", "",
           _table(["intent", "priority"], sorted(([k, v] for k, v in meta.labels.priorities.items()),
                                                 key=lambda kv: -kv[1])), ""]
          if meta.labels.priorities else []),
        "## Training settings", "",
        _table(["setting", "value"], [[k, v] for k, v in sorted(asdict(settings).items())]), "",
        "## Library versions", "",
        _table(["library", "version"], [[k, v] for k, v in sorted(asdict(meta.versions).items())]), "",
        "## Known limits", "",
        *[f"- {line}" for line in KNOWN_LIMITS], "",
    ]
    return "\n".join(out)
