"""Long messages are read whole, window by window; short ones exactly as before."""

import re

import pytest
import torch
from transformers import AutoTokenizer

from nlu.model import LoadedModel
from nlu.predictor import Predictor
from nlu.settings import bundled_encoder
from nlu.tags import tag_key
from nlu.windows import sentence_starts, window_spans

from .tiny import tiny_metadata, tiny_model

TAGS = ["O", f"B-{tag_key('city', None, None)}", f"I-{tag_key('city', None, None)}"]
FILLER = "The weather was lovely yesterday and we went for a long walk along the river with the dog. "


def words(text):
    """One token per word: enough to check the packing."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def covered(text, spans):
    return " ".join(text[s:e] for s, e in spans).split() == text.split()


# --- packing ---------------------------------------------------------------------------------

def test_windows_pack_whole_sentences_up_to_the_budget():
    text = "one two three. four five six. seven eight nine. ten."
    spans = window_spans(text, words(text), budget=7)
    assert [text[s:e] for s, e in spans] == ["one two three. four five six.", "seven eight nine. ten."]


def test_a_sentence_longer_than_the_budget_is_cut_between_words():
    text = "short one. " + " ".join(f"w{i}" for i in range(12)) + ". end."
    tokens = words(text)
    spans = window_spans(text, tokens, budget=5)
    assert covered(text, spans)
    assert text[slice(*spans[0])] == "short one."  # the long sentence does not start mid-window
    assert all(len([t for t in tokens if s <= t[0] and t[1] <= e]) <= 5 for s, e in spans)


def test_a_word_longer_than_the_budget_is_cut_between_its_tokens():
    text = "see https://example.com/a/very/long/path please"
    word = re.search(r"https\S+", text)
    pieces = [(i, min(i + 4, word.end())) for i in range(word.start(), word.end(), 4)]  # word pieces, no gaps
    tokens = [(0, 3)] + pieces + [(word.end() + 1, len(text))]
    spans = window_spans(text, tokens, budget=3)
    assert spans[0] == (0, 3) and spans[-1][1] == len(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # in order, no overlap


def test_sentence_starts_follow_end_punctuation_and_line_breaks():
    text = "Hi! Where is it?\nIt was due monday. ok"
    assert sorted(sentence_starts(text)) == [0, 4, 17, 36]


# --- parsing, with a network whose answers we know ---------------------------------------------

class KeywordNet:
    """Stands in for the network: intent `cancel` where the word "cancel" is, sentiment negative
    where "furious" is, a `city` tag on "amsterdam". Records each call's batch shape."""

    training = False

    def __init__(self, tokenizer):
        ids = tokenizer.convert_tokens_to_ids
        self.cancel, self.furious, self.city = ids("cancel"), ids("furious"), ids("amsterdam")
        self.calls = []

    def __call__(self, input_ids, attention_mask):
        self.calls.append(tuple(input_ids.shape))
        rows, length = input_ids.shape
        has = lambda token: (input_ids == token).any(-1).float()  # noqa: E731
        intent = torch.stack([torch.ones(rows), 5 * has(self.cancel)], -1)  # chitchat mildly, cancel surely
        sentiment = torch.stack([4 * has(self.furious), torch.zeros(rows), torch.ones(rows)], -1)
        tags = torch.zeros(rows, length, 3)
        tags[..., 0] = 1.0
        tags[..., 1] = 5.0 * (input_ids == self.city)
        return intent, sentiment, tags


@pytest.fixture(scope="module")
def keyword_model():
    meta = tiny_metadata(intents=["chitchat", "cancel"], tags=TAGS, entity_types=["order_id", "city"],
                         regexes={"order_id": [r"\bORD-\d{5}\b"]}, threshold=0.0)
    tokenizer = AutoTokenizer.from_pretrained(bundled_encoder())
    return LoadedModel(KeywordNet(tokenizer), tokenizer, meta, None)


def test_a_request_at_the_end_of_a_long_message_is_read(keyword_model):
    text = FILLER * 20 + "Please cancel ORD-12345 and send it to amsterdam instead."
    assert len(text) > 1800
    keyword_model.net.calls.clear()
    out = Predictor(keyword_model, 0.0).parse(text)
    assert out["text"] == text
    assert out["intent"]["name"] == "cancel" and out["intent_ranking"][0]["name"] == "cancel"
    (rows, length), = keyword_model.net.calls  # every window in one forward pass
    assert rows > 1 and length <= 64


def test_entities_near_the_end_keep_their_offsets(keyword_model):
    text = FILLER * 20 + "Please cancel ORD-12345 and send it to amsterdam instead."
    entities = {e["entity"]: e for e in Predictor(keyword_model, 0.0).parse(text)["entities"]}
    order, city = entities["order_id"], entities["city"]
    assert text[order["start"]:order["end"]] == "ORD-12345" == order["value"] and order["start"] > 1800
    assert text[city["start"]:city["end"]] == "amsterdam" == city["value"]
    assert city["extractor"] == "TransformerEntityExtractor"


def test_one_negative_window_makes_a_long_message_negative(keyword_model):
    calm = FILLER * 20
    buried = FILLER * 10 + "Honestly I am furious about how this was handled. " + FILLER * 10
    p = Predictor(keyword_model, 0.0)
    assert p.parse(calm)["sentiment"]["label"] == "positive"
    assert p.parse(buried)["sentiment"]["label"] == "negative"


def test_explanation_of_a_long_message_points_into_the_deciding_window(keyword_model):
    text = FILLER * 20 + "Please cancel ORD-12345 now."
    p = Predictor(keyword_model, 0.0)
    tokens = p.explanation(p.parse(text))["tokens"]
    assert tokens[0]["token"] == "cancel" and text[tokens[0]["start"]:tokens[0]["end"]] == "cancel"


# --- short messages: today's path, unchanged ---------------------------------------------------

@pytest.fixture(scope="module")
def loaded():
    torch.manual_seed(0)
    return tiny_model(tiny_metadata(tags=TAGS, entity_types=["email"], threshold=0.0))


@torch.inference_mode()
def parse_as_before(loaded, text):
    """What Predictor.parse computed before long messages were read in windows."""
    enc = loaded.tokenizer(text, truncation=True, max_length=64, return_offsets_mapping=True, return_tensors="pt")
    i_logits, s_logits, _ = loaded.net(enc["input_ids"], enc["attention_mask"])
    i_prob, s_prob = i_logits[0].softmax(-1), s_logits[0].softmax(-1)
    ranking = [{"name": loaded.intents[i], "confidence": round(float(p), 4)} for p, i in zip(*i_prob.topk(3))]
    s_best = int(s_prob.argmax())
    return ranking, {"label": loaded.sentiments[s_best], "score": round(float(s_prob[s_best]), 4)}


@pytest.mark.parametrize("text", ["hi", "where is my order ORD-10001?", "mail me at a@b.com, I am not happy at all"])
def test_short_messages_parse_as_before(loaded, text):
    out = Predictor(loaded, 0.0).parse(text)
    ranking, sentiment = parse_as_before(loaded, text)
    assert out["intent_ranking"] == ranking and out["intent"] == ranking[0] and out["sentiment"] == sentiment
    assert Predictor(loaded, 0.0).windows(text) == [(0, len(text))]


def test_a_long_message_is_no_longer_cut(loaded):
    text = FILLER * 22
    spans = Predictor(loaded, 0.0).windows(text)
    assert len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
    assert all(text[s:e].endswith(".") for s, e in spans)  # whole sentences
    out = Predictor(loaded, 0.0).parse(text)
    assert out["intent"]["name"] in loaded.intents
