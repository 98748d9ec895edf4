"""The dialogue model is keyed by the project's files; a foreign project gets its own."""

import pytest

from stack.models import dialogue_fingerprint, dialogue_model_path
from stack.settings import StackSettings


def project(root, domain_as_folder=False):
    (root / "data").mkdir(parents=True)
    (root / "config.yml").write_text("policies: []\n")
    if domain_as_folder:
        (root / "domain").mkdir()
        (root / "domain" / "intents.yml").write_text("intents: [greet]\n")
    else:
        (root / "domain.yml").write_text("intents: [greet]\n")
    (root / "data" / "rules.yml").write_text("rules: []\n")
    return root


def test_fingerprint_follows_the_files(tmp_path):
    bot = project(tmp_path / "a")
    before = dialogue_fingerprint(bot)
    (bot / "data" / "rules.yml").write_text("rules: [] # changed\n")
    assert dialogue_fingerprint(bot) != before


def test_domain_folder_counts(tmp_path):
    bot = project(tmp_path / "b", domain_as_folder=True)
    before = dialogue_fingerprint(bot)
    (bot / "domain" / "more.yml").write_text("responses: {}\n")
    assert dialogue_fingerprint(bot) != before


def test_model_path_is_in_the_configured_folder(tmp_path):
    settings = StackSettings(bot_dir=project(tmp_path / "c"), dialogue_models_dir=tmp_path / "models")
    assert dialogue_model_path(settings).parent == tmp_path / "models"


def test_not_a_rasa_project(tmp_path):
    with pytest.raises(FileNotFoundError, match="is not a Rasa project"):
        dialogue_fingerprint(tmp_path)
