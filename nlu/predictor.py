"""Turn one message into Rasa parse data: intent, ranking, entities, sentiment."""

from __future__ import annotations

import re
from typing import Any, Callable

import torch
from contracts.addresses import address_change_asked
from contracts.dismissal import KEEPING_IT, after_dismissal, nothing_but_dismissal
from contracts.languages import other_language
from contracts.remedies import replacement_chosen
from contracts.returns_policy import returns_policy_asked
from transformers import BatchEncoding

from nlu import tags as bio_tags
from nlu.asked import (asked_part, no_and_goodbye, only_waiting_it_out, payment_gone, person_declined,
                       request_dropped, resolved_itself, waiting_it_out)
from nlu.charges import unexpected_charge_said
from nlu.delivery_feedback import (courier_conduct_complained_of, damage_said, fault_not_a_wrong_item, fault_said,
                                   only_their_old_thing_broken, packaging_complained_of, part_missing, sent_not_ordered)
from nlu.elsewhere import (
    DEFAULT_OTHER_BUSINESSES, a_joke_asked, a_sum_asked, about_another_business, about_us, an_order_named,
)
from nlu.elapsed import time_complained_of
from nlu.entities import RuleExtractor, apply_synonyms, merge
from nlu.evidence import (account_said, cancelled_order_asked_about, delay_said, delivered_not_received,
                          delivered_not_received_said, due_day_passed_then_asked, late_said_outright,
                          lateness_asserted, long_wait_said, only_signing_in_said, paid_for_nothing,
                          refund_after_return_awaited, refund_came_then_where_asked, refund_for_a_return_to_come,
                          sent_back_said, without_unsaid, wrong_place_said)
from nlu.families import family_confidence
from nlu.follow_up import MISREAD_AS, follow_up_intent, how_long_it_takes
from nlu.complaints import compensation_asked, complaint_announced
from nlu.insults import assistant_scorned, company_insulted, told_where_to_go
from nlu.model import LoadedModel
from nlu.order_numbers import no_number_to_give, only_a_number_given
from nlu.order_questions import (arrival_asked, arrival_demanded, date_pressed, dispatch_asked, orders_asked_about,
                                 where_it_is_asked, where_they_are_asked_last)
from nlu.policies import change_of_mind_return, delivery_terms_only, misfit_said, size_swap_asked
from nlu.pleasantries import agreed_to_wait, asks_how_we_are, leaving_to_sign_in, plain_yes, praised, put_off, resigned
from nlu.person import (asks_about_the_assistant, asks_for_someone_to_ring, asks_how_to_write_to_us, asks_if_a_person,
                        asks_our_hours, asks_the_assistants_name, contacted_again, feedback_relayed, flirts, names_a_person,
                        person_called_off, person_demanded, person_refused)
from nlu.requests import (COURTESIES, DETAILS, EVEN_ODDS, GREETING, MAX_CLAUSES, REACTIONS, SIGN_OFFS, SURE,
                          WITHDRAWN_INTENT, Request, after_greeting, best_clause, clause_spans, declined_in_clause,
                          demand_in_anger, pick_requests, request_in_reaction, taken_back, word_cuts)
from nlu.thanks import advice_taken, just_thanks, sarcastic_thanks, thanks_the_point, tone_apologised
from nlu.spoken import written_form
from nlu.windows import window_spans

FALLBACK_INTENT = "nlu_fallback"
# "DRESS. WHERE. IS. IT.": a full stop after every word, for emphasis; the model reads a stop as the end
# of a thought, so the words are read as one sentence (a stop becomes a space: every offset stays)
_EVERY_WORD_STOPPED = re.compile(r"^\s*(?:[\w'’-]+[.!]+\s*){3,}$")
_A_STOP = re.compile(r"(?<=[\w'’-])[.!](?=[.!\s]|$)")


def unstopped(text: str) -> str:
    """`text` without the stops after each of its words when every word has one (see _EVERY_WORD_STOPPED)."""
    return _A_STOP.sub(" ", text) if _EVERY_WORD_STOPPED.match(text) else text
NEGATIVE = "negative"  # the sentiment label that outweighs the others in a long message
NEUTRAL = "neutral"
MAX_EXPLAINED_WORDS = 48
RANKING_LENGTH = 10
ELSEWHERE_INTENT = "out_of_scope"
OFF_TOPIC_FLOOR = 0.25
OFF_TOPIC_MARGIN = 2.0
DAMAGE_INTENT = "item_damaged"
WRONG_ITEM_INTENT = "wrong_item"
ACCOUNT_INTENT = "account_access"
# what "they're a size 6, I ordered a 9" is misread as (nlu.delivery_feedback.sent_not_ordered)
SENT_NOT_ORDERED_MISREAD_AS = ("product_recommendation", "order_status", "track_delivery", "out_of_scope", "item_damaged",
                               "billing_charged_twice", "give_feedback", "bot_challenge", "request_refund", "delivery_late",
                               "deny")
BILLING_INTENT = "billing_charged_twice"  # any charge not expected, twice or not
REPLACEMENT_INTENT = DAMAGE_INTENT  # a replacement is what a damaged item gets
# a person at that other company: "I just want to speak to a person at BT"
_PERSON_THERE = re.compile(r"\b(?:person|human|someone|somebody|agent|advis[oe]r)\s+(?:at|from|in)\s+(?!(?:your|you)\b)\w+",
                           re.IGNORECASE)
# a charge complained of as too much: "should be free", "more than the price on the website"
_OVERCHARGE = re.compile(r"\b(?:should|meant to|supposed to)(?: have)? be(?:en)? free|\bmore than\b|\bovercharg\w*|\bextra\b"
                         r"|\bwrong (?:price|amount)\b", re.IGNORECASE)
# a clause that names nothing it speaks of: "It hasn't come"
_NOTHING_NAMED = re.compile(r"^\W*(?:and\s+|but\s+)?(?:it|it'?s|this|that|they|nothing|the (?:email|link|code|text))\b"
                            r"(?![^.?!]*\bmy\b)",
                            re.IGNORECASE)
# the price paid, told: "You charged me £4.99 for delivery by Monday", "I was charged £39.99 last month for a toaster"
_PRICE_PAID = re.compile(r"\b(?:charged|paid|billed)(?: me| us)? £\s?\d+(?:\.\d\d)?(?: \w+){0,2} for\b", re.IGNORECASE)
# a wrong item said in a word: "wrong", "not what I ordered", "a mix-up"
_WRONG_SAID = re.compile(r"\b(?:wrong|different|instead|incorrect|not what|mix(?:ed)?[- ]?up)\b", re.IGNORECASE)
LATE_INTENT = "delivery_late"
# money coming back, in any words: "refund", "my money", "not seen a penny", "credited"
_MONEY_BACK = re.compile(r"\b(?:refund\w*|reimburs\w*|credit\w*|money|penny|pennies|bean|cash|paid back|pay(?:ing)? (?:me )?back"
                         r"|sent (?:it|them) back|returned|return|bank|statement)\b", re.IGNORECASE)
# a refund in so many words, or a cancellation that makes one: "You promised the refund by Wednesday", "money back"
_A_REFUND_SAID = re.compile(r"\brefund\w*|\bmoney back\b|\breimburs\w*|\bcredit\w*|\bback on my (?:card|account)\b|\bcancel\w*",
                            re.IGNORECASE)
# where the return went, told: "the tracking says it reached you on the 9th"
_RETURN_TRACKED = re.compile(r"\b(?:reached|received|got to|delivered (?:back )?to|arrived (?:back )?(?:with|at)) (?:you|u|your)\b"
                             r"|\btracking (?:says|shows|said)\b"
                             # "Where's my £27.50?": the money, not an order
                             r"|\bwhere(?:'?s| is) my (?:£|money|refund|cash)", re.IGNORECASE)
# something awaited, in any words: "still", "yet", "haven't", "no sign"
_AWAITED = re.compile(r"\b(?:still|yet|waiting|where(?:'?s| is)?|wheres|not|never|no sign|nothing)\b|n'?t\b", re.IGNORECASE)
# where the order is, asked in any words: "if its been sent", "the tracking link", "where is it"
_WHERE_ASKED = re.compile(r"\b(?:(?:where|were)(?:'?s| is| are) (?:my|me|the) (?:\w+ )?(?:order|oder|ordr|parcel|package|delivery)"
                          r"|been (?:sent|dispatched|shipped|posted)|on (?:its|the) way|tracking (?:link|number|info|details)"
                          r"|track (?:it|my|the))\b", re.IGNORECASE)
# …the payment told as done as expected: "card was charged fine", "My trainers were charged to my card on Monday"
_CHARGED_AS_EXPECTED = re.compile(r"\b(?:charged|paid|taken|went through)\b(?: \w+){0,3}? (?:fine|ok|okay|no problem|straight away"
                                  r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)
_TRACKING = re.compile(r"\btrack\w*", re.IGNORECASE)
# an order number given (answering the form's question: "it's ORD-20001, the kettle won't turn on" is details given)
_A_NUMBER = re.compile(r"\d{3,}")
# …and the parcel named instead: "wheres my parcel up to?"
_THE_PARCEL = re.compile(r"\b(?:parcel|package|order|delivery|item)\b", re.IGNORECASE)
REFUND_MISSING_INTENT = "refund_not_received"
WHERE_OR_WHEN = ("order_status", "track_delivery")  # what a question about delivery asks when not saying it is late
ORDER_NUMBER = re.compile(r"\bord\W?\d{3,}|\b\d{5}\b", re.IGNORECASE)  # an answer to "which order?" may ask when it comes
# what a parcel marked delivered but never come may also be asked as: money back, a person, no order at all
STILL_ABOUT_DELIVERY = ("request_refund", "refund_not_received", "speak_to_human", "cancel_order")
# a fault with the item itself: the readings a request for a replacement leaves alone (the complaint
# itself), and what packaging complained of is mistaken for
FAULT_INTENTS = frozenset({"item_damaged", "wrong_item"})
PERSON_INTENT = "speak_to_human"
ASSISTANT_INTENT = "bot_challenge"
MAX_NAME_QUESTION_WORDS = 8
MAX_SMALL_TALK_WORDS = 14
CONTACT_INTENT = "opening_hours_contact"
# intents answered with a fixed text, which cannot be about an order (an address to change is)
FIXED_ANSWER_INTENTS = (CONTACT_INTENT, "product_recommendation")
RETURN_INTENT = "request_refund"  # a return is asked for as a refund
SWAP_MISREAD_AS = ("item_damaged", "wrong_item", "out_of_scope", "nlu_fallback", "order_status", "track_delivery",
                   "delivery_late", "cancel_order")
FEEDBACK_INTENT = "give_feedback"
DETAILS_INTENT = "inform"
THANKS_INTENT = "thanks"
AGREED_INTENT = "affirm"
YES_OR_NO_INTENTS = (AGREED_INTENT, "deny")
# a message that starts as an answer to a yes/no question: "no thanks", "yeah go on", "ok"
_YES_OR_NO_FIRST = re.compile(r"^\W*(?:no|nope|nah|na|not really|not now|yes|yeah|yea|yep|yup|ye|ok|okay|k|sure|fine|go on"
                              r"|please|alright|all right|cheers|thanks|ta)\b", re.IGNORECASE)
MAX_KEPT_WORDS = 12  # "on second thoughts I'll keep it": longer messages say more, for the model to read
INSTEAD = re.compile(r"\binstead\b", re.IGNORECASE)
POSITIVE = "positive"
# readings that ask for nothing of their own: what a verbless follow-up is misread as (feedback among them)
NOT_A_REQUEST = MISREAD_AS
FAREWELL_INTENT = "goodbye"
# the requests about one order, which a message saying it has no order number may still make
ORDER_REQUESTS = frozenset({"order_status", "track_delivery", "delivery_late", "cancel_order", "request_refund",
                            "refund_not_received", "item_damaged", "wrong_item"})
# the intents that start one of our own flows: about another company, out of scope instead
OURS_TO_ANSWER = ORDER_REQUESTS | {"billing_charged_twice", "inform", "product_recommendation", "account_access",
                                   "opening_hours_contact", "give_feedback", "speak_to_human"}


def said_in_either(check: Callable[[str], bool], asked: str, tidy: str) -> bool:
    """Whether a rule's words are in what was typed or in its spell-corrected reading ("my airfryer dosnt
    work", "whats ur retrns polcy"); the corrected reading is only read when it differs."""
    return check(asked) or (tidy != asked and check(tidy))


def paid_as_expected(text: str) -> bool:
    """Whether `text` tells the payment as done as expected ("card was charged fine", "My trainers were charged to my
    card on Monday"), with no charge complained of (twice, too much)."""
    return (not unexpected_charge_said(text) and not _OVERCHARGE.search(text)
            and _CHARGED_AS_EXPECTED.search(text) is not None)


def paid_for_a_late_parcel(text: str) -> bool:
    """Whether `text` tells of a parcel late ("…said it'd be with me by Monday. Three days later and nothing, even
    though the money left my account"), with nothing sent back and no refund or cancellation said."""
    return (not sent_back_said(text) and not _A_REFUND_SAID.search(text)
            and (due_day_passed_then_asked(text) or late_said_outright(text)))


# how the item was when it came: "came like that out the box", "arrived that way"
_AS_IT_CAME = re.compile(r"^\W*(?:(?:it|and|it'?s)\s+)*(?:came|arrived|turned up|was)\s+(?:like (?:that|this)|that way|this way)"
                         r"(?:\s+(?:straight\s+)?out (?:of )?the box)?\W*$", re.IGNORECASE)


class Predictor:
    """Parses messages of any length up to the service's limit.

    A message that fits `max_tokens` is read whole. A longer one is read in windows of
    whole sentences (nlu.windows), all in one batch, and the windows' answers combine so:
    - intent and its ranking: from the window most confident of its top intent, so a
      request at the end of a long story is not drowned by the story;
    - entities: the tagger's from every window, at their offsets in the whole message
      (rule entities always run on the whole message);
    - sentiment: negative when any window reads as negative (the most negative window's
      score), since one complaint buried in a long message matters; otherwise the
      label of the windows' mean probabilities.

    A reading less sure than `SURE` gets a second one of the message tidied (`tidied`:
    spoken order numbers written out, typing slips corrected), and the surer of the two gives
    intent, requests and sentiment; entities always come from the message as sent.
    """

    def __init__(self, loaded: LoadedModel, fallback_threshold: float | None = None, max_tokens: int = 64,
                 spelling: bool = True, other_businesses: tuple[str, ...] = DEFAULT_OTHER_BUSINESSES) -> None:
        self.loaded = loaded
        self.other_businesses = tuple(other_businesses)
        self.speller = loaded.speller if spelling else None
        if fallback_threshold is None:  # the one fitted at training time on held-out data
            fallback_threshold = loaded.metadata.fallback.threshold
        self.threshold = fallback_threshold
        self.max_tokens = max_tokens
        rules = loaded.metadata.entities
        self.rules = RuleExtractor(rules.types, rules.regexes, rules.lookups)
        self.synonyms: dict[str, str] = rules.synonyms

    @property
    def version(self) -> str:
        return self.loaded.version

    @torch.inference_mode()
    def parse(self, text: str) -> dict[str, Any]:
        said, text = text, unstopped(text)
        spans, enc = self._encode(text)
        i_logits, s_logits, t_logits = self.loaded.net(enc["input_ids"], enc["attention_mask"])
        sentiment = self._sentiment(s_logits.softmax(-1))
        # the intent from what the message asks of us: without an ultimatum or what it dismissed
        # (nlu.asked), without its sentences about another shop (nlu.elsewhere)
        without_asides = asked_part(text)  # kept: a rule below reads it where `asked` falls back to the whole text
        ours = about_us(without_asides, self.other_businesses)
        asked = ours or without_asides
        ranking, requests = self._intents(text, spans, i_logits)
        if asked != text:
            a_spans, a_enc = self._encode(asked)
            a_logits, a_sentiment_logits, _ = self.loaded.net(a_enc["input_ids"], a_enc["attention_mask"])
            a_ranking, a_requests = self._intents(asked, a_spans, a_logits)
            if a_ranking[0]["name"] in self.loaded.metadata.labels.priorities or (
                    # "forget my order, who won the match": what follows the dismissal is plainly not ours
                    a_ranking[0]["name"] == ELSEWHERE_INTENT and a_ranking[0]["confidence"] >= EVEN_ODDS
                    and after_dismissal(text) is not None):
                ranking, requests = a_ranking, a_requests
                if ours is not None:
                    # "…my mum's had nothing but bother with other shops": the feeling about another shop is not
                    # about us (an ultimatum left out still counts: it is said to us)
                    sentiment = self._sentiment(a_sentiment_logits.softmax(-1))
            else:  # what is left asks nothing ("never mind, I'll keep them both"): the whole message says it
                asked = text
        # a message in another language is not understood, however sure the model is of the
        # English-looking words in it ("quiero cancelar mi pedido"): it starts no business flow
        foreign = other_language(text) is not None
        # the rules below found the message about something not ours: its feeling, shouted or scornful, is not aimed
        # at us (see ParseResponse.elsewhere)
        not_ours = False
        tidy = asked  # the words the rules below read too, typing slips corrected, when the reading was unsure
        if ranking[0]["confidence"] < SURE and not foreign:
            # an unsure reading: read it again as the model was trained to read it, with spoken
            # order numbers written out and typing slips corrected, and keep the surer reading
            tidy = self.tidied(asked)
            if tidy != asked:
                t_spans, t_enc = self._encode(tidy)
                t_intent_logits, t_sentiment_logits, _ = self.loaded.net(t_enc["input_ids"], t_enc["attention_mask"])
                t_ranking, t_requests = self._intents(tidy, t_spans, t_intent_logits)
                if t_ranking[0]["confidence"] > ranking[0]["confidence"] or self._request_uncovered(ranking, t_ranking):
                    # the requests' spans are in the tidied text
                    ranking, requests = t_ranking, t_requests
                    if asked == text:  # the words left out may be what carries the feeling
                        sentiment = self._sentiment(t_sentiment_logits.softmax(-1))
        ranking, requests = self._clauses_reread(ranking, requests, asked)
        # words that decide whatever the model read: another company's business, everyday life that is nobody's
        # order, or a sum to work out (nlu.elsewhere); a person asked for outright or called off (nlu.person); a
        # request dropped in so many words (contracts.dismissal); the company scorned rather than the bot
        # (nlu.insults), or told where to go; a complaint announced before it is told, or compensation asked
        # (nlu.complaints); the assistant flirted with, its name or its life asked, our phone line asked for rather
        # than a person now, feedback to pass on (nlu.person); an order number given again or none to give
        # (nlu.order_numbers); the packaging or the courier's conduct complained of, or damage said in so many
        # words (nlu.delivery_feedback); thanks for nothing, thanks alone, an apology for the customer's own tone
        # and advice taken with thanks (nlu.thanks); how long it has been (nlu.elapsed); how returns work
        # (contracts.returns_policy), a size swap, the delivery terms alone (nlu.policies); a verbless follow-up
        # (nlu.follow_up); a request dropped without a goodbye (nlu.asked); a question about delivery that does
        # not say it is late, a question about a cancellation never made (nlu.evidence); a polite no to wait
        # instead or to the person offered, a problem gone away by itself (nlu.asked); a replacement chosen
        # (contracts.remedies)
        if about_another_business(asked, self.other_businesses) and not (
                person_demanded(asked) and not _PERSON_THERE.search(asked)):
            # (a person asked for after an aside stays asked for: "My broadband provider had me on hold for an hour
            # yesterday, so I'm braced for anything. Could you put me through to an advisor")
            ranking, requests = self._elsewhere(ranking, requests, asked)
            not_ours = True
            # "sorry wrong chat, meant to text my husband": the "sorry" is an apology, not anger; "how long do
            # you cook chips for? mine keep coming out soggy" asks for help, not a complaint; nor is the landlord
            # who won't fix the boiler, or british gas's bill, a complaint to us (insults still count: actions.tone)
            sentiment = self._calm(sentiment)
        elif (a_sum_asked(asked) and not self._surely_a_request(ranking)
              or a_joke_asked(asked) and (not self._surely_an_order_request(ranking) or not an_order_named(asked))
              ) and not requests:
            # "quick one, what's 17 times 23?": off-topic, and no complaint whatever "times" sounds like; nor is a
            # long week told before a joke asked, with no order named, a fault ("the car failed its MOT"); nor is
            # "can bots even tell jokes? make me laugh" a question about the assistant, a person asked for or a
            # complaint
            ranking = self._ruled(ranking, ELSEWHERE_INTENT)
            not_ours = True
            sentiment = self._calm(sentiment)
        elif person_demanded(asked) and not asks_for_someone_to_ring(asked):
            ranking, requests = self._ruled(ranking, PERSON_INTENT), []
        elif person_called_off(asked):
            ranking, requests = self._ruled(ranking, WITHDRAWN_INTENT), []
        elif nothing_but_dismissal(text):
            # "you know what, never mind, forget I asked": a no to what was going on, however the model read it
            ranking, requests = self._ruled(ranking, WITHDRAWN_INTENT), []
        elif told_where_to_go(asked) and not requests:
            # "piss off", "stfu bot": anger with nothing asked, not a goodbye to wish a lovely day (nlu.insults)
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif (company_insulted(text) or assistant_scorned(asked) and not damage_said(asked) and not fault_said(asked)
              ) and not requests and (
                ranking[0]["name"] in (ASSISTANT_INTENT, WITHDRAWN_INTENT, ELSEWHERE_INTENT, FEEDBACK_INTENT)
                or self.sure_enough(ranking) < self.threshold):
            # "wtf is wrong with you people", "WHAT A JOKE OF A COMPANY": the company scorned, not the bot
            # asked about, or the bot scorned ("u r useless"): feedback, and negative (nlu.insults); said around
            # nothing sure ("you lot are a bunch of clowns, i want to make a complaint"), the scorn is what is said
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif complaint_announced(asked) and not requests and (
                ranking[0]["name"] in (ASSISTANT_INTENT, ELSEWHERE_INTENT, FEEDBACK_INTENT, CONTACT_INTENT, GREETING,
                                       FAREWELL_INTENT)
                or self.sure_enough(ranking) < self.threshold):
            # "I want to make a complaint", with nothing told yet: a complaint to hear, negative feedback (answered
            # with empathy and a person offered), not our contact details or "rephrase" (nlu.complaints)
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif compensation_asked(asked) and not requests and (
                ranking[0]["name"] in (RETURN_INTENT, "cancel_order", ASSISTANT_INTENT, WITHDRAWN_INTENT, ELSEWHERE_INTENT,
                                       FEEDBACK_INTENT, CONTACT_INTENT)
                or self.sure_enough(ranking) < self.threshold):
            # "I want compensation for the time I've wasted", "can I get some money off for the delay?": a goodwill
            # payment our team decides, not the order's refund: negative feedback, a person offered (nlu.complaints)
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif ((asks_the_assistants_name(asked) or asks_if_a_person(asked) or flirts(asked)) and not requests
              and len(asked.split()) <= MAX_NAME_QUESTION_WORDS):
            # only when that is all the message asks: "what's your name? also where is ORD-10001" is two requests
            ranking, requests = self._ruled(ranking, ASSISTANT_INTENT), []
        elif (asks_about_the_assistant(asked) and not requests and len(asked.split()) <= MAX_SMALL_TALK_WORDS
              and not self._surely_a_request(ranking)):
            # "my sofa is late, what can you do?" asks about the sofa
            ranking, requests = self._ruled(ranking, ASSISTANT_INTENT), []
        elif ranking[0]["name"] == PERSON_INTENT and person_refused(asked):
            # "I don't need a person, I just need it to actually turn up": the model's next reading
            ranking = [r for r in ranking if r["name"] != PERSON_INTENT]
            requests = [r for r in requests if r["intent"] != PERSON_INTENT]
            if self.sure_enough(ranking) < self.threshold:
                ranking = self._ruled(ranking, WITHDRAWN_INTENT)  # no reading of the rest: a no to the person
        elif feedback_relayed(asked) and (ranking[0]["name"] == PERSON_INTENT
                                          or not requests and not self._surely_a_request(ranking)):
            # "…he carried the box in for my nan. Please pass that on to whoever.", "Just wanted to say
            # thanks to whoever packed it so well": feedback to hand on
            ranking, requests = self._ruled(ranking, FEEDBACK_INTENT), []
        elif ranking[0]["name"] == PERSON_INTENT and asks_for_someone_to_ring(asked):
            ranking, requests = self._ruled(ranking, CONTACT_INTENT), []
        elif asks_how_to_write_to_us(asked) and not requests and (
                ranking[0]["name"] == ELSEWHERE_INTENT or self.sure_enough(ranking) < self.threshold):
            # "I would much rather write a proper letter… Is there an address I can write to you at?": how to
            # reach us, which the model reads as off-topic (nlu.person)
            ranking, requests = self._ruled(ranking, CONTACT_INTENT), []
        elif ranking[0]["name"] == CONTACT_INTENT and contacted_again(asked) and FEEDBACK_INTENT in self.loaded.intents:
            # "this is the third time I have had to contact you and I am absolutely furious": anger at having to come
            # back, not a question about how to reach us (nlu.person)
            ranking, requests = self._ruled(ranking, FEEDBACK_INTENT), []
            sentiment = self._complaint(sentiment)
        elif asks_our_hours(asked) and not requests and (
                ranking[0]["name"] == ELSEWHERE_INTENT or self.sure_enough(ranking) < self.threshold):
            # "what time does your team finish today anyway": our hours, with no "opening" said (nlu.person)
            ranking, requests = self._ruled(ranking, CONTACT_INTENT), []
        elif only_a_number_given(asked):
            # "sorry typo, 20001": the number for the request already made
            ranking, requests = self._ruled(ranking, DETAILS_INTENT), []
        elif (no_number_to_give(asked) and not requests and not self._surely_an_order_request(ranking)
              and not said_in_either(arrival_asked, asked, tidy) and not where_it_is_asked(asked)):
            # (nor "didnt get any text or email about it, wheres my parcel has it been sent out": where it is, asked)
            # ("i want to cancel an order but i dont have the order number" is the cancellation)
            # "I don't have the number on me, I deleted the email": a no to the question, not an account problem
            ranking = self._ruled(ranking, WITHDRAWN_INTENT)
        elif (KEEPING_IT.search(asked) and len(asked.split()) <= MAX_KEPT_WORDS and not requests
              and ranking[0]["name"] not in self.loaded.metadata.labels.priorities and not INSTEAD.search(asked)):
            # (read as a request, or asking for one instead, it asks for it: "keep that, do the sofa instead")
            # "hmm, on second thoughts I'll keep it actually": a no to the cancellation, not off-topic
            ranking = self._ruled(ranking, WITHDRAWN_INTENT)
        elif not requests and (
                packaging_complained_of(asked) and ranking[0]["name"] in (*FAULT_INTENTS, ELSEWHERE_INTENT, FEEDBACK_INTENT)
                or courier_conduct_complained_of(asked) and (
                    ranking[0]["name"] in (WITHDRAWN_INTENT, ASSISTANT_INTENT, ELSEWHERE_INTENT, FEEDBACK_INTENT)
                    or self.sure_enough(ranking) < self.threshold)):
            # "came in a huge box stuffed with plastic air pillows", "the evri guy was so rude": how it
            # came, not a fault with the order (nlu.delivery_feedback)
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif not requests and (damage_said(asked) or part_missing(asked) or said_in_either(fault_said, asked, tidy)) and (
                ranking[0]["name"] not in FAULT_INTENTS or self.sure_enough(ranking) < self.threshold) and (
                ranking[0]["name"] == ELSEWHERE_INTENT
                or ranking[0]["name"] == LATE_INTENT and (ranking[0]["confidence"] < EVEN_ODDS or not lateness_asserted(asked))
                or ranking[0]["name"] in FIXED_ANSWER_INTENTS and ranking[0]["confidence"] < EVEN_ODDS
                or ranking[0]["name"] == ACCOUNT_INTENT and not account_said(asked)
                or ranking[0]["name"] == FEEDBACK_INTENT and sentiment["label"] == NEGATIVE
                or self.sure_enough(ranking) < self.threshold):
            # "this air fryer is absolute garbage, turned up in bits, sort it out": damage said in so many
            # words (nlu.delivery_feedback), which the model read as venting, off-topic, a guess at lateness (or lateness
            # without a word of it: "My kettle packed in after a month and nobody has answered my email"), a guess at a
            # fixed answer, account help with no word of an account ("I bought a kettle… as a present for my mum. She
            # says the switch doesn't click on") or nothing sure
            ranking = self._ruled(ranking, DAMAGE_INTENT)
            sentiment = self._complaint(sentiment)
        elif (unexpected_charge_said(asked)
              and {r["intent"] for r in requests} <= {RETURN_INTENT, BILLING_INTENT}
              and (ranking[0]["name"] in (RETURN_INTENT, "cancel_order", "refund_not_received", ELSEWHERE_INTENT,
                                          FALLBACK_INTENT, FEEDBACK_INTENT)
                   or self.sure_enough(ranking) < self.threshold)):
            # "You've billed me for an order I cancelled", "paid twice for the same order, please refund one of
            # them": a charge the customer did not expect, whatever refund it asks (nlu.charges)
            ranking, requests = self._ruled(ranking, BILLING_INTENT), []
            sentiment = self._complaint(sentiment)
        elif (delay_said(asked) and not requests and LATE_INTENT in self.loaded.intents
              and (ranking[0]["name"] in (ELSEWHERE_INTENT, LATE_INTENT) or self.sure_enough(ranking) < self.threshold)):
            # "That's the second time it's been pushed back. Quite annoying to be honest.", read as off-topic or
            # unsure: a late delivery (nlu.evidence)
            ranking = self._ruled(ranking, LATE_INTENT)
        elif (sent_not_ordered(asked) and {r["intent"] for r in requests} <= {*FAULT_INTENTS, RETURN_INTENT}
              and (ranking[0]["name"] in (*SENT_NOT_ORDERED_MISREAD_AS, WRONG_ITEM_INTENT)
                   or self.sure_enough(ranking) < self.threshold)
              and not (ranking[0]["name"] == DAMAGE_INTENT and (damage_said(asked) or fault_said(asked)))):
            # "what kind of clowns send a blue jumper when i ordered a red one", "they're a size 6, I ordered a 9": a
            # wrong item said in so many words, which the model read as a product question, the order's status or
            # damage with no word of it, or read unsure enough for a later rule to take it for something else ("I'm
            # not happy. I clearly ordered the black air fryer and a white one arrived…": no complaint of our time)
            # (nlu.delivery_feedback)
            ranking, requests = self._ruled(ranking, WRONG_ITEM_INTENT), []
        elif (ranking[0]["name"] == BILLING_INTENT and not requests and not unexpected_charge_said(asked)
              and _PRICE_PAID.search(asked) and not _OVERCHARGE.search(asked)
              and (late_said_outright(asked) or damage_said(asked) or fault_said(asked) or sent_not_ordered(asked))):
            # "You charged me £4.99 for delivery by Monday. It's Thursday. Still not here.", "I was charged £39.99 last
            # month for a toaster… it stopped working": what was paid, told before what went wrong with it
            ranking = self._ruled(ranking, LATE_INTENT if late_said_outright(asked) else
                                  WRONG_ITEM_INTENT if sent_not_ordered(asked) else DAMAGE_INTENT)
            sentiment = self._complaint(sentiment)
        elif ranking[0]["name"] == BILLING_INTENT and not requests and _WHERE_ASKED.search(asked) and paid_as_expected(asked):
            # "card was charged fine so just wondering if its been sent", "My trainers were charged to my card on
            # Monday… Can you give me the tracking link please?": the payment told as done, where the order is asked
            ranking = self._ruled(ranking, "track_delivery" if _TRACKING.search(asked) else WHERE_OR_WHEN[0])
        elif (ranking[0]["name"] == REFUND_MISSING_INTENT and not requests and paid_for_a_late_parcel(asked)
              and LATE_INTENT in self.loaded.intents):
            # "order confirmation said it'd be with me by Monday. Three days later and nothing, even though the money
            # left my account straight away": the money paid for a parcel late, no refund
            ranking = self._ruled(ranking, LATE_INTENT)
            sentiment = self._complaint(sentiment)
        elif (ranking[0]["name"] in (LATE_INTENT, *WHERE_OR_WHEN, REFUND_MISSING_INTENT, RETURN_INTENT) and not requests
              and only_signing_in_said(asked) and ACCOUNT_INTENT in self.loaded.intents):
            # "I've forgotten my password. I've asked for the reset email… It hasn't come": no parcel late; nor is
            # "trying to login so i can see my refund histroy but it says incorect password" a refund missing
            ranking = self._ruled(ranking, ACCOUNT_INTENT)
        elif (said_in_either(refund_after_return_awaited, asked, tidy) and not requests
              and ranking[0]["name"] != REFUND_MISSING_INTENT
              and (ranking[0]["name"] in (LATE_INTENT, ACCOUNT_INTENT, FEEDBACK_INTENT, WITHDRAWN_INTENT, *WHERE_OR_WHEN,
                                          RETURN_INTENT, "cancel_order", ELSEWHERE_INTENT, *FAULT_INTENTS)
                   or self.sure_enough(ranking) < self.threshold) and REFUND_MISSING_INTENT in self.loaded.intents):
            # "The headphones went back over a month ago and I've not had a bean": the money back missing, however the
            # model read the wait or the empty account (nlu.evidence)
            ranking = self._ruled(ranking, REFUND_MISSING_INTENT)
            sentiment = self._complaint(sentiment)
        elif (ranking[0]["name"] == REFUND_MISSING_INTENT and not requests and where_it_is_asked(asked)
              and _THE_PARCEL.search(asked) and not _MONEY_BACK.search(asked)):
            # "orderd a few days back and paid strait away. havent had an email since. wheres my parcel up to?": the
            # order paid for is missing, no money back
            ranking = self._ruled(ranking, WHERE_OR_WHEN[0])
        elif (ranking[0]["name"] == REFUND_MISSING_INTENT and not requests and fault_said(asked)
              and not sent_back_said(asked) and not _AWAITED.search(asked) and RETURN_INTENT in self.loaded.intents):
            # "Hi. Toaster died already. Refund?": a refund asked for a fault, none awaited
            ranking = self._ruled(ranking, RETURN_INTENT)
        elif ((ranking[0]["name"] == DETAILS_INTENT or self.sure_enough(ranking) < self.threshold) and not requests
              and said_in_either(fault_said, asked, tidy) and not _A_NUMBER.search(asked)
              and DAMAGE_INTENT in self.loaded.intents):
            # "My new headphones only play out of the left ear. I've tried them on my phone and my laptop…": a fault
            # told as a story, which the model read as details given or could not place (nlu.delivery_feedback)
            ranking = self._ruled(ranking, DAMAGE_INTENT)
            sentiment = self._complaint(sentiment)
        elif (ranking[0]["name"] == REFUND_MISSING_INTENT and not requests and refund_for_a_return_to_come(asked)
              and RETURN_INTENT in self.loaded.intents):
            # "…stopped working. I'd expect a full refund when I send it back.": a refund asked for, none awaited
            ranking = self._ruled(ranking, RETURN_INTENT)
        elif (ranking[0]["name"] == DAMAGE_INTENT and only_their_old_thing_broken(asked)
              and (said_in_either(arrival_asked, asked, tidy) or dispatch_asked(asked))):
            # "My last kettle broke so I ordered a new one from you. Has it been dispatched yet?": the old one's
            # fault is why they ordered; the question is where the new one is (nlu.delivery_feedback)
            ranking, requests = self._ruled(ranking, WHERE_OR_WHEN[0]), []
        elif ranking[0]["name"] == WRONG_ITEM_INTENT and not requests and fault_not_a_wrong_item(asked):
            # "I received the air fryer. It doesn't heat up. Can I get a replacement?": a fault, with nothing said
            # of a wrong item (nlu.delivery_feedback)
            ranking = self._ruled(ranking, DAMAGE_INTENT)
        elif sarcastic_thanks(asked):
            # "cheers for nothing": feedback, and negative whatever the thank-you word made of it
            ranking, requests = self._ruled(ranking, FEEDBACK_INTENT), []
            sentiment = self._complaint(sentiment)
        elif leaving_to_sign_in(asked):
            # "I'll sign in and come back": goodbye for now, not an account problem
            ranking, requests = self._ruled(ranking, FAREWELL_INTENT), []
        elif resigned(asked):
            # "fine whatever", "oh well": a grudging no to anything more, not off-topic or a greeting (nlu.pleasantries)
            ranking, requests = self._ruled(ranking, WITHDRAWN_INTENT), []
        elif agreed_to_wait(asked):
            # "ok i'll wait", "no worries, I'll hang on. thanks": a yes to waiting (nlu.pleasantries)
            ranking, requests = self._ruled(ranking, AGREED_INTENT), []
        elif put_off(asked):
            # "I'll hold off for now", "maybe later": a polite no, not a goodbye (nlu.pleasantries)
            ranking, requests = self._ruled(ranking, WITHDRAWN_INTENT), []
        elif plain_yes(text):
            # "👍", "ok then": a yes, not something off-topic or a goodbye
            ranking, requests = self._ruled(ranking, AGREED_INTENT), []
        elif just_thanks(asked) and ranking[0]["name"] != THANKS_INTENT:
            # "ok ta", "sick ta x": a thank-you, not a goodbye or something off-topic
            ranking, requests = self._ruled(ranking, THANKS_INTENT), []
        elif tone_apologised(asked):
            # "cheers. sorry for the swearing, been waiting since 7am": thanks, and no anger (nlu.thanks)
            ranking, requests = self._ruled(ranking, THANKS_INTENT), []
            sentiment = self._calm(sentiment)
        elif (thanks_the_point(asked) and not requests and sentiment["label"] != NEGATIVE
              and ranking[0]["name"] not in (THANKS_INTENT, FEEDBACK_INTENT)):
            # "Got my order today. Everything was perfect. Just wanted to say thanks.": praise to pass on, not a
            # question about the order (nlu.thanks)
            ranking, requests = self._ruled(ranking, FEEDBACK_INTENT), []
        elif advice_taken(asked) and not requests and self.sure_enough(ranking) < self.threshold:
            # "ah right ok ill try that when i get to the office, cheers": thanks (nlu.thanks)
            ranking, requests = self._ruled(ranking, THANKS_INTENT), []
        elif praised(asked) and sentiment["label"] == POSITIVE and not requests and not self._surely_a_request(ranking):
            # "lol your actually quite good at this": praise, answered as thanks
            ranking = self._ruled(ranking, THANKS_INTENT)
        elif asks_how_we_are(asked):
            # "how are you doing today?": a greeting, not a question about our hours
            ranking, requests = self._ruled(ranking, GREETING), []
        elif time_complained_of(asked) and not requests and not self._surely_a_request(ranking):
            # "it's been way more than 5 days and I'm not happy": the last answer was not good enough
            ranking = self._ruled(ranking, FEEDBACK_INTENT)
            sentiment = self._complaint(sentiment)
        elif address_change_asked(asked) and ranking[0]["name"] in FIXED_ANSWER_INTENTS:
            # "Could it go to my work address instead?", read as a question about contacting us: about the
            # order, whose answer offers a person who can change the address (actions.actions.address_change_asked)
            ranking = self._ruled(ranking, WHERE_OR_WHEN[0])
        elif (ranking[0]["name"] == DETAILS_INTENT and not requests and said_in_either(arrival_asked, asked, tidy)
              and not ORDER_NUMBER.search(asked)
              or ranking[0]["name"] in (ELSEWHERE_INTENT, FALLBACK_INTENT) and (orders_asked_about(asked)
                                                                                 or date_pressed(asked))
              or ranking[0]["name"] in (ELSEWHERE_INTENT, FALLBACK_INTENT, FEEDBACK_INTENT) and not requests
              and arrival_demanded(without_asides)):
            # "hello, the ordr with DPD, wen it arive?", read as details given; "Are you able to see what I've
            # ordered…?", read as off-topic; "my dress better turn up today or im doing a chargeback", read as
            # feedback: questions about the order (nlu.order_questions)
            ranking, requests = self._ruled(ranking, WHERE_OR_WHEN[0]), []
        elif ranking[0]["name"] in (ELSEWHERE_INTENT, FALLBACK_INTENT) and cancelled_order_asked_about(asked):
            # "I got an email saying my order was cancelled but I didn't cancel it. Can you explain?": no
            # cancellation to make (nlu.evidence), and a question about the order
            ranking = self._ruled(ranking, WHERE_OR_WHEN[0])
        elif ranking[0]["name"] == CONTACT_INTENT and said_in_either(delivery_terms_only, asked, tidy):
            # "do u do next day delivry", read as a question about contacting us: off-topic for the model, whose
            # answer gives the delivery terms (actions.actions.delivery_question_answered)
            ranking = self._ruled(ranking, ELSEWHERE_INTENT)
        elif size_swap_asked(asked) and ranking[0]["name"] in SWAP_MISREAD_AS:
            # "Can I exchange it for a bigger size?": a return of the customer's own choosing (nlu.policies)
            ranking, requests = self._ruled(ranking, RETURN_INTENT), []
        elif (said_in_either(misfit_said, asked, tidy) and not requests and RETURN_INTENT in self.loaded.intents
              and (ranking[0]["name"] in (DAMAGE_INTENT, WITHDRAWN_INTENT, ELSEWHERE_INTENT)
                   or self.sure_enough(ranking) < self.threshold)):
            # "i wont my muny bak 4 the jumpr i bort, it dusnt fit", "the dress is too small": a return of the
            # customer's own choosing, not damage or a no (nlu.policies)
            ranking = self._ruled(ranking, RETURN_INTENT)
        elif ((ranking[0]["name"] in (WRONG_ITEM_INTENT, ELSEWHERE_INTENT) or self.sure_enough(ranking) < self.threshold)
              and said_in_either(wrong_place_said, asked, tidy) and not sent_not_ordered(asked)
              and WHERE_OR_WHEN[0] in self.loaded.intents):
            # "parcel was left wiv the wrong nieghbour, can u tell me were it is": where the parcel went, not a wrong
            # item (nlu.evidence)
            ranking, requests = self._ruled(ranking, WHERE_OR_WHEN[0]), []
        elif ranking[0]["name"] == REFUND_MISSING_INTENT and refund_came_then_where_asked(asked) and not requests:
            # "…the refund came through. This is a completely separate thing though. Where are my running trainers?":
            # the refund is the story, where the order is the question (nlu.evidence)
            ranking = self._ruled(ranking, WHERE_OR_WHEN[0])
        elif (change_of_mind_return(asked) and ranking[0]["name"] in FAULT_INTENTS
              and RETURN_INTENT in self.loaded.intents):
            # "he's decided he doesn't like the colour… I'd like my money back please": a return of their own choosing,
            # not a wrong item (nlu.policies)
            ranking, requests = self._ruled(ranking, RETURN_INTENT), []
        elif said_in_either(returns_policy_asked, asked, tidy) and not requests and not self._surely_a_request(ranking):
            # "what's your returns policy?", read as off-topic or unsure: the first step of a return (contracts.returns_policy)
            ranking = self._ruled(ranking, RETURN_INTENT)
        elif (asked_again := follow_up_intent(ranking, asked, self.loaded.intents)) is not None:
            # "and the other one?", "Thanks. And the trainers?": the same kind of question about another thing
            ranking, requests = self._ruled(ranking, asked_again), []
        elif ranking[0]["name"] == WITHDRAWN_INTENT and no_and_goodbye(text):
            ranking, requests = self._ruled(ranking, FAREWELL_INTENT), []
        elif (ranking[0]["name"] == FAREWELL_INTENT or not requests and self.sure_enough(ranking) < self.threshold
              ) and request_dropped(text):
            # "forget it i dont want to wait anymore": a no, whether read as a goodbye or not at all
            ranking, requests = self._ruled(ranking, WITHDRAWN_INTENT), []
        elif (ranking[0]["name"] == LATE_INTENT and not lateness_asserted(asked) and not waiting_it_out(asked)
              and not (due_day_passed_then_asked(asked) and sentiment["label"] == NEGATIVE)
              and {r["intent"] for r in requests} <= {*WHERE_OR_WHEN, LATE_INTENT}
              and (asked_when := next((r["name"] for r in ranking if r["name"] in WHERE_OR_WHEN), None)) is not None):
            # "will it actually come before 6 cos ive got pick up then swimming", "no sign of my package,
            # where is it", "did my air fryer get delivered ok, i was out the day it was due": where or when
            # it is, asked without saying it is late, not a complaint that it is late (nlu.evidence)
            ranking, requests = self._ruled(ranking, asked_when, floor=0.0), []
        elif (delivered_not_received(asked) and not requests and LATE_INTENT in self.loaded.intents
              and (ranking[0]["name"] not in (LATE_INTENT, *WHERE_OR_WHEN, *STILL_ABOUT_DELIVERY)
                   or ranking[0]["name"] in WHERE_OR_WHEN and delivered_not_received_said(asked))):
            # "I got an email saying they were delivered but they weren't. I've checked with neighbours. What
            # now?": a parcel that never came, not feedback or a wrong item (nlu.evidence); said without a question
            # ("Package says delivered but there's nothing here"), not a question of where it is either
            ranking = self._ruled(ranking, LATE_INTENT)
            sentiment = self._complaint(sentiment)
        elif (paid_for_nothing(asked) and not requests and LATE_INTENT in self.loaded.intents
              and ranking[0]["name"] not in (LATE_INTENT, *WHERE_OR_WHEN)):
            # "SCAMMERS. took my money and sent NOTHING": an order paid for that never came, not a refund
            # missing or a charge (nlu.evidence)
            ranking = self._ruled(ranking, LATE_INTENT)
            sentiment = self._complaint(sentiment)
        elif ((ranking[0]["name"] in WHERE_OR_WHEN
               and (late_said_outright(asked) or due_day_passed_then_asked(asked) and sentiment["label"] == NEGATIVE)
               # "said by monday. it's thursday. shocking", read as details given or as feedback
               # (and "It's been nearly a month. A MONTH. For a rug.": weeks waited, said unhappily)
               or ranking[0]["name"] in (DETAILS_INTENT, FEEDBACK_INTENT)
               and (due_day_passed_then_asked(asked) or late_said_outright(asked))
               and sentiment["label"] == NEGATIVE and not only_a_number_given(asked))
              and LATE_INTENT in self.loaded.intents
              and {r["intent"] for r in requests} <= {*WHERE_OR_WHEN, LATE_INTENT}):
            # "paid for guaranteed saturday delivery… it's now tuesday. party's been and gone": the due day
            # passed, said rather than asked (or said, then asked, unhappily: "It's Saturday. Where is it? Really not
            # impressed."), is a late delivery; so are "I was told it would come today but it
            # hasn't" and "I've been waiting THREE WEEKS for my parcel" (nlu.evidence)
            ranking, requests = self._ruled(ranking, LATE_INTENT), []
            sentiment = self._complaint(sentiment)
        elif ((waiting_it_out(asked) or person_declined(text)) and not requests and not self._surely_a_request(ranking)
              or only_waiting_it_out(text)):
            # "nah you're alright, I'll see if it shows up on monday", "nah, no need for a person, just make
            # sure it actually turns up this week": a polite no (nlu.asked)
            ranking = self._ruled(ranking, WITHDRAWN_INTENT)
        elif resolved_itself(asked) and not requests and (not self._surely_a_request(ranking) or payment_gone(asked)):
            # "…just disappeared from my banking app. false alarm, sorry!": nothing left to do, and no anger
            ranking = self._ruled(ranking, WITHDRAWN_INTENT)
            sentiment = self._calm(sentiment)
        elif (ranking[0]["name"] == FEEDBACK_INTENT and not requests and where_they_are_asked_last(asked)
              and not company_insulted(text)):
            # "Love paying extra for 'fast' delivery and then watching my trainers go precisely nowhere. Brilliant.
            # Where are they then?": the feeling first, then the question, which is what is asked
            asked_where = LATE_INTENT if lateness_asserted(asked) else WHERE_OR_WHEN[0]
            ranking = self._ruled(ranking, asked_where)
            sentiment = self._complaint(sentiment)
        elif replacement_chosen(asked) and not size_swap_asked(asked) and not only_their_old_thing_broken(asked):
            # (a swap of size is a return; "I dropped my phone… ordered a new case… for the replacement" is their own)
            kept = ranking[0]["name"] if ranking[0]["name"] in FAULT_INTENTS else REPLACEMENT_INTENT
            ranking, requests = self._ruled(ranking, kept), []
        if (ranking[0]["name"] == RETURN_INTENT and sentiment["label"] != NEGATIVE
                and (damage_said(asked) or said_in_either(fault_said, asked, tidy))):
            # "…it tripped the electrics in the whole house. The plug is now scorched. I'd like a full refund please.":
            # a refund asked calmly for a fault is still a complaint, answered with an apology
            sentiment = self._complaint(sentiment)
        if sarcastic_thanks(text) and sentiment["label"] != NEGATIVE:
            # "thanks a lot for wasting my time. where is my sofa": the request is read without the sarcasm
            # (nlu.asked), whose anger stays
            sentiment = self._complaint(sentiment)
        if self.sure_enough(ranking) < self.threshold and not foreign and self._plainly_off_topic(ranking):
            # "should i buy bitcoin now or wait for it to drop": nothing of ours, said so rather than "rephrase"
            ranking = self._ruled(ranking, ELSEWHERE_INTENT, floor=self.threshold)
        # "how long does it normally take?", read as our opening hours: a question about what was just
        # discussed, which only the dialogue can place (actions.actions.question_about_the_order)
        unplaced = ranking[0]["name"] == CONTACT_INTENT and how_long_it_takes(asked)
        intent = dict(ranking[0])
        if self.sure_enough(ranking) < self.threshold or foreign or unplaced:
            # Same shape as Rasa's FallbackClassifier, so stock fallback rules apply.
            intent = {"name": FALLBACK_INTENT, "confidence": self.threshold}
            ranking = [intent, *ranking]
            requests = [] if foreign else requests
        model_spans = [
            found
            for row, (start, _) in enumerate(spans)
            for found in bio_tags.decode(text, [[s + start, e + start] for s, e in enc["offset_mapping"][row].tolist()],
                                         t_logits[row], self.loaded.tags)
        ]
        return {
            "text": said,
            "intent": intent,
            "intent_ranking": ranking,
            "entities": apply_synonyms(merge(self.rules.extract(text), model_spans), self.synonyms),
            "sentiment": sentiment,
            "requests": requests,
            "elsewhere": not_ours and intent["name"] == ELSEWHERE_INTENT,
            "model": self.version,
        }

    def _request_uncovered(self, typed: list[dict[str, Any]], tidy: list[dict[str, Any]]) -> bool:
        """Whether correcting the slips turned a reaction into a request ("can i send the kettel bak?
        its to noisy" read as off-topic, "…the kettle back?…" as a return): typos make a request look
        like something we do not do, and the request read at even odds or better is what was asked."""
        priorities = self.loaded.metadata.labels.priorities
        return (typed[0]["name"] in REACTIONS and tidy[0]["name"] in priorities
                and tidy[0]["confidence"] >= EVEN_ODDS)

    def _plainly_off_topic(self, ranking: list[dict[str, Any]]) -> bool:
        """Whether an unsure reading is still plainly off-topic: out of scope first, at
        OFF_TOPIC_FLOOR or more, and at least OFF_TOPIC_MARGIN times as likely as the next."""
        top, second = ranking[0], (ranking[1]["confidence"] if len(ranking) > 1 else 0.0)
        return (top["name"] == ELSEWHERE_INTENT and top["confidence"] >= OFF_TOPIC_FLOOR
                and top["confidence"] >= OFF_TOPIC_MARGIN * second)

    def _surely_an_order_request(self, ranking: list[dict[str, Any]]) -> bool:
        """Whether the model read a request about an order at even odds or better."""
        return ranking[0]["name"] in ORDER_REQUESTS and ranking[0]["confidence"] >= EVEN_ODDS

    def _surely_a_request(self, ranking: list[dict[str, Any]]) -> bool:
        """Whether the model read a request of ours at even odds or better."""
        return ranking[0]["name"] not in NOT_A_REQUEST and ranking[0]["confidence"] >= EVEN_ODDS

    def _complaint(self, sentiment: dict[str, Any]) -> dict[str, Any]:
        """The sentiment of a message the rules read as a complaint: negative, and clearly so."""
        return self._clearly(sentiment, NEGATIVE)

    def _calm(self, sentiment: dict[str, Any]) -> dict[str, Any]:
        """The sentiment of a message the rules read as no complaint at all: neutral, and clearly so."""
        return self._clearly(sentiment, NEUTRAL)

    def _clearly(self, sentiment: dict[str, Any], label: str) -> dict[str, Any]:
        """`label` at SURE or more (a model without that label keeps its own reading)."""
        if label not in self.loaded.sentiments:
            return sentiment
        return {"label": label, "score": max(SURE, sentiment["score"] if sentiment["label"] == label else 0.0)}

    def sure_enough(self, ranking: list[dict[str, Any]]) -> float:
        """What the fallback threshold is compared with: the top intent's probability with its
        family's (nlu.families)."""
        families = self.loaded.metadata.labels.families
        return family_confidence(((r["name"], r["confidence"]) for r in ranking), families)

    def tidied(self, text: str) -> str:
        """The English message with spelt-out letters and spoken digits written ("o r d four
        zero..." → "ord40...", nlu.spoken) and, with a speller, typing slips corrected (nlu.spelling)."""
        written = written_form(text)
        tidy = written.text if written is not None else text
        return self.speller.correct_english(tidy) if self.speller is not None else tidy

    def _intents(self, text: str, spans: list[tuple[int, int]], i_logits: torch.Tensor
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The intent ranking (the leading request first) and the requests of one reading."""
        i_prob = self._intent_probabilities(i_logits, [text[s:e] for s, e in spans])
        best = self._asking_window(i_prob)
        ranking = [
            {"name": self.loaded.intents[i], "confidence": round(float(p), 4)}
            for p, i in zip(*i_prob[best].topk(min(RANKING_LENGTH, i_prob.shape[-1])))
        ]
        if taken_back(text, ranking[0]["name"]):
            # a "no" (nlu.requests.taken_back), as sure as the model was of the request it takes back
            ranking = self._ruled(ranking, WITHDRAWN_INTENT, floor=0.0)
        requests, lead = self._clauses(text, ranking[0])
        if lead is not None and requests and self._weaker_than_whole(lead, ranking[0], requests):
            # a guess at one clause ("um so i ordered some trainers a while back" read as a wrong
            # item) is background to what the message as a whole clearly asks, not a request
            kin = self._kin(ranking[0]["name"])
            kept = sorted((r for r in requests if r["intent"] in kin or r["confidence"] >= EVEN_ODDS),
                          key=lambda r: r["intent"] not in kin)
            requests, lead = (kept if len(kept) > 1 else []), None
        if lead is not None and (lead.intent != ranking[0]["name"] or lead.confidence > ranking[0]["confidence"]):
            # two requests: the higher-priority one leads, the dialogue offers the rest;
            # or the message as a whole is unsure and one clause of it is not
            first = {"name": lead.intent, "confidence": round(lead.confidence, 4)}
            ranking = [first, *(r for r in ranking if r["name"] != first["name"])]
        return ranking, requests

    def _clauses_reread(self, ranking: list[dict[str, Any]], requests: list[dict[str, Any]], text: str
                        ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The requests of a message of several clauses, read again where a clause's words say otherwise: a
        fault told without a word of lateness is no late delivery ("the toaster i ordered last month has just
        given up, only had it a week. Is it possible to send it back…"), and an item already sent back is the
        story of a refund that has not come ("Sent back some sandals that didn't fit about a fortnight ago, and
        still haven't had the refund come through"), not a wrong item."""
        if len(requests) < 2 or DAMAGE_INTENT not in self.loaded.intents:
            return ranking, requests
        returned_unrefunded = any(r["intent"] == REFUND_MISSING_INTENT for r in requests) and sent_back_said(text)
        where_asked = any(r["intent"] in WHERE_OR_WHEN for r in requests)
        signing_in = only_signing_in_said(text)
        reread = []
        for r in requests:
            if signing_in and r["intent"] == LATE_INTENT and _NOTHING_NAMED.search(r["text"]):
                continue  # "I've asked for the reset email. Three times, in fact. It hasn't come": the email, no parcel
            if r["intent"] == LATE_INTENT and fault_said(r["text"]) and not lateness_asserted(r["text"]):
                r = {**r, "intent": DAMAGE_INTENT}
            elif r["intent"] in FAULT_INTENTS and returned_unrefunded:
                continue
            elif returned_unrefunded and (r["intent"] == RETURN_INTENT
                                          or r["intent"] in WHERE_OR_WHEN and _RETURN_TRACKED.search(r["text"])):
                # "does anyone there actually process refunds? I returned a skirt two weeks ago and haven't seen a
                # penny": the refund asked about is the one missing, not another to start; "the tracking says it
                # reached you on the 9th" is where the return went, not an order to look for
                continue
            elif r["intent"] == BILLING_INTENT and where_asked and paid_as_expected(text):
                # "My trainers were charged to my card on Monday… Can you give me the tracking link please?": the
                # payment told as done beside where the order is
                continue
            elif r["intent"] == REFUND_MISSING_INTENT and paid_for_a_late_parcel(text):
                # "…said it'd be with me by Monday. Three days later and nothing, even though the money left my
                # account": the money paid for a parcel late, no refund
                r = {**r, "intent": LATE_INTENT}
            elif r["intent"] == BILLING_INTENT and _PRICE_PAID.search(r["text"]) and not unexpected_charge_said(r["text"]):
                # "You charged me £4.99 for delivery by Monday. It's Thursday.": the price paid, told as background
                continue
            elif (r["intent"] in FAULT_INTENTS and where_asked and r["confidence"] < SURE
                  and not any(said(r["text"]) for said in (damage_said, fault_said, sent_not_ordered, part_missing))
                  and not _WRONG_SAID.search(r["text"])):
                # "…the running shoes I ordered have been sent out. … Could you please give me the link": a guess at
                # a fault in a clause that tells of none, beside where the order is asked
                continue
            elif (r["intent"] == WRONG_ITEM_INTENT and _AS_IT_CAME.search(r["text"])
                  and any(q["intent"] == DAMAGE_INTENT for q in requests) and not sent_not_ordered(r["text"])):
                # "kettle leaking all over the worktop the first time i filled it. came like that out the box": the
                # damage told again, not a wrong item
                continue
            if all(r["intent"] != kept["intent"] for kept in reread):
                reread.append(r)
        if [r["intent"] for r in reread] == [r["intent"] for r in requests]:
            return ranking, requests
        ranking = self._ruled(ranking, reread[0]["intent"], floor=reread[0]["confidence"])
        return ranking, (reread if len(reread) > 1 else [])

    def _kin(self, name: str) -> set[str]:
        """`name` and the intents of its family (nlu.families)."""
        families = self.loaded.metadata.labels.families
        family = families.get(name)
        return {name} | ({n for n, f in families.items() if f == family} if family is not None else set())

    def _weaker_than_whole(self, lead: Request, whole: dict[str, Any], requests: list[dict[str, Any]]) -> bool:
        """Whether the clause that would lead by priority is a guess (under even odds) and a weaker
        reading than the whole message's, which another of the requests agrees with."""
        kin = self._kin(whole["name"])
        return (lead.intent not in kin and lead.confidence < min(EVEN_ODDS, whole["confidence"])
                and any(r["intent"] in kin for r in requests))

    def _asking_window(self, i_prob: torch.Tensor) -> int:
        """The window whose reading gives the intent: the most confident one, unless it only reacts
        (REACTIONS: "I have been a loyal customer for years and I am most disappointed") and another
        is a request the model is sure of ("the lid is cracked straight across"), or it only gives
        details (DETAILS: "My order number is ORD-61234.") and another is a clear request, or it
        signs off (SIGN_OFFS) after something the model is sure of."""
        confidence, index = i_prob.max(-1)
        best = int(confidence.argmax())

        def read(row: int) -> str:
            return self.loaded.intents[int(index[row])]

        if len(confidence) == 1:
            return best
        priorities = self.loaded.metadata.labels.priorities
        if read(best) in SIGN_OFFS:  # "…the checkout page was a bit slow. Anyway, that's all, have a good one."
            # (a request at even odds counts too: "…I'd like to return it and have my money refunded. Thank you.")
            said = [row for row in range(len(confidence)) if read(row) not in COURTESIES and (
                float(confidence[row]) >= SURE or read(row) in priorities and float(confidence[row]) >= EVEN_ODDS)]
            if not said:
                return best
            best = max(said, key=lambda row: float(confidence[row]))
        if read(best) not in REACTIONS and read(best) not in DETAILS:
            return best
        # details ("My order number is ORD-61234.") go with a request that is clear enough; a
        # reaction only gives way to a request the model is sure of
        bar = self.threshold if read(best) in DETAILS else SURE
        asking = [row for row in range(len(confidence)) if read(row) in priorities and float(confidence[row]) >= bar]
        return max(asking, key=lambda row: float(confidence[row])) if asking else best

    def _elsewhere(self, ranking: list[dict[str, Any]], requests: list[dict[str, Any]], asked: str
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The reading of a message about another company's order or service (nlu.elsewhere): out of
        scope, its other sentences included ("can you check on my Amazon parcel? it says delivered
        but there's nothing on the doorstep"). An intent that asks nothing of us stands ("thanks")."""
        # a reading as a question about the assistant is no more ours, unsure ("Hi, are you hiring at the moment?
        # I'd like to apply for a warehouse job" read that way at 0.42) or naming the bot without asking what it is
        # ("Bet a clever bot like you knows who wrote Pride and Prejudice")
        unsure_about_us = ranking[0]["name"] == ASSISTANT_INTENT and (
            ranking[0]["confidence"] < EVEN_ODDS or not (asks_if_a_person(asked) or asks_the_assistants_name(asked)))
        # nor is a yes or a no that does not start with one ("Do you reckon the Lib Dems have any chance next time
        # round? Silly question really, isn't it?")
        # nor thanks that only sign it off ("Who's going to be in government after the next election? Cheers")
        unsaid_answer = ranking[0]["name"] in (*YES_OR_NO_INTENTS, THANKS_INTENT) and not _YES_OR_NO_FIRST.search(asked)
        if (ranking[0]["name"] in OURS_TO_ANSWER or ranking[0]["name"] == ELSEWHERE_INTENT or unsure_about_us
                or unsaid_answer or self.sure_enough(ranking) < self.threshold):
            return self._ruled(ranking, ELSEWHERE_INTENT), []
        return ranking, requests

    def _ruled(self, ranking: list[dict[str, Any]], name: str, floor: float = SURE) -> list[dict[str, Any]]:
        """The ranking with `name` first, as sure as the model's top intent and at least `floor` (a
        rule decided it: by default a clear reading); the intent it displaces takes its former
        confidence. A model without that intent (a benchmark's, another project's) keeps its own
        ranking."""
        if name not in self.loaded.intents:
            return ranking
        top = ranking[0]
        if top["name"] == name:
            return [{**top, "confidence": max(top["confidence"], floor)}, *ranking[1:]]
        was = next((r["confidence"] for r in ranking if r["name"] == name), 0.0)
        rest = [{**r, "confidence": was} if r is top else r for r in ranking if r["name"] != name]
        return [{"name": name, "confidence": max(top["confidence"], floor)},
                *sorted(rest, key=lambda r: -r["confidence"])]

    def signal(self, text: str, name: str) -> dict[str, Any]:
        """The parse of a call event (contracts.signals): the intent itself, certain, neutral."""
        intent = {"name": name, "confidence": 1.0}
        return {"text": text, "intent": intent, "intent_ranking": [intent], "entities": [],
                "sentiment": {"label": "neutral", "score": 1.0}, "requests": [], "model": self.version}

    def _intent_probabilities(self, i_logits: torch.Tensor, texts: list[str]) -> torch.Tensor:
        """The encoder's intent probabilities, blended with the character model's when there is one,
        without the intents the text gives no word for (nlu.evidence)."""
        i_prob = i_logits.softmax(-1)
        i_prob = self.loaded.char.blend(i_prob, texts) if self.loaded.char is not None else i_prob
        return without_unsaid(i_prob, texts, self.loaded.intents)

    def _clauses(self, text: str, whole: dict[str, Any]) -> tuple[list[dict[str, Any]], Request | None]:
        """The message's requests when it holds several (nlu.requests), and the clause whose
        intent should lead: the first request, the one request inside a reaction ("no, I want a
        human"), or the surest part of a message that is unsure as a whole ("ok, sorry! is it
        still coming today?"; "WHERE IS MY SOFA YOU ABSOLUTE CLOWNS", cut at its words when it
        has no clauses); ([], None) for a single clause."""
        priorities = self.loaded.metadata.labels.priorities
        whole_confidence = whole["confidence"]
        if not priorities and whole_confidence >= self.threshold:
            return [], None  # no requests to find, and the message is clear: no second pass
        clauses = clause_spans(text)
        parts = clause_spans(text, min_words=1) if whole_confidence < self.threshold else clauses
        if len(parts) == 1 and whole_confidence < self.threshold:
            # unsure, and nothing to cut at: the request may be a part of it that the rest drowns
            cuts = word_cuts(text)
            read = self._classify(text, [head for head, _ in cuts] + [rest for _, rest in cuts])
            negative = [read[rest][2] == NEGATIVE for _, rest in cuts]
            return [], demand_in_anger(cuts, [read[head][:2] for head, _ in cuts], negative, priorities)
        if not 1 < len(parts) <= MAX_CLAUSES:
            return [], None
        predictions = self._person_unnamed({part: read[:2] for part, read in self._classify(text, parts).items()}, text)
        # "…want a replacement not a refund. how long will it take": a clause that takes its request back
        # asks for nothing (nlu.requests.declined_in_clause), so the refund is never offered next
        predictions = {(s, e): (WITHDRAWN_INTENT, c) if declined_in_clause(text[s:e], i) else (i, c)
                       for (s, e), (i, c) in predictions.items()}
        # requests only from whole clauses: a two-word fragment is too little to act on twice
        whole_clauses = [c for c in clauses if c in predictions]
        clause_predictions = [predictions[c] for c in whole_clauses]
        requests = pick_requests(whole_clauses, clause_predictions, priorities, self.threshold)
        if len(requests) > 1:
            return [r.as_dict(text) for r in requests], requests[0]
        if requests and requests[0].confidence >= SURE > whole_confidence:
            # a story around one clear request ("... They haven't arrived yet. Is it too late to cancel?")
            return [], requests[0]
        in_reaction = request_in_reaction(whole["name"], whole_clauses, clause_predictions, priorities, self.threshold,
                                          whole_confidence)
        if in_reaction is not None:
            return [], in_reaction
        greeted = after_greeting(whole["name"], whole_clauses, clause_predictions, priorities)
        if greeted is not None:
            return [], greeted
        if whole_confidence < self.threshold:
            return [], best_clause(parts, list(predictions.values()), priorities, self.threshold)
        return [], None

    def _person_unnamed(self, predictions: dict[tuple[int, int], tuple[str, float]], text: str
                        ) -> dict[tuple[int, int], tuple[str, float]]:
        """The clauses' readings with "please can someone sort this" beside a request of ours read as
        feedback, not a person asked for: no person is named, and the request is what to sort."""
        priorities = self.loaded.metadata.labels.priorities
        asking = any(intent in priorities and intent != PERSON_INTENT and c >= self.threshold
                     for intent, c in predictions.values())
        if not asking:
            return predictions
        return {(s, e): ((FEEDBACK_INTENT, c) if intent == PERSON_INTENT and not names_a_person(text[s:e]) else (intent, c))
                for (s, e), (intent, c) in predictions.items()}

    def _classify(self, text: str, parts: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, float, str]]:
        """Each part of the message read on its own, in one batch: (intent, confidence, sentiment)."""
        parts = list(dict.fromkeys(parts))
        if not parts:
            return {}
        texts = [text[s:e] for s, e in parts]
        enc = self.loaded.tokenizer(texts, padding=True, truncation=True, max_length=self.max_tokens,
                                    return_tensors="pt")
        i_logits, s_logits, _ = self.loaded.net(enc["input_ids"], enc["attention_mask"])
        conf, idx = self._intent_probabilities(i_logits, texts).max(-1)
        feeling = s_logits.argmax(-1).tolist()
        read = [self.loaded.intents[i] for i in idx.tolist()]
        read = [WITHDRAWN_INTENT if taken_back(t, intent) else intent for t, intent in zip(texts, read)]
        return {part: (intent, c, self.loaded.sentiments[f])
                for part, intent, c, f in zip(parts, read, conf.tolist(), feeling)}

    def explanation(self, parsed: dict[str, Any]) -> dict[str, Any]:
        """Explain a parse result: the model's own top intent, also when it fell back."""
        intent = next(r["name"] for r in parsed["intent_ranking"] if r["name"] != FALLBACK_INTENT)
        return {"intent": intent, "method": "occlusion", "tokens": self.explain(parsed["text"], intent)}

    @torch.inference_mode()
    def explain(self, text: str, intent: str, top: int = 5) -> list[dict[str, Any]]:
        """Occlusion: how much the intent's probability drops when each word is left out.

        One batched forward pass over the message and its leave-one-word-out variants; a long
        message is explained within the window that most supports the intent."""
        offset, segment = self._window_for(text, intent)
        words = [(m.start() + offset, m.end() + offset) for m in re.finditer(r"\S+", segment)][:MAX_EXPLAINED_WORDS]
        if len(words) < 2 or intent not in self.loaded.intents:
            return [{"token": text[s:e], "start": s, "end": e, "weight": 1.0} for s, e in words][:top]
        variants = [segment] + [(text[offset:s] + text[e : offset + len(segment)]).strip() for s, e in words]
        enc = self.loaded.tokenizer(variants, padding=True, truncation=True,
                                    max_length=self.max_tokens, return_tensors="pt")
        i_logits, _, _ = self.loaded.net(enc["input_ids"], enc["attention_mask"])
        probs = i_logits.softmax(-1)[:, self.loaded.intents.index(intent)]
        drops = (probs[0] - probs[1:]).tolist()
        ranked = sorted(zip(words, drops), key=lambda wd: -wd[1])[:top]
        return [{"token": text[s:e], "start": s, "end": e, "weight": round(d, 4)} for (s, e), d in ranked]

    def windows(self, text: str) -> list[tuple[int, int]]:
        """The character spans the model reads `text` in: one span when it fits `max_tokens`."""
        return self._encode(text)[0]

    def _encode(self, text: str) -> tuple[list[tuple[int, int]], BatchEncoding]:
        """The message's windows (character spans) and their encoding as one batch, with each
        token's offsets within its window. A message that fits is one window, encoded as is."""
        tok = self.loaded.tokenizer
        # verbose=False: a long message may exceed the encoder's own limit here; it is only counted
        whole = tok(text, return_offsets_mapping=True, return_tensors="pt", verbose=False)
        if whole["input_ids"].shape[1] <= self.max_tokens:
            return [(0, len(text))], whole
        tokens = [(s, e) for s, e in whole["offset_mapping"][0].tolist() if e > s]
        spans = window_spans(text, tokens, self.max_tokens - tok.num_special_tokens_to_add())
        enc = tok([text[s:e] for s, e in spans], padding=True, truncation=True, max_length=self.max_tokens,
                  return_offsets_mapping=True, return_tensors="pt")
        return spans, enc

    def _window_for(self, text: str, intent: str) -> tuple[int, str]:
        """Where `text` most supports `intent`: (offset, the window's text); all of it when it fits."""
        spans, enc = self._encode(text)
        if len(spans) > 1 and intent in self.loaded.intents:
            i_logits, _, _ = self.loaded.net(enc["input_ids"], enc["attention_mask"])
            row = int(i_logits.softmax(-1)[:, self.loaded.intents.index(intent)].argmax())
            start, end = spans[row]
            return start, text[start:end]
        return 0, text

    def _sentiment(self, s_prob: torch.Tensor) -> dict[str, Any]:
        """One row of probabilities per window; see the class docstring for the rule."""
        sentiments = self.loaded.sentiments
        if NEGATIVE in sentiments:
            neg = sentiments.index(NEGATIVE)
            negative_rows = s_prob.argmax(-1) == neg
            if negative_rows.any():
                return {"label": NEGATIVE, "score": round(float(s_prob[negative_rows, neg].max()), 4)}
        mean = s_prob.mean(0)
        best = int(mean.argmax())
        return {"label": sentiments[best], "score": round(float(mean[best]), 4)}
