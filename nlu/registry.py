"""Trained models on disk: one directory per version, a `CURRENT` file naming the one served."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nlu.model import METADATA

CURRENT = "CURRENT"


class NoModelError(RuntimeError):
    pass


def versions(models_dir: Path) -> list[dict[str, Any]]:
    """Metadata of every complete model, oldest first."""
    out = []
    if not models_dir.is_dir():
        return out
    for meta_path in models_dir.glob(f"*/{METADATA}"):
        meta = json.loads(meta_path.read_text())
        meta["path"] = str(meta_path.parent)
        out.append(meta)
    return sorted(out, key=lambda m: m["trained_at"])


def current_version(models_dir: Path) -> str | None:
    marker = models_dir / CURRENT
    if not marker.exists():
        return None
    name = marker.read_text().strip()
    return name if (models_dir / name / METADATA).exists() else None


def current_path(models_dir: Path) -> Path:
    name = current_version(models_dir)
    if name is None:
        raise NoModelError(
            f"no trained NLU model in {models_dir}; run `python -m nlu train` (or `make train`)"
        )
    return models_dir / name


def set_current(models_dir: Path, version: str) -> None:
    if not (models_dir / version / METADATA).exists():
        known = ", ".join(m["version"] for m in versions(models_dir)) or "none"
        raise NoModelError(f"no model version {version!r} in {models_dir} (known: {known})")
    tmp = models_dir / (CURRENT + ".tmp")
    tmp.write_text(version + "\n")
    tmp.replace(models_dir / CURRENT)  # atomic: a reader never sees a half-written name


def _fits(meta: dict[str, Any], data_hash: str, encoder: str, min_format: int) -> bool:
    return (meta.get("training_data", {}).get("sha256") == data_hash
            and meta.get("settings", {}).get("encoder_path") == encoder
            and meta.get("format", 0) >= min_format)


def fits(models_dir: Path, version: str, data_hash: str, encoder: str, min_format: int = 0) -> bool:
    """Was this version trained on exactly this data and encoder, by a trainer of at least min_format?"""
    meta_path = models_dir / version / METADATA
    return meta_path.exists() and _fits(json.loads(meta_path.read_text()), data_hash, encoder, min_format)


def find_trained_on(models_dir: Path, data_hash: str, encoder: str, min_format: int = 0) -> str | None:
    """The newest version that fits this data and encoder."""
    for meta in reversed(versions(models_dir)):
        if _fits(meta, data_hash, encoder, min_format):
            return meta["version"]
    return None


def rollback(models_dir: Path) -> str:
    """Make the version trained before the current one current; returns its name."""
    current = current_version(models_dir)
    names = [m["version"] for m in versions(models_dir)]
    if current is None or current not in names or names.index(current) == 0:
        raise NoModelError(f"nothing to roll back to in {models_dir} (current: {current or 'none'})")
    previous = names[names.index(current) - 1]
    set_current(models_dir, previous)
    return previous
