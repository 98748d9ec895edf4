"""A team's own Rasa project (roles, synonyms, lookups, two files) trains and parses: BOT_DIR in action."""

import textwrap

from nlu import NluSettings, Predictor, load_model, registry, train_model


def test_train_and_parse_a_foreign_project(tmp_path):
    project = tmp_path / "travel"
    (project / "data" / "nlu").mkdir(parents=True)
    cities = ["Paris", "Rome", "Berlin", "Madrid", "Lisbon", "Vienna"]
    book = "\n".join(
        f'    - fly from [{a}]{{"entity": "city", "role": "departure"}} to [{b}]{{"entity": "city", "role": "destination"}}'
        for a, b in zip(cities, cities[1:] + cities[:1]))
    (project / "data" / "nlu" / "book.yml").write_text(textwrap.dedent("""\
        version: "3.1"
        nlu:
        - intent: book_flight
          examples: |
        """) + book + "\n    - any flights to [NYC](city:New York)\n" + textwrap.dedent("""\
        - lookup: city
          examples: |
            - Oslo
            - NYC
        """))
    (project / "data" / "chat.yml").write_text(textwrap.dedent("""\
        nlu:
        - intent: greet
          examples: |
            - hello
            - hi there
            - good morning
            - hey
            - hiya
        - synonym: Oslo
          examples: |
            - oslo city
        """))
    settings = NluSettings(bot_dir=project, models_dir=tmp_path / "models", epochs=3, holdout_fraction=0.0)
    version = train_model(settings, show_progress=False, log=lambda _: None)
    loaded = load_model(registry.current_path(settings.models_dir))
    assert loaded.version == version and loaded.intents == ["book_flight", "greet"]
    assert any("departure" in t for t in loaded.tags) and any("destination" in t for t in loaded.tags)
    assert loaded.metadata.entities.synonyms == {"nyc": "New York", "oslo city": "Oslo"}
    out = Predictor(loaded, 0.0).parse("fly from Oslo to nyc")
    by_value = {e["value"]: e for e in out["entities"]}
    assert by_value["Oslo"]["extractor"] == "RegexEntityExtractor"  # from the lookup table
    assert by_value["New York"]["processors"] == ["EntitySynonymMapper"]  # lookup match, then synonym
    assert (project / "data").exists() and (settings.models_dir / version / "MODEL_CARD.md").exists()


def test_train_list_rollback(tmp_path):
    project = tmp_path / "mini"
    (project / "data").mkdir(parents=True)
    (project / "data" / "nlu.yml").write_text(textwrap.dedent("""\
        nlu:
        - intent: yes
          examples: |
            - yes
            - sure
        - intent: no
          examples: |
            - no
            - nope
        """))
    settings = NluSettings(bot_dir=project, models_dir=tmp_path / "models", epochs=1, holdout_fraction=0.0)
    first = train_model(settings, show_progress=False, log=lambda _: None)
    second = train_model(settings, show_progress=False, log=lambda _: None)
    assert [m.version for m in registry.versions(settings.models_dir)] == [first, second]
    assert load_model(registry.current_path(settings.models_dir)).intents == ["no", "yes"]  # YAML 1.2: not booleans
    assert registry.current_version(settings.models_dir) == second
    assert registry.rollback(settings.models_dir) == first
    assert load_model(registry.current_path(settings.models_dir)).version == first
