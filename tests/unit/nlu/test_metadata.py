"""metadata.json: written and read as ModelMetadata; older trainers' files are told apart."""

import json
from dataclasses import replace

import pytest

from nlu import metadata, registry
from nlu.metadata import HeldoutMetrics, MetadataError
from nlu.metrics import classification_metrics

from .tiny import tiny_metadata


def test_write_then_read_gives_the_same_metadata(tmp_path):
    report = classification_metrics(["a", "a", "b"], ["a", "b", "b"])
    meta = replace(tiny_metadata(entity_types=["city"], regexes={"order_id": [r"\bORD-\d{5}\b"]}),
                   metrics=HeldoutMetrics(3, report, report))
    metadata.write(meta, tmp_path)
    assert metadata.read(tmp_path) == meta
    on_disk = json.loads((tmp_path / metadata.METADATA_FILE).read_text())  # still plain JSON
    assert on_disk["format"] == metadata.TRAINING_FORMAT and on_disk["labels"]["intents"] == ["a", "b", "c"]
    assert on_disk["metrics"]["intent"]["confused"] == [{"true": "a", "predicted": "b", "count": 1}]


def write_format_3(meta: metadata.ModelMetadata, folder, edit=lambda d: None) -> None:
    """The model as the previous trainer wrote it: `metrics` {} when nothing was held out."""
    folder.mkdir()
    metadata.write(meta, folder)
    path = folder / metadata.METADATA_FILE
    old = {**json.loads(path.read_text()), "format": 3, "metrics": {}}
    edit(old)
    path.write_text(json.dumps(old))


def test_a_previous_format_model_still_reads_but_does_not_fit(tmp_path):
    write_format_3(tiny_metadata("old", data_hash="h", encoder="enc"), tmp_path / "old")
    old = metadata.read(tmp_path / "old")
    assert old.metrics is None and old.format == 3  # servable and listed: rollback still reaches it
    assert not old.fits("h", "enc") and old.fits("h", "enc", min_format=3)
    assert not registry.fits(tmp_path, "old", "h", "enc")
    assert registry.find_trained_on(tmp_path, "h", "enc") is None
    assert [m.version for m in registry.versions(tmp_path)] == ["old"]


def test_an_unreadable_layout_is_named_and_skipped(tmp_path, caplog):
    # format 2 did not record the encoder's path
    write_format_3(tiny_metadata("ancient"), tmp_path / "ancient", lambda d: d["settings"].pop("encoder_path"))
    with pytest.raises(MetadataError, match="ancient.*retrain"):
        metadata.read(tmp_path / "ancient")
    assert registry.versions(tmp_path) == [] and "ancient" in caplog.text
    assert not registry.fits(tmp_path, "ancient", "data-hash", "enc", min_format=0)
