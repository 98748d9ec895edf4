from nlu.entities import Found, RuleExtractor, apply_synonyms, merge


def extract(text, types=("email", "phone_number", "amount", "date", "order_id"), regexes=None, lookups=None):
    rx = RuleExtractor(list(types), regexes or {"order_id": [r"\bord[- ]?\d{5}\b"]}, lookups or {})
    return {(f.entity, f.value) for f in rx.extract(text)}


def test_builtin_shapes():
    found = extract("I paid £24.99 twice on 3 March, mail me at jo.b+x@example.co.uk or call 07700 900123 about ORD-48213")
    assert found == {("amount", "£24.99"), ("date", "3 March"), ("email", "jo.b+x@example.co.uk"),
                     ("phone_number", "07700 900123"), ("order_id", "ORD-48213")}


def test_order_id_is_not_a_phone_number_and_types_are_opt_in():
    assert extract("order ord-12345 please") == {("order_id", "ord-12345")}
    assert extract("mail me at a@b.com", types=("amount",)) == set()


def test_relative_dates():
    assert extract("it was meant to come yesterday") == {("date", "yesterday")}
    assert extract("I ordered two weeks ago") == {("date", "two weeks ago")}


def test_lookup_tables_match_whole_words():
    found = extract("a lasagne and a risottos", types=("dish",), regexes={}, lookups={"dish": ["lasagne", "risotto"]})
    assert found == {("dish", "lasagne")}


def test_rules_win_over_overlapping_model_spans_and_synonyms_map():
    rule = [Found(0, 9, "ORD-12345", "order_id", "RegexEntityExtractor")]
    model = [Found(4, 9, "12345", "amount", "TransformerEntityExtractor", 0.6),
             Found(14, 20, "veggie", "diet", "TransformerEntityExtractor", 0.9)]
    merged = merge(rule, model)
    assert [f.entity for f in merged] == ["order_id", "diet"]
    out = apply_synonyms(merged, {"veggie": "vegetarian"})
    assert out[1]["value"] == "vegetarian" and out[1]["processors"] == ["EntitySynonymMapper"]
    assert out[0]["value"] == "ORD-12345" and "processors" not in out[0]


def test_iso_date_is_a_date_not_a_phone():
    assert extract("delivered on 2024-05-12") == {("date", "2024-05-12")}


def test_spelt_and_spoken_order_ids_are_found_on_the_words_said():
    from nlu.entities import RuleExtractor

    rules = RuleExtractor(["order_id"], {"order_id": [r"\bord[- ]?\d{5}\b"]}, {})
    text = "its o r d four zero zero zero one thanks"
    (found,) = rules.extract(text)
    assert found.value == "ord40001" and text[found.start:found.end] == "o r d four zero zero zero one"
    assert [f.value for f in rules.extract("ORD-12345")] == ["ORD-12345"]
    assert rules.extract("oh and one more thing") == []


def test_written_form_changes_only_runs():
    from nlu.spoken import written_form

    assert written_form("oh seven seven double oh one").text == "077001"
    assert written_form("a one off") is None and written_form("ORD-12345") is None
    assert written_form("charged £24.99, for ORD-12345 on 1 2 2026") is None  # typed numbers stay typed


def test_an_id_spelt_with_pauses_is_one_id():
    from nlu.spoken import written_form

    # what Whisper writes for a caller who spells the id slowly
    assert written_form("My order number is O, R, D, one, zero, zero, zero, one.").text == "My order number is ord10001."
    assert written_form("My order number is O-R-D-1-0-0-0-1.").text == "My order number is ord10001."
    assert written_form("O R D and then one two three").text == "ord and then 123"  # words between: not joined


def test_the_projects_patterns_find_order_numbers_said_as_digits():
    from pathlib import Path

    from actions.profiles import normalise_order_id
    from nlu.entities import RuleExtractor
    from nlu.training_data import load_project

    rules = RuleExtractor(["order_id"], load_project(Path("bot")).regexes, {})

    def ids(text):
        return [normalise_order_id(f.value) for f in rules.extract(text)]

    assert ids("order four five seven one two") == ["ORD-45712"]  # as a caller says it
    assert ids("it's order number 4 5 7 1 2 please") == ["ORD-45712"]
    assert ids("order 45712 hasn't come") == ["ORD-45712"]
    assert ids("o r d one zero zero zero one") == ["ORD-10001"]
    assert ids("I ordered 45712 units") == [] and ids("order two") == []  # not an id's shape
