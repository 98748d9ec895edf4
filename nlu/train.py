"""Fine-tune the encoder and heads on a Rasa project's NLU data."""

from __future__ import annotations

import hashlib
import platform
import random
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import torch
import transformers
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from torch import nn
from transformers import get_linear_schedule_with_warmup

from nlu import calibration, model_card, registry
from nlu import model as nlu_model
from nlu.evaluate import classification_metrics, predict_batch
from nlu.model import OUTSIDE, tag_key
from nlu.settings import NluSettings
from nlu.training_data import SENTIMENTS, Example, TrainingData, load_project


# Bump when training writes something new (metadata, files), so `train --if-missing` retrains.
TRAINING_FORMAT = 3


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


def speech_like(ex: Example) -> Example:
    """The example as a speech recogniser or a hurried typist might produce it:
    lower case, no closing punctuation. Entity offsets stay valid."""
    text = ex.text.lower()
    if len(text) != len(ex.text):  # a few Unicode letters change length when lowered
        return ex
    end = len(text.rstrip(" ?!.,"))
    if end == 0 or any(span.end > end for span in ex.entities):
        end = len(text)
    return Example(text[:end], ex.intent, ex.sentiment, ex.entities, ex.source)


def tag_set(examples: list[Example]) -> list[str]:
    keys = sorted({tag_key(s.entity, s.role, s.group) for e in examples for s in e.entities})
    return [OUTSIDE] + [f"{p}-{k}" for k in keys for p in ("B", "I")]


def encode(tokenizer, examples: list[Example], tags: list[str], max_tokens: int) -> dict[str, torch.Tensor]:
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


def train(
    settings: NluSettings,
    data: TrainingData | None = None,
    show_progress: bool = True,
    log: Callable[[str], None] = print,
) -> str:
    """Train, evaluate on the held-out split, save a new version and mark it current."""
    data = data or load_project(settings.bot_dir)
    torch.manual_seed(settings.seed)

    train_ex, held_ex = split_holdout(data.examples, settings.holdout_fraction, settings.seed)
    intents = data.intents
    sentiments = list(SENTIMENTS)
    tags = tag_set(data.examples)
    log(
        f"training on {len(train_ex)} examples ({len(held_ex)} held out), "
        f"{len(intents)} intents, {len(tags) // 2} entity labels, encoder {settings.encoder}"
    )

    net, tokenizer = nlu_model.build(settings.encoder, intents, sentiments, tags)
    intent_idx = {n: i for i, n in enumerate(intents)}
    sent_idx = {n: i for i, n in enumerate(sentiments)}
    # fresh heads learn faster than the pre-trained encoder should move
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": settings.learning_rate},
         {"params": head_params, "lr": settings.learning_rate * 10}],
        weight_decay=0.01,
    )
    steps_per_epoch = (len(train_ex) + settings.batch_size - 1) // settings.batch_size
    total = steps_per_epoch * settings.epochs
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.1 * total), total)
    # label smoothing keeps confidences honest enough for the fallback threshold to mean something
    intent_loss = nn.CrossEntropyLoss(label_smoothing=0.1)
    sentiment_loss = nn.CrossEntropyLoss(label_smoothing=0.1)
    tag_loss = nn.CrossEntropyLoss(ignore_index=-100)

    started = time.perf_counter()
    rng = random.Random(settings.seed)
    with Progress(
        TextColumn("[bold]nlu train[/] epoch {task.fields[epoch]}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} steps  loss {task.fields[loss]:.3f}"),
        TimeRemainingColumn(),
        disable=not show_progress,
    ) as progress:
        task = progress.add_task("train", total=total, epoch=1, loss=0.0)
        net.train()
        for epoch in range(settings.epochs):
            order = train_ex[:]
            rng.shuffle(order)
            for b in range(0, len(order), settings.batch_size):
                batch = [speech_like(e) if rng.random() < settings.augment_prob else e
                         for e in order[b : b + settings.batch_size]]
                enc = encode(tokenizer, batch, tags, settings.max_tokens)
                i_logits, s_logits, t_logits = net(enc["input_ids"], enc["attention_mask"])
                loss = (
                    intent_loss(i_logits, torch.tensor([intent_idx[e.intent] for e in batch]))
                    + 0.5 * sentiment_loss(s_logits, torch.tensor([sent_idx[e.sentiment] for e in batch]))
                    + 0.5 * tag_loss(t_logits.reshape(-1, len(tags)), enc["tag_labels"].reshape(-1))
                )
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                progress.update(task, advance=1, epoch=epoch + 1, loss=loss.item())
            # a line per epoch also reaches logs and CI, where no progress bar is drawn
            progress.console.print(f"epoch {epoch + 1}/{settings.epochs} done, "
                                   f"{time.perf_counter() - started:.0f} s, last loss {loss.item():.3f}")
    net.eval()
    train_seconds = time.perf_counter() - started

    metrics: dict[str, Any] = {}
    fallback = {"threshold": calibration.DEFAULT_THRESHOLD, "method": "default (no held-out examples)"}
    if held_ex:
        pred_i, pred_s, conf_i = predict_batch(net, tokenizer, [e.text for e in held_ex], intents, sentiments, settings.max_tokens)
        fallback = {
            "threshold": calibration.keep_fraction_threshold(
                conf_i, [p == e.intent for p, e in zip(pred_i, held_ex)], settings.fallback_keep_fraction),
            "method": f"accepts {settings.fallback_keep_fraction:.0%} of the correctly classified held-out examples",
        }
        metrics = {
            "heldout_examples": len(held_ex),
            "intent": classification_metrics([e.intent for e in held_ex], pred_i),
            "sentiment": classification_metrics([e.sentiment for e in held_ex], pred_s),
        }

    data_hash = data.fingerprint()
    stamp = datetime.now(timezone.utc)
    version = f"nlu-{stamp:%Y%m%d-%H%M%S}-{data_hash[:8]}"
    n = 1
    while (settings.models_dir / version).exists():  # two trainings within one second
        n += 1
        version = f"nlu-{stamp:%Y%m%d-%H%M%S}-{data_hash[:8]}-{n}"
    metadata = {
        "format": TRAINING_FORMAT,
        "version": version,
        "trained_at": stamp.isoformat(),
        "train_seconds": round(train_seconds, 1),
        "training_data": {
            "sha256": data_hash,
            "bot_dir": str(settings.bot_dir),
            "files": data.file_hashes(),
            "intent_counts": dict(Counter(e.intent for e in data.examples).most_common()),
            "sentiment_counts": dict(Counter(e.sentiment for e in data.examples).most_common()),
            "examples": len(data.examples),
            "train_examples": len(train_ex),
            "heldout_texts_sha256": sorted(hashlib.sha256(e.text.encode()).hexdigest() for e in held_ex),
        },
        "labels": {"intents": intents, "sentiments": sentiments, "tags": tags},
        "entities": {
            "types": data.entity_types,
            "regexes": data.regexes,
            "lookups": data.lookups,
            "synonyms": data.synonyms,
        },
        "settings": {
            "encoder": Path(settings.encoder).name if Path(settings.encoder).exists() else settings.encoder,
            "encoder_path": settings.encoder,
            "epochs": settings.epochs,
            "batch_size": settings.batch_size,
            "learning_rate": settings.learning_rate,
            "holdout_fraction": settings.holdout_fraction,
            "seed": settings.seed,
            "augment_prob": settings.augment_prob,
            "max_tokens": settings.max_tokens,
        },
        "versions": {
            "python": platform.python_version(),
            "torch": torch.__version__,
            "transformers": transformers.__version__,
        },
        "metrics": metrics,
        "fallback": fallback,
    }
    path = settings.models_dir / version
    nlu_model.save(net, tokenizer, metadata, path)
    (path / "MODEL_CARD.md").write_text(model_card.render(metadata))
    registry.set_current(settings.models_dir, version)
    if metrics:
        log(
            f"held-out intent accuracy {metrics['intent']['accuracy']:.3f}, "
            f"macro-F1 {metrics['intent']['macro_f1']:.3f}; "
            f"sentiment macro-F1 {metrics['sentiment']['macro_f1']:.3f}"
        )
    log(f"saved {path} ({train_seconds:.0f} s) and marked it current")
    return version
