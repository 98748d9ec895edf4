import pytest

from actions.tone import Mood, mood_from_events, shouting, should_offer_human, strongly_upset
from contracts.records import UserMessage


def user(label, text="x", score=0.9):
    return {"event": "user", "text": text, "parse_data": {"sentiment": {"label": label, "score": score}}}


def test_mood_counts_negative_messages():
    mood = mood_from_events([user("negative"), {"event": "bot"}, user("neutral"), user("negative")])
    assert mood == Mood(latest="negative", negative_messages=2, latest_strongly_upset=True) and mood.upset
    assert not mood_from_events([user("negative", score=0.5), user("neutral")]).upset


@pytest.mark.parametrize("text,shouted", [
    ("WHY HAS MY ORDER NOT ARRIVED", True), ("I want my money back!!!", True), ("HUMAN. NOW. PLEASE.", True),
    ("where is ORD-12345", False), ("OK", False), ("DPD says it was delivered to the UK depot", False),
    ("Thanks! Great!", False),
])
def test_shouting(text, shouted):
    assert shouting(text) is shouted


def test_strongly_upset_reads_the_score_and_shouting_but_not_shouted_joy():
    assert strongly_upset(UserMessage.from_event(user("negative", "this is a disgrace", 0.8)))
    assert not strongly_upset(UserMessage.from_event(user("negative", "a bit annoying", 0.5)))
    assert strongly_upset(UserMessage.from_event(user("neutral", "I DON'T KNOW MY ORDER NUMBER, JUST FIND IT")))
    assert not strongly_upset(UserMessage.from_event(user("positive", "THANK YOU SO MUCH!!!")))
    # exasperation in so many words, read as neutral by the model
    assert strongly_upset(UserMessage.from_event(user("neutral", "for gods sake answer the question, where are my trainers")))
    assert strongly_upset(UserMessage.from_event(user("neutral", "you absolute muppets lost my parcel")))
    assert strongly_upset(UserMessage.from_event(user("neutral", "my dress better turn up today or there'll be trouble")))
    assert strongly_upset(UserMessage.from_event(user("neutral", "sort it out today or else")))
    assert not strongly_upset(UserMessage.from_event(user("neutral", "can I get a refund or else a replacement?")))
    mood = mood_from_events([user("neutral", "WHERE IS MY PARCEL"), user("neutral", "calm again")])
    assert mood.negative_messages == 1 and not mood.upset


def test_offer_human_on_repeated_negativity_or_top_tier_complaint():
    tiers = {"gold", "platinum"}
    assert should_offer_human(Mood("negative", 2), None, False, tiers, 2)
    assert not should_offer_human(Mood("negative", 1), "standard", True, tiers, 2)
    assert should_offer_human(Mood("neutral", 0), "Platinum", True, tiers, 2)
    assert not should_offer_human(Mood("neutral", 0), "platinum", False, tiers, 2)


def test_every_complaint_offers_a_person_unless_kept_for_top_tiers():
    tiers = {"gold", "platinum"}
    assert should_offer_human(Mood("neutral", 0), "standard", True, tiers, 2, every_complaint=True)
    assert should_offer_human(Mood("neutral", 0), None, True, tiers, 2, every_complaint=True)
    assert not should_offer_human(Mood("neutral", 0), "standard", False, tiers, 2, every_complaint=True)


@pytest.mark.parametrize("text", ["ur bot is useless as hell 🙄 great job guys", "what a shambles, well done",
                                  "you lot are a complete joke", "this is a joke", "what a joke", "its a joke mate", "ffs"])
def test_an_insult_is_anger_whatever_the_model_reads(text):
    assert strongly_upset(UserMessage.from_event(user("positive", text, 0.9)))


def test_words_near_an_insult_are_not_one():
    assert not strongly_upset(UserMessage.from_event(user("neutral", "is it useful for camping?", 0.9)))
    assert not strongly_upset(UserMessage.from_event(user("positive", "you're a joker, thanks", 0.9)))
    assert not strongly_upset(UserMessage.from_event(user("neutral", "tell me a joke", 0.9)))  # asked for one


@pytest.mark.parametrize("text, before", [
    ("this is the 3rd time ive contacted you about the air fryer", True),
    ("I've asked where my sofa is three times now", True), ("I keep having to chase you", True),
    ("I emailed you 4 times about this", True), ("I called twice yesterday", True),
    ("this is the third time I have had to contact you", True), ("Third time asking. Get. Me. A. Human.", True),
    ("I was charged twice", False), ("I ordered it twice", False), ("where is my sofa", False),
    ("the app says it is out for delivery. This is the second time it has said that", False),
])
def test_coming_back_about_it_again_and_again(text, before):
    from actions.tone import contacted_before
    assert contacted_before(text) is before


def test_dont_you_dare_is_openly_upset():
    from actions.tone import INSULTS
    assert INSULTS.search("dont you dare tell me to be patient")
    assert INSULTS.search("don't you dare say sorry again")
