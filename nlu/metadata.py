"""A trained model's metadata: what it was trained on, how, and how well it did.

Stored as `metadata.json` beside the weights; this module is the only one that reads or
writes that file. Everything else gets a `ModelMetadata`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Optional

from pydantic import BeforeValidator, TypeAdapter, ValidationError

from nlu.calibration import DEFAULT_THRESHOLD
from nlu.metrics import ClassificationReport

METADATA_FILE = "metadata.json"

# Bump when training writes something new (metadata layout, files), so `train --if-missing`
# retrains. 4: metadata read and written as ModelMetadata (`metrics` null when nothing was held out).
# 5: typo augmentation, generated gibberish, request priorities.
TRAINING_FORMAT = 5


class MetadataError(ValueError):
    """A metadata.json this code cannot read; the message names the file."""


@dataclass(frozen=True)
class TrainingDataInfo:
    sha256: str  # TrainingData.fingerprint(): what `train --if-missing` compares
    bot_dir: str
    files: dict[str, str]  # path below the data folder -> sha256
    intent_counts: dict[str, int]
    sentiment_counts: dict[str, int]
    examples: int
    train_examples: int
    # hashes, not texts: evaluation re-reads BOT_DIR and scores only what was provably held out
    heldout_texts_sha256: list[str]


@dataclass(frozen=True)
class Labels:
    """Output order of the three heads."""

    intents: list[str]
    sentiments: list[str]
    tags: list[str]
    # intent -> priority (higher first) of the intents that are requests a customer can make
    # together in one message (the project's `metadata: {priority: N}`); see nlu.requests
    priorities: dict[str, int] = field(default_factory=dict)
    # intent -> family of intents the dialogue handles alike; the fallback decision reads the
    # family's summed probability (nlu.families). Empty for models trained before families.
    families: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EntityRules:
    """What the rule extractor and synonym mapper need at serving time."""

    types: list[str]
    regexes: dict[str, list[str]]
    lookups: dict[str, list[str]]
    synonyms: dict[str, str]


@dataclass(frozen=True)
class TrainingSettings:
    encoder: str  # a display name: the folder name of a local encoder
    encoder_path: str  # what was loaded: `train --if-missing` retrains when NLU_ENCODER changes
    epochs: int
    batch_size: int
    learning_rate: float
    holdout_fraction: float
    seed: int
    augment_prob: float
    max_tokens: int
    typo_prob: float = 0.0  # models trained before typo augmentation existed had none
    nonsense_examples: int = 0  # generated nonsense added to the out-of-scope intent
    char_weight: float = 0.0  # share of the intent probability from the character n-gram model
    vent_prob: float = 0.0  # share of request examples shown with anger around them


@dataclass(frozen=True)
class LibraryVersions:
    python: str
    torch: str
    transformers: str


@dataclass(frozen=True)
class HeldoutMetrics:
    heldout_examples: int
    intent: ClassificationReport
    sentiment: ClassificationReport


@dataclass(frozen=True)
class Fallback:
    threshold: float = DEFAULT_THRESHOLD
    method: str = "default (no held-out examples)"


def _empty_as_none(value: object) -> object:
    return value or None  # format 3 wrote {} for "no held-out examples"; those models still serve


@dataclass(frozen=True)
class ModelMetadata:
    version: str
    trained_at: str  # ISO 8601, UTC
    train_seconds: float
    training_data: TrainingDataInfo
    labels: Labels
    entities: EntityRules
    settings: TrainingSettings
    versions: LibraryVersions
    metrics: Annotated[Optional[HeldoutMetrics], BeforeValidator(_empty_as_none)] = None
    fallback: Fallback = field(default_factory=Fallback)
    format: int = TRAINING_FORMAT

    def fits(self, data_hash: str, encoder: str, min_format: int = TRAINING_FORMAT) -> bool:
        """Trained on exactly this data and encoder, by a trainer of at least min_format?"""
        return (self.training_data.sha256 == data_hash and self.settings.encoder_path == encoder
                and self.format >= min_format)


_ADAPTER = TypeAdapter(ModelMetadata)


def read(folder: Path) -> ModelMetadata:
    """The metadata of the model stored in `folder`."""
    path = folder / METADATA_FILE
    try:
        return _ADAPTER.validate_json(path.read_bytes())
    except ValidationError as exc:
        raise MetadataError(f"{path} is not metadata this version can read (retrain with "
                            f"`python -m nlu train`): {exc}") from exc


def write(meta: ModelMetadata, folder: Path) -> None:
    (folder / METADATA_FILE).write_bytes(_ADAPTER.dump_json(meta, indent=2))
