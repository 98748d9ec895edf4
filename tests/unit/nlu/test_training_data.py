import textwrap
from pathlib import Path

import pytest

from nlu.training_data import TrainingDataError, load_project, parse_annotated

REPO = Path(__file__).resolve().parents[3]


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body))
    return path


def test_plain_and_valued_annotations():
    text, spans = parse_annotated("fly from [Berlin](city) to [NYC](city:New York) today")
    assert text == "fly from Berlin to NYC today"
    assert [(s.entity, text[s.start:s.end], s.value) for s in spans] == [
        ("city", "Berlin", "Berlin"), ("city", "NYC", "New York")]


def test_roles_groups_and_entity_lists():
    text, spans = parse_annotated(
        'from [Paris]{"entity": "city", "role": "departure"} to '
        '[Rome]{"entity": "city", "role": "destination", "group": "1", "value": "Roma"} '
        'a [large pizza][{"entity": "size", "value": "L"}, {"entity": "food"}]')
    assert text == "from Paris to Rome a large pizza"
    assert [(s.entity, s.role, s.group, s.value) for s in spans] == [
        ("city", "departure", None, "Paris"), ("city", "destination", "1", "Roma"),
        ("size", None, None, "L"), ("food", None, None, "large pizza")]


def test_project_with_several_files_and_blocks(tmp_path):
    write(tmp_path, "a.yml", """
        version: "3.1"
        nlu:
        - intent: book
          examples: |
            - book a table for [two](people:2)
            - table for [4](people) please
        - synonym: vegetarian
          examples: |
            - veggie
            - vegan-ish
        - regex: zipcode
          examples: |
            - \\b\\d{5}\\b
        """)
    write(tmp_path, "sub/b.yml", """
        nlu:
        - lookup: dish
          examples: |
            - lasagne
            - risotto
        - intent: complain
          metadata:
            sentiment: negative
          examples:
          - text: |
              the soup was cold
          - text: |
              it was fine actually
            metadata:
              sentiment: neutral
        """)
    write(tmp_path, "stories.yml", "stories: []\n")
    data = load_project(tmp_path)
    assert len(data.files) == 2
    assert data.intents == ["book", "complain"]
    assert [e.sentiment for e in data.examples if e.intent == "complain"] == ["negative", "neutral"]
    assert data.synonyms["veggie"] == "vegetarian" and data.synonyms["two"] == "2"
    assert data.regexes == {"zipcode": [r"\b\d{5}\b"]}
    assert data.lookups == {"dish": ["lasagne", "risotto"]}
    assert data.entity_types == ["people"]


def test_bad_sentiment_label_is_reported(tmp_path):
    write(tmp_path, "a.yml", """
        nlu:
        - intent: x
          metadata: {sentiment: furious}
          examples: |
            - hello
        """)
    with pytest.raises(TrainingDataError, match="furious"):
        load_project(tmp_path)


def test_not_a_rasa_project(tmp_path):
    with pytest.raises(TrainingDataError, match="no data/ directory"):
        load_project(tmp_path)


def test_our_bot_meets_the_data_requirements():
    data = load_project(REPO / "bot")
    counts = {i: sum(e.intent == i for e in data.examples) for i in data.intents}
    assert len(counts) >= 20
    assert min(counts.values()) >= 25, counts
    assert set(data.entity_types) >= {"order_id", "email", "amount", "date"}
    assert {e.sentiment for e in data.examples} == {"negative", "neutral", "positive"}
