import json

import pytest

from nlu import registry


def fake_model(models_dir, version, data_hash, trained_at, encoder="enc", fmt=3):
    d = models_dir / version
    d.mkdir(parents=True)
    (d / "metadata.json").write_text(json.dumps(
        {"version": version, "trained_at": trained_at, "format": fmt, "settings": {"encoder_path": encoder},
         "training_data": {"sha256": data_hash, "examples": 1}}))


def test_current_rollback_and_lookup_by_data(tmp_path):
    assert registry.current_version(tmp_path) is None
    with pytest.raises(registry.NoModelError, match="python -m nlu train"):
        registry.current_path(tmp_path)
    fake_model(tmp_path, "v1", "aaa", "2026-01-01T00:00:00")
    fake_model(tmp_path, "v2", "bbb", "2026-01-02T00:00:00")
    assert [m["version"] for m in registry.versions(tmp_path)] == ["v1", "v2"]
    registry.set_current(tmp_path, "v2")
    assert registry.current_path(tmp_path) == tmp_path / "v2"
    registry.set_current(tmp_path, "v1")  # rollback
    assert registry.current_version(tmp_path) == "v1"
    assert registry.find_trained_on(tmp_path, "bbb", "enc", 3) == "v2"
    assert registry.find_trained_on(tmp_path, "zzz", "enc") is None
    assert registry.find_trained_on(tmp_path, "bbb", "another-encoder") is None
    assert registry.find_trained_on(tmp_path, "bbb", "enc", min_format=4) is None
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
