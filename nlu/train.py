"""Fine-tune the encoder and heads on a Rasa project's NLU data."""

from __future__ import annotations

import platform
import random
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import torch
import transformers
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from torch.nn import functional as F
from transformers import get_linear_schedule_with_warmup

from nlu import model as nlu_model
from nlu import char_ngrams, model_card, registry, spelling
from nlu.char_ngrams import CharNgrams
from nlu.augment import augmented, speech_like, typo_like
from nlu.nonsense import distinctive_words, generate, salad_words
from nlu.batch_prediction import predict_batch
from nlu.calibration import keep_fraction_threshold
from nlu.holdout import split_holdout, text_digest
from nlu.metadata import (
    EntityRules, Fallback, HeldoutMetrics, Labels, LibraryVersions, ModelMetadata, TrainingDataInfo,
    TrainingSettings,
)
from nlu.metrics import classification_metrics
from nlu.model import NluNet
from nlu.settings import NluSettings
from nlu.tags import encode, tag_set
from nlu.training_data import SENTIMENTS, Example, TrainingData, load_project

# The intent is what the dialogue acts on; sentiment and tags are helpers on the same encoder.
SENTIMENT_LOSS_WEIGHT = 0.5
TAG_LOSS_WEIGHT = 0.5
# label smoothing keeps confidences honest enough for the fallback threshold to mean something
LABEL_SMOOTHING = 0.1


def train(
    settings: NluSettings,
    data: TrainingData | None = None,
    show_progress: bool = True,
    log: Callable[[str], None] = print,
) -> str:
    """Train, evaluate on the held-out split, save a new version and mark it current."""
    data = data or load_project(settings.bot_dir)
    torch.manual_seed(settings.seed)  # before build(): the fresh heads' weights come from it
    train_ex, held_ex = split_holdout(data.examples, settings.holdout_fraction, settings.seed)
    labels = label_set(data)
    log(f"training on {len(train_ex)} examples ({len(held_ex)} held out), {len(labels.intents)} intents, "
        f"{len(labels.tags) // 2} entity labels, encoder {settings.encoder}")
    net, tokenizer = nlu_model.build(settings.encoder, labels)
    nonsense = nonsense_examples(settings, data, labels, tokenizer)
    if nonsense:
        log(f"plus {len(nonsense)} generated nonsense messages as {settings.nonsense_intent}")
    train_seconds = fit(net, tokenizer, train_ex + nonsense, labels, settings, show_progress)
    char = fit_char_ngrams(train_ex + nonsense, labels, settings, log)
    metrics, fallback = score_heldout(net, tokenizer, held_ex, labels, settings, char)
    meta = describe(settings, data, train_ex, held_ex, labels, metrics, fallback, train_seconds)
    path = save_version(net, tokenizer, meta, settings.models_dir, char,
                        spelling.training_words(e.text for e in train_ex))
    if metrics:
        log(f"held-out intent accuracy {metrics.intent.accuracy:.3f}, macro-F1 {metrics.intent.macro_f1:.3f}; "
            f"sentiment macro-F1 {metrics.sentiment.macro_f1:.3f}")
    log(f"saved {path} ({train_seconds:.0f} s) and marked it current")
    return meta.version


def label_set(data: TrainingData) -> Labels:
    return Labels(intents=data.intents, sentiments=list(SENTIMENTS), tags=tag_set(data.examples),
                  priorities={i: p for i, p in data.priorities.items() if i in data.intents},
                  families={i: f for i, f in data.families.items() if i in data.intents})


def nonsense_examples(settings: NluSettings, data: TrainingData, labels: Labels, tokenizer) -> list[Example]:
    """Generated nonsense for the out-of-scope intent, when the project has one (nlu.nonsense)."""
    if settings.nonsense_examples == 0 or settings.nonsense_intent not in labels.intents:
        return []
    words = salad_words(tokenizer.get_vocab(), (e.text for e in data.examples))
    own = distinctive_words((e.text, e.intent) for e in data.examples if e.intent != settings.nonsense_intent)
    texts = generate(settings.nonsense_examples, random.Random(settings.seed), words, own)
    return [Example(t, settings.nonsense_intent, source="generated nonsense") for t in texts]


def fit(net: NluNet, tokenizer, examples: list[Example], labels: Labels, settings: NluSettings,
        show_progress: bool) -> float:
    """Fine-tune the net in place for `settings.epochs`; returns the seconds it took."""
    steps_per_epoch = (len(examples) + settings.batch_size - 1) // settings.batch_size
    optimiser, schedule = optimiser_and_schedule(net, settings, steps_per_epoch * settings.epochs)
    started = time.perf_counter()
    rng = random.Random(settings.seed)  # one stream for shuffling and augmentation: reproducible runs
    requests = frozenset(labels.priorities)  # the intents a customer asks with, angry or not
    with _progress(show_progress) as progress:
        task = progress.add_task("train", total=steps_per_epoch * settings.epochs, epoch=1, loss=0.0)
        net.train()
        for epoch in range(settings.epochs):
            order = examples[:]
            rng.shuffle(order)
            for b in range(0, len(order), settings.batch_size):
                batch = [augmented(e, rng, settings.augment_prob, settings.typo_prob, settings.vent_prob, requests)
                         for e in order[b : b + settings.batch_size]]
                loss = batch_loss(net, tokenizer, batch, labels, settings.max_tokens)
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
    return time.perf_counter() - started


def optimiser_and_schedule(net: NluNet, settings: NluSettings, total_steps: int):
    # fresh heads learn faster than the pre-trained encoder should move
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": settings.learning_rate},
         {"params": head_params, "lr": settings.learning_rate * 10}],
        weight_decay=0.01,
    )
    return optimiser, get_linear_schedule_with_warmup(optimiser, int(0.1 * total_steps), total_steps)


def batch_loss(net: NluNet, tokenizer, batch: list[Example], labels: Labels, max_tokens: int) -> torch.Tensor:
    enc = encode(tokenizer, batch, labels.tags, max_tokens)
    i_logits, s_logits, t_logits = net(enc["input_ids"], enc["attention_mask"])
    intent_of = {n: i for i, n in enumerate(labels.intents)}
    sentiment_of = {n: i for i, n in enumerate(labels.sentiments)}
    return (
        F.cross_entropy(i_logits, torch.tensor([intent_of[e.intent] for e in batch]),
                        label_smoothing=LABEL_SMOOTHING)
        + SENTIMENT_LOSS_WEIGHT * F.cross_entropy(s_logits, torch.tensor([sentiment_of[e.sentiment] for e in batch]),
                                                  label_smoothing=LABEL_SMOOTHING)
        + TAG_LOSS_WEIGHT * F.cross_entropy(t_logits.reshape(-1, len(labels.tags)), enc["tag_labels"].reshape(-1),
                                            ignore_index=-100)
    )


def _progress(show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]nlu train[/] epoch {task.fields[epoch]}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} steps  loss {task.fields[loss]:.3f}"),
        TimeRemainingColumn(),
        disable=not show,
    )


def fit_char_ngrams(examples: list[Example], labels: Labels, settings: NluSettings,
                    log: Callable[[str], None]) -> CharNgrams | None:
    """The character n-gram model served beside the encoder (nlu.char_ngrams); None at weight 0."""
    if settings.char_weight == 0:
        return None
    started = time.perf_counter()
    char = char_ngrams.fit([e.text for e in examples], [e.intent for e in examples], labels.intents,
                           settings.char_weight)
    log(f"character n-gram model: {char.coef.shape[1]} n-grams, {time.perf_counter() - started:.0f} s, "
        f"weight {settings.char_weight}")
    return char


def score_heldout(net: NluNet, tokenizer, held: list[Example], labels: Labels, settings: NluSettings,
                  char: CharNgrams | None = None) -> tuple[HeldoutMetrics | None, Fallback]:
    """Metrics on the held-out examples, and the fallback threshold fitted on them."""
    if not held:
        return None, Fallback()
    pred_i, pred_s, _ = predict_batch(net, tokenizer, [e.text for e in held], labels.intents,
                                      labels.sentiments, settings.max_tokens, char=char)
    # Customers do not type like the written examples: the threshold is fitted on the held-out
    # examples as a hurried customer sends them, or it would turn their messages away.
    rng = random.Random(settings.seed)
    hurried = [typo_like(speech_like(e), rng) for e in held]
    noisy_i, _, noisy_conf = predict_batch(net, tokenizer, [e.text for e in hurried], labels.intents,
                                           labels.sentiments, settings.max_tokens, char=char)
    fallback = Fallback(
        threshold=keep_fraction_threshold(noisy_conf, [p == e.intent for p, e in zip(noisy_i, hurried)],
                                          settings.fallback_keep_fraction),
        method=f"accepts {settings.fallback_keep_fraction:.0%} of the correctly classified held-out examples "
               "typed as a hurried customer would (lower case, no end punctuation, 1-2 typos)",
    )
    metrics = HeldoutMetrics(
        heldout_examples=len(held),
        intent=classification_metrics([e.intent for e in held], pred_i),
        sentiment=classification_metrics([e.sentiment for e in held], pred_s),
    )
    return metrics, fallback


def describe(settings: NluSettings, data: TrainingData, train_ex: list[Example], held_ex: list[Example],
             labels: Labels, metrics: HeldoutMetrics | None, fallback: Fallback,
             train_seconds: float) -> ModelMetadata:
    """Everything a later reader needs: what was trained on, how, how well, with which libraries."""
    data_hash = data.fingerprint()
    stamp = datetime.now(timezone.utc)
    return ModelMetadata(
        version=new_version_name(settings.models_dir, data_hash, stamp),
        trained_at=stamp.isoformat(),
        train_seconds=round(train_seconds, 1),
        training_data=TrainingDataInfo(
            sha256=data_hash,
            bot_dir=str(settings.bot_dir),
            files=data.file_hashes(),
            intent_counts=dict(Counter(e.intent for e in data.examples).most_common()),
            sentiment_counts=dict(Counter(e.sentiment for e in data.examples).most_common()),
            examples=len(data.examples),
            train_examples=len(train_ex),
            heldout_texts_sha256=sorted(text_digest(e.text) for e in held_ex),
        ),
        labels=labels,
        entities=EntityRules(types=data.entity_types, regexes=data.regexes, lookups=data.lookups,
                             synonyms=data.synonyms),
        settings=TrainingSettings(
            encoder=Path(settings.encoder).name if Path(settings.encoder).exists() else settings.encoder,
            encoder_path=settings.encoder,
            epochs=settings.epochs,
            batch_size=settings.batch_size,
            learning_rate=settings.learning_rate,
            holdout_fraction=settings.holdout_fraction,
            seed=settings.seed,
            augment_prob=settings.augment_prob,
            typo_prob=settings.typo_prob,
            nonsense_examples=settings.nonsense_examples if settings.nonsense_intent in labels.intents else 0,
            char_weight=settings.char_weight,
            vent_prob=settings.vent_prob,
            max_tokens=settings.max_tokens,
        ),
        versions=LibraryVersions(python=platform.python_version(), torch=torch.__version__,
                                 transformers=transformers.__version__),
        metrics=metrics,
        fallback=fallback,
    )


def new_version_name(models_dir: Path, data_hash: str, stamp: datetime) -> str:
    """When it was trained and on what; a suffix when two trainings share a second."""
    version = f"nlu-{stamp:%Y%m%d-%H%M%S}-{data_hash[:8]}"
    n = 1
    while (models_dir / version).exists():
        n += 1
        version = f"nlu-{stamp:%Y%m%d-%H%M%S}-{data_hash[:8]}-{n}"
    return version


def save_version(net: NluNet, tokenizer, meta: ModelMetadata, models_dir: Path,
                 char: CharNgrams | None = None, words: dict[str, int] | None = None) -> Path:
    """Weights, metadata and model card in the version's folder; then mark it current."""
    path = models_dir / meta.version
    nlu_model.save(net, tokenizer, meta, path)
    if char is not None:
        char.save(path)
    if words is not None:  # the speller's project vocabulary (nlu.spelling)
        spelling.save_words(path, words)
    (path / model_card.CARD_FILE).write_text(model_card.render(meta))
    registry.set_current(models_dir, meta.version)
    return path
