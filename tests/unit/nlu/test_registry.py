from dataclasses import replace

import pytest

from nlu import metadata, registry

from .tiny import tiny_metadata


def fake_model(models_dir, version, data_hash, trained_at, encoder="enc", fmt=metadata.TRAINING_FORMAT):
    d = models_dir / version
    d.mkdir(parents=True)
    meta = tiny_metadata(version, data_hash=data_hash, trained_at=trained_at, encoder=encoder)
    metadata.write(replace(meta, format=fmt), d)


def test_current_rollback_and_lookup_by_data(tmp_path):
    assert registry.current_version(tmp_path) is None
    with pytest.raises(registry.NoModelError, match="python -m nlu train"):
        registry.current_path(tmp_path)
    fake_model(tmp_path, "v1", "aaa", "2026-01-01T00:00:00")
    fake_model(tmp_path, "v2", "bbb", "2026-01-02T00:00:00")
    assert [m.version for m in registry.versions(tmp_path)] == ["v1", "v2"]
    registry.set_current(tmp_path, "v2")
    assert registry.current_path(tmp_path) == tmp_path / "v2"
    registry.set_current(tmp_path, "v1")  # rollback
    assert registry.current_version(tmp_path) == "v1"
    assert registry.find_trained_on(tmp_path, "bbb", "enc") == "v2"
    assert registry.find_trained_on(tmp_path, "zzz", "enc") is None
    assert registry.find_trained_on(tmp_path, "bbb", "another-encoder") is None
    assert registry.find_trained_on(tmp_path, "bbb", "enc", min_format=metadata.TRAINING_FORMAT + 1) is None
    assert registry.fits(tmp_path, "v1", "aaa", "enc") and not registry.fits(tmp_path, "v1", "bbb", "enc")
    with pytest.raises(registry.NoModelError, match="known: v1, v2"):
        registry.set_current(tmp_path, "v3")


def test_rollback_goes_to_the_previous_version(tmp_path):
    fake_model(tmp_path, "v1", "aaa", "2026-01-01T00:00:00")
    with pytest.raises(registry.NoModelError, match="nothing to roll back"):
        registry.rollback(tmp_path)
    fake_model(tmp_path, "v2", "bbb", "2026-01-02T00:00:00")
    registry.set_current(tmp_path, "v2")
    assert registry.rollback(tmp_path) == "v1"
    assert registry.current_version(tmp_path) == "v1"
    with pytest.raises(registry.NoModelError):
        registry.rollback(tmp_path)
