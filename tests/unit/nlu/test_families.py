"""Intent families: a message split between near-synonyms is understood, not turned away."""

from dataclasses import replace

import pytest

from nlu.families import family_confidence
from nlu.predictor import Predictor
from nlu.training_data import TrainingDataError, load_project
from tests.unit.nlu.test_augment_requests_nonsense import write_project
from tests.unit.nlu.tiny import DecodingNet, tiny_metadata, tiny_model

FAMILIES = {"late": "whereabouts", "status": "whereabouts"}


def test_the_top_intent_s_family_is_summed_and_nothing_else():
    ranking = [("late", 0.40), ("status", 0.22), ("greet", 0.20), ("status_typo", 0.1)]
    assert family_confidence(ranking, FAMILIES) == pytest.approx(0.62)
    assert family_confidence([("greet", 0.4), ("late", 0.3), ("status", 0.3)], FAMILIES) == 0.4
    assert family_confidence([("late", 0.4)], {}) == 0.4
    assert family_confidence([], FAMILIES) == 0.0


class SplitNet(DecodingNet):
    """"where" splits between late and status; "banana" splits between late and greet."""

    def scores(self, text):
        if "where" in text:
            return [1.0, 0.6, 0.0, -2.0], [0.0, 5.0, 0.0]  # late 0.48, status 0.32, greet 0.18
        return [1.0, -2.0, 0.6, 0.0], [0.0, 5.0, 0.0]  # late 0.48, greet 0.32


def split_predictor(families):
    meta = tiny_metadata(intents=("late", "status", "greet", "other"))
    meta = replace(meta, labels=replace(meta.labels, families=families))
    loaded = tiny_model(meta)
    return Predictor(replace(loaded, net=SplitNet(loaded.tokenizer), speller=None), fallback_threshold=0.6,
                     spelling=False)


def test_a_split_within_a_family_passes_the_threshold_and_serves_the_top_intent():
    parsed = split_predictor(FAMILIES).parse("where is it")
    assert parsed["intent"]["name"] == "late"
    assert parsed["intent"]["confidence"] == pytest.approx(0.48, abs=0.01)  # its own, not the family's


def test_a_split_across_families_still_falls_back():
    assert split_predictor(FAMILIES).parse("banana").get("intent")["name"] == "nlu_fallback"
    # and a model trained without families behaves as before
    assert split_predictor({}).parse("where is it")["intent"]["name"] == "nlu_fallback"


def test_families_come_from_intent_metadata(tmp_path):
    data = load_project(write_project(tmp_path, """
        nlu:
        - intent: late
          metadata: {sentiment: negative, priority: 6, family: whereabouts}
          examples: |
            - my parcel is late
        - intent: status
          metadata: {family: whereabouts}
          examples: |
            - where is my order
        - intent: greet
          examples: |
            - hello
        """))
    assert data.families == {"late": "whereabouts", "status": "whereabouts"}


def test_an_intent_belongs_to_one_family(tmp_path):
    with pytest.raises(TrainingDataError, match="already in family 'whereabouts'"):
        load_project(write_project(tmp_path, """
            nlu:
            - intent: late
              metadata: {family: whereabouts}
              examples: |
                - my parcel is late
            - intent: late
              metadata: {family: complaints}
              examples: |
                - it has not come
            """))
