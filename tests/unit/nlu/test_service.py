"""The HTTP service: one message-length limit shared with every channel (MAX_MESSAGE_CHARS)."""

import pytest
from fastapi.testclient import TestClient

from nlu import NluSettings, create_app, registry
from nlu.model import save

from .tiny import tiny_metadata, tiny_model


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    loaded = tiny_model(tiny_metadata("svc-v"))
    save(loaded.net, loaded.tokenizer, loaded.metadata, folder / "svc-v")
    registry.set_current(folder, "svc-v")
    return folder


def test_messages_over_the_shared_limit_get_413_and_long_ones_within_it_parse(models_dir, monkeypatch):
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "600")
    with TestClient(create_app(NluSettings(models_dir=models_dir, runtime="torch"))) as client:
        too_long = client.post("/model/parse", json={"text": "a" * 601})
        assert too_long.status_code == 413 and "limit is 600" in too_long.json()["detail"]
        long_ok = client.post("/model/parse", json={"text": "Where is my parcel? " * 29 + "Cancel it.", "explain": True})
        assert long_ok.status_code == 200 and long_ok.json()["model"] == "svc-v"
        assert long_ok.json()["explanation"]["tokens"]


def test_the_default_limit_is_the_shared_one(monkeypatch):
    from contracts.limits import DEFAULT_MAX_MESSAGE_CHARS

    monkeypatch.delenv("MAX_MESSAGE_CHARS", raising=False)
    assert NluSettings().max_message_chars == DEFAULT_MAX_MESSAGE_CHARS


def test_the_schema_is_served_without_a_page_that_loads_a_cdn(models_dir):
    with TestClient(create_app(NluSettings(models_dir=models_dir, runtime="torch"))) as client:
        assert "/model/parse" in client.get("/openapi.json").json()["paths"]
        assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
