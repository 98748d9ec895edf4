import torch

from nlu import char_ngrams

TEXTS = ["where is my order", "where's my parcel", "has my order shipped", "track my delivery please",
         "I want a refund", "refund my money", "give me my money back", "can I get a refund",
         "hello there", "hi", "good morning", "hey"]
LABELS = ["status"] * 4 + ["refund"] * 4 + ["greet"] * 4
INTENTS = ["greet", "refund", "status", "unused"]


def test_typos_keep_most_character_ngrams():
    model = char_ngrams.fit(TEXTS, LABELS, INTENTS, weight=0.3)
    probs = model.probabilities(["wher is my ordr", "refnud my mony", "helo"])
    assert [INTENTS[i] for i in probs.argmax(-1).tolist()] == ["status", "refund", "greet"]
    assert torch.allclose(probs.sum(-1), torch.ones(3))
    assert float(probs[:, INTENTS.index("unused")].max()) < 1e-6  # an intent without examples never wins


def test_saved_and_loaded_model_gives_the_same_probabilities(tmp_path):
    model = char_ngrams.fit(TEXTS, LABELS, INTENTS, weight=0.25)
    model.save(tmp_path)
    again = char_ngrams.load(tmp_path)
    texts = ["where is it", "money back pls"]
    assert torch.allclose(model.probabilities(texts), again.probabilities(texts), atol=1e-6)
    assert again.weight == 0.25
    assert char_ngrams.load(tmp_path / "nothing-here") is None


def test_blend_is_the_weighted_average():
    model = char_ngrams.fit(TEXTS, LABELS, INTENTS, weight=0.4)
    encoder = torch.tensor([[0.1, 0.1, 0.7, 0.1]])
    blended = model.blend(encoder, ["where is my order"])
    assert torch.allclose(blended, 0.6 * encoder + 0.4 * model.probabilities(["where is my order"]))
