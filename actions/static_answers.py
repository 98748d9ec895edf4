"""Intents answered with a fixed response ("are you a bot?", feedback), unless the customer is
clearly upset: "stupid bot, you can't even answer a simple question" or "I'll be leaving a
one-star review" wants an apology and a person, not "I'm a virtual assistant" or "thanks for
the feedback" (emotion first, see actions.actions.answer_upset); a calm complaint given as
feedback gets an apology before the thanks."""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.routing import ending_turn
from actions.actions import (Answering, about_their_own_order, anger_returned, answer_upset, current_customer, mood,
                             openly_upset_now, upset_now)


class StaticAnswer(Answering):
    response: str  # the domain response a calm customer gets

    @abstractmethod  # abstract: rasa_sdk registers every concrete Action subclass it finds
    def name(self) -> Text:
        ...

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if self.upset(tracker):
            return answer_upset(dispatcher, tracker, current_customer(tracker))
        dispatcher.utter_message(response=self.response)
        return []

    def upset(self, tracker: Tracker) -> bool:
        return upset_now(tracker)


class ActionBotChallenge(StaticAnswer):
    response = "utter_iamabot"

    def name(self) -> Text:
        return "action_bot_challenge"

    def upset(self, tracker: Tracker) -> bool:
        # "how old are you? do you ever get bored…", "what are you actually able to do then?": a
        # question about the assistant, which the sentiment model reads as strongly negative, is
        # answered; anger at the assistant shows in the words (insults, scorn, shouting) or comes back
        scorned = SCORN.search(tracker.latest_message.get("text") or "") is not None
        return scorned or openly_upset_now(tracker) or (upset_now(tracker) and anger_returned(tracker))


# "i hope your company goes bust", "are you taking the piss": ill will, never feedback to thank for
_ILL_WISHES = (r"go(?:es|ing)? (?:bust|under|bankrupt)|out of business|(?:taking|take|takin) the (?:piss|mick\w*)"
               r"|having a laugh|(?:kidding|joking) me|(?:rot|burn) in hell|go to hell")
ILL_WISHES = re.compile(rf"\b(?:{_ILL_WISHES})\b", re.IGNORECASE)

# "stupid bot cant even answer a simple question", "are you thick or something??": scorn for the
# assistant, which tone.INSULTS leaves out ("my stupid kettle" is no insult to anyone here)
SCORN = re.compile(r"\b(?:stupid|thick|dumb|daft|idiot\w*|moron\w*|brainless|hopeless|pointless|worst|bloody"
                   r"|piss(?:ed)? off|fu+c?k+\w*|f\*+\w*|effing|frigging|freaking|never (?:understand|listen)\w*"
                   r"|(?:can'?t|cant|don'?t|dont|didn'?t|didnt) (?:even )?(?:read|answer|understand|listen)"
                   r"|(?:a )?simple question|already (?:said|told)"
                   # "u r sh1t", "stfu bot", "as useful as a chocolate teapot", "you lot are criminals"
                   r"|sh[i1!*]te?|shit\w*|crap\w*|stfu|shut up|useless|rubbish|garbage|trash|muppet|clown|numpty|plonker"
                   r"|prat|twat|knob\w*|dick\w*|arse\w*|bastard|braindead|brain dead|waste of (?:space|time|oxygen)"
                   r"|chocolate teapot|criminals?|crooks?|thieves|scam\w*|hate (?:you|u)|suck|sucks|pathetic|a joke"
                   r"|do (?:you|u|ya) even|(?:are|r) (?:you|u|ya) even (?:listening|reading|trying|paying attention)|" + _ILL_WISHES + r")\b",
                   re.IGNORECASE)


# an account to close, or the customer's data to erase or see
ACCOUNT_CLOSED = re.compile(r"\b(?:delete|close|remove|deactivate|cancel|erase|wipe)\s+(?:my\s+|the\s+|our\s+)?"
                            r"(?:\w+\s+)?(?:account|profile|data|details)\b|\bdata (?:deletion|protection|subject|access)\b"
                            r"|\bgdpr\b|\bright to be forgotten\b", re.IGNORECASE)


class ActionAccountAccess(StaticAnswer):
    """Signing in and account settings. An action, not the response alone, so that "can I change
    the address on my account" is offered a person (Answering.run) like every address change;
    upset or not, the help comes first (action_offer_other_request adds empathy after it)."""
    response = "utter_account_access"

    def name(self) -> Text:
        return "action_account_access"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if ACCOUNT_CLOSED.search(tracker.latest_message.get("text") or ""):
            # "how do I delete my account": not sign-in help; our team closes accounts and erases data
            dispatcher.utter_message(text=replies.account_closure(current_customer(tracker)))
            return [SlotSet("handoff_offered", True)]
        return super().answer(dispatcher, tracker, domain)

    def upset(self, tracker: Tracker) -> bool:
        return False


# what asks for ideas to buy, not about an order ("any good trainers for running?")
SHOPPING = re.compile(r"\b(?:recommend\w*|suggest\w*|best|good|nice|ideas?|looking for|buy(?:ing)?|gift|present|which|what"
                      r"|any|options?|cheap\w*|budget|compare|vs|versus|better|similar|alternatives?|new)\b", re.IGNORECASE)


class ActionProductRecommendation(StaticAnswer):
    """Ideas to buy. An action, not the response alone, so that a signed-in customer naming a thing
    they ordered ("trainers???") is answered about that order, not given shopping tips."""
    response = "utter_product_recommendation"

    def name(self) -> Text:
        return "action_product_recommendation"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if not SHOPPING.search(tracker.latest_message.get("text") or ""):
            events = about_their_own_order(dispatcher, tracker, current_customer(tracker))
            if events is not None:
                return ending_turn(events)  # answered as an order question: nothing of the rule's left to add
        return super().answer(dispatcher, tracker, domain)

    def upset(self, tracker: Tracker) -> bool:
        return False  # the ideas come first (action_offer_other_request adds empathy after them)


class ActionFeedback(StaticAnswer):
    response = "utter_feedback_thanks"

    def name(self) -> Text:
        return "action_feedback"

    def upset(self, tracker: Tracker) -> bool:
        # "i hope your company goes bust": ill will is no feedback to thank for, whatever the model read
        return upset_now(tracker) or ILL_WISHES.search(tracker.latest_message.get("text") or "") is not None

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # a complaint given calmly is still a complaint: an apology before the thanks
        if not upset_now(tracker) and (mood(tracker).latest == "negative" or said_complaint(tracker)):
            dispatcher.utter_message(text=replies.sorry_to_hear())
        return super().answer(dispatcher, tracker, domain)


# "I want to make a complaint about your driver", "5 stars for the worst customer service I've ever
# had lol": a complaint whatever tone the words carry
COMPLAINT = re.compile(r"\bcomplain(?:t|ts|ing|ed)?\b|\b(?:worst|terrible|awful|appalling|atrocious|dreadful|shocking)\b",
                       re.IGNORECASE)


def said_complaint(tracker: Tracker) -> bool:
    return COMPLAINT.search(tracker.latest_message.get("text") or "") is not None
