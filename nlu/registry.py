"""Trained models on disk: one directory per version, a `CURRENT` file naming the one served."""

from __future__ import annotations

import logging
from pathlib import Path

from nlu import metadata as model_metadata
from nlu.metadata import METADATA_FILE, TRAINING_FORMAT, MetadataError, ModelMetadata

CURRENT = "CURRENT"

log = logging.getLogger(__name__)


class NoModelError(RuntimeError):
    pass


def versions(models_dir: Path) -> list[ModelMetadata]:
    """Metadata of every complete model this code can read, oldest first."""
    out = []
    if not models_dir.is_dir():
        return out
    for meta_path in models_dir.glob(f"*/{METADATA_FILE}"):
        try:
            out.append(model_metadata.read(meta_path.parent))
        except MetadataError as exc:  # an older trainer's layout: listed nowhere, never served
            log.warning("skipping %s", exc)
    return sorted(out, key=lambda m: m.trained_at)


def current_version(models_dir: Path) -> str | None:
    marker = models_dir / CURRENT
    if not marker.exists():
        return None
    name = marker.read_text().strip()
    return name if (models_dir / name / METADATA_FILE).exists() else None


def current_path(models_dir: Path) -> Path:
    name = current_version(models_dir)
    if name is None:
        raise NoModelError(
            f"no trained NLU model in {models_dir}; run `python -m nlu train` (or `make train`)"
        )
    return models_dir / name


def set_current(models_dir: Path, version: str) -> None:
    if not (models_dir / version / METADATA_FILE).exists():
        known = ", ".join(m.version for m in versions(models_dir)) or "none"
        raise NoModelError(f"no model version {version!r} in {models_dir} (known: {known})")
    tmp = models_dir / (CURRENT + ".tmp")
    tmp.write_text(version + "\n")
    tmp.replace(models_dir / CURRENT)  # atomic: a reader never sees a half-written name


def fits(models_dir: Path, version: str, data_hash: str, encoder: str, min_format: int = TRAINING_FORMAT) -> bool:
    """Was this version trained on exactly this data and encoder, by a trainer of at least min_format?"""
    folder = models_dir / version
    if not (folder / METADATA_FILE).exists():
        return False
    try:
        return model_metadata.read(folder).fits(data_hash, encoder, min_format)
    except MetadataError:
        return False


def find_trained_on(models_dir: Path, data_hash: str, encoder: str, min_format: int = TRAINING_FORMAT) -> str | None:
    """The newest version that fits this data and encoder."""
    for meta in reversed(versions(models_dir)):
        if meta.fits(data_hash, encoder, min_format):
            return meta.version
    return None


def rollback(models_dir: Path) -> str:
    """Make the version trained before the current one current; returns its name."""
    current = current_version(models_dir)
    names = [m.version for m in versions(models_dir)]
    if current is None or current not in names or names.index(current) == 0:
        raise NoModelError(f"nothing to roll back to in {models_dir} (current: {current or 'none'})")
    previous = names[names.index(current) - 1]
    set_current(models_dir, previous)
    return previous
