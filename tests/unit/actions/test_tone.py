from actions.tone import Mood, mood_from_events, should_offer_human


def user(label):
    return {"event": "user", "parse_data": {"sentiment": {"label": label, "score": 0.9}}}


def test_mood_counts_negative_messages():
    mood = mood_from_events([user("negative"), {"event": "bot"}, user("neutral"), user("negative")])
    assert mood == Mood(latest="negative", negative_messages=2) and mood.upset


def test_offer_human_on_repeated_negativity_or_top_tier_complaint():
    tiers = {"gold", "platinum"}
    assert should_offer_human(Mood("negative", 2), None, False, tiers, 2)
    assert not should_offer_human(Mood("negative", 1), "standard", True, tiers, 2)
    assert should_offer_human(Mood("neutral", 0), "Platinum", True, tiers, 2)
    assert not should_offer_human(Mood("neutral", 0), "platinum", False, tiers, 2)
