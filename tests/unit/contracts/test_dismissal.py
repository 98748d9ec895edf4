"""One reading of "forget that" for the NLU and the dialogue (contracts.dismissal)."""

import pytest

from contracts.dismissal import KEEPING_IT, PERSON_CALLED_OFF, PERSON_REFUSED, after_dismissal, nothing_but_dismissal


@pytest.mark.parametrize("text, after", [
    ("ugh I can't find the email. forget that, what time do you open?", "what time do you open?"),
    ("cancel the blue one. scratch that - where is my parcel", "where is my parcel"),
    ("never mind about that, is my sofa coming", "is my sofa coming"),
    ("forget my order, who won the match", "who won the match"),
    ("forget my order number, I'll find it", None),
    ("forget it. never mind, when do you close today", "when do you close today"),  # the last one counts
    ("never mind, cancel it", None),  # too little after it
    ("where is my parcel", None),
    ("I never minded the wait", None),
    ("I was going to cancel it. Actually no, leave it, I'll just wait. When will it ship?", "I'll just wait. When will it ship?"),
    ("actually no dont cancel it, just tell me where it is", "just tell me where it is"),
    ("can you leave it with my neighbour at number 4", None),  # a delivery instruction
    ("no wait don't cancel it, i still want it actually", None),  # only a no: nothing else asked
])
def test_what_follows_a_dismissal(text, after):
    assert after_dismissal(text) == after


@pytest.mark.parametrize("text, called_off", [
    ("no forget it, cancel the agent", True), ("cancel my request for a person", True), ("stop the hand off", True),
    ("can I cancel the transfer? I paid twice", False), ("please don't cancel my callback", False), ("cancel my order", False),
])
def test_a_person_called_off(text, called_off):
    assert (PERSON_CALLED_OFF.search(text) is not None) is called_off


@pytest.mark.parametrize("text, kept", [
    ("wait no actualy keep it, my bro says he stil wants it lol", True), ("no, keep them", True),
    ("he still wants it after all", True), ("on second thoughts I'll keep it", True),
    ("you can keep it, just send me the money", False), ("keep it coming", False), ("cancel it", False),
])
def test_an_order_kept_after_all(text, kept):
    assert (KEEPING_IT.search(text) is not None) is kept


@pytest.mark.parametrize("text, only", [
    ("you know what, never mind, forget I asked", True), ("never mind", True), ("oh forget it then", True),
    ("no, leave it", True),
    ("never mind, where is my parcel", False), ("forget it, cancel it", False), ("where is my parcel", False),
])
def test_nothing_but_a_dismissal(text, only):
    assert nothing_but_dismissal(text) is only


@pytest.mark.parametrize("text, refused", [
    ("I don't need a person. I just need my money back.", True), ("no i dont want to talk to a human", True),
    ("I'm not asking for a manager", True), ("no i dont want to talk to anyone i just want to know when it'll ship", True),
    ("no I don't want to wait for someone, just tell me which courier has it", True),
    ("no don't bother with a person, I'll sign in and come back", True),
    ("No, I don't want to be passed to someone else. Just make a note of my complaint.", True),
    ("i dont want to be transferred", True), ("I want to be put through", False),
    ("I don't know if anyone can help", False), ("I don't want to talk to anyone else, I'll wait", False), ("get me a person", False), ("I don't need a refund", False),
])
def test_a_person_refused(text, refused):
    assert (PERSON_REFUSED.search(text) is not None) is refused


def test_a_mark_of_one_language_settles_a_short_message():
    from contracts.languages import other_language
    assert other_language("Hola, ¿aceptáis pagos con bitcoin?") == "SPANISH"
    assert other_language("where is my order?") is None
    assert other_language("wheres my trainres mate") is None
    assert other_language("jjjjjjj kk ,,,") is None  # keyboard mash, however Spanish it looks
    # greetings and letters English writers do not use, when lingua leans that way already
    assert other_language("bonjour ou est ma comande svp") == "FRENCH"
    assert other_language("salut, ça va ?") == "FRENCH"
    assert other_language("hallo, wo ist mein paket") == "GERMAN"
    assert other_language("bonjour! where is my order") is None
    assert other_language("hola where is my sofa") is None
    assert other_language("merci for the help mate") is None
    # typo'd English that lingua takes for German ("contakt"): its English words settle it
    assert other_language("hw do i contakt u") is None
    assert other_language("Ich habe im Januar eine Jacke bestellt, aber sie ist im Moment noch nicht da") == "GERMAN"


def test_a_follow_up_after_fair_enough():
    from contracts.follow_up import named_in_follow_up
    assert named_in_follow_up("fair enough. what about my trainers from you then") == "my trainers from you"


def test_the_request_for_a_person_called_off_in_so_many_words():
    assert PERSON_CALLED_OFF.search("Forget it, I've not got time to wait. Cancel my request.")
    assert PERSON_CALLED_OFF.search("can you cancel that request")
    assert not PERSON_CALLED_OFF.search("cancel my request for a refund")
    assert not PERSON_CALLED_OFF.search("did you get my request")
