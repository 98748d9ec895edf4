"""Intents a message cannot mean without a word for them (a double charge, a wrong item, damage, lateness,
a refund that never came).

The model learnt "twice" as the mark of a double charge, so "I've only used it twice" and
"I've called twice" read as billing complaints, quoting payments the customer never mentioned.
A double charge is about money: a text with no word of money in it is not one. Each reading
(the whole message, a window, a clause) has such an intent's probability taken out and the rest
renormalised, so the model's next guess stands.
"""

from __future__ import annotations

import re
from typing import Callable

import torch

from nlu.charges import DEVICE_CHARGE

CUES: dict[str, re.Pattern[str]] = {
    "billing_charged_twice": re.compile(
        r"\bcharg(?:e|ed|es|ing)\b|\bover-?charg|\bpa(?:y|id|ying|yment)|\bbill|debit|money|\bcards?\b|\bbank\b"
        r"|transaction|statement"
        r"|account|came out|gone out|went out|£|\$|€|\bprice|\bcost|\bfee|\bquid\b|\bpounds?\b|\bdollars?\b|\beuros?\b|\bcash\b|\bcredit",
        re.IGNORECASE),
}


# A wrong item is something that came instead of what was ordered, or is missing: "I bought a
# kettle from you" and "I've got two orders with you" are background, read as wrong items by a
# model that learnt "I ordered X…" as their opening.
CUES["wrong_item"] = re.compile(
    r"wrong|instead|differ|incorrect|mix(?:ed)?[- ]?up|swapp|some(?:one|body) else|another (?:person|customer)"
    r"|\bnot (?:what|the|mine|my|a|an|even)\b|dropped off|(?:isn'?t|wasn'?t|aren'?t|weren'?t|ain'?t|aint|is not|was not)"
    r" (?:what|mine|my|the|it|even)\b|\bsent\b|\bbrought\b|\bcame\b|arrived|received|delivered|there (?:was|were)"
    r"|inside|in the (?:box|parcel|package|bag|delivery)|\bgot (?:a|an|the|sent|some)\b|\bsizes?\b|\blabel"
    r"|colou?r|turned up|showed up|opened|unpacked|gave me|rather than|expecting|missing|empty|what was"
    r"|order(?:ed)? .{0,40}\b(?:but|and) (?:got|received|it'?s|they|i got)",
    re.IGNORECASE)
# "the trainers, can i still cancel? ordered the wrong size for my eldest": the customer's own slip
# (not the warehouse's: "you picked the wrong one"), with no word of what came, is no wrong item sent
_OWN_SLIP = re.compile(r"(?<!\byou )(?<!\bu )(?<!\bthey )(?<!\bsomeone )\b(?:ordered|bought|picked|chose|selected|clicked on"
                       r"|clicked|put in) (?:the|a) wrong\b"
                       # "I've just realised I put the wrong size in" (not "you guys put the wrong size in my order")
                       r"|\b(?:i|we)(?:'ve| have)?\s+(?:\w+\s+){0,2}?(?:put|typed|entered) (?:in )?(?:the|a) wrong\b", re.IGNORECASE)
_WHAT_CAME = re.compile(r"\bsent\b|\bcame\b|arrived|received|delivered|turned up|showed up|\bgot (?:a|an|the|sent|some)\b"
                        r"|inside|in the (?:box|parcel|package|bag)|instead|\bnot (?:what|mine)\b|opened|unpacked",
                        re.IGNORECASE)


def _own_slip_only(text: str) -> bool:
    return _OWN_SLIP.search(text) is not None and _WHAT_CAME.search(text) is None


# "the air fryer was delivered to the wrong address": a parcel taken to the wrong place is no wrong item,
# unless something else is said to be wrong ("wrong colour, and to the wrong house")
_WRONG_PLACE = re.compile(r"\b(?:to|at|through|in) (?:the |a |my )?wrong (?:address|adress|house|hous|home|door|flat|number"
                          r"|postcode|street|road|person|neighbou?r|building|place|town|city|village|block|letterbox)\b"
                          r"|\bwrong (?:address|adress|house|hous|door|flat|postcode)\b", re.IGNORECASE)
_ITEM_WRONG = re.compile(r"wrong|instead|differ|incorrect|mix(?:ed)?[- ]?up|swapp|not what|some(?:one|body) else'?s", re.IGNORECASE)


def _said_without(said: re.Pattern[str], besides: re.Pattern[str], text: str) -> bool:
    """Whether `said` is in `text` and `besides` is nowhere in the rest of it."""
    return said.search(text) is not None and besides.search(said.sub(" ", text)) is None


def _wrong_place_only(text: str) -> bool:
    return _said_without(_WRONG_PLACE, _ITEM_WRONG, text)


# A refund not received is about money: "i was promised a call back about the sofa and nobody called" waits
# on a promise, with nothing about a refund (every refund_not_received training example has such a word)
_MONEY = re.compile(r"\bref[a-z]{0,2}n[a-z]{0,3}\b|rfnd|reimburs|money|£|\$|€|\bpaid\b|payment|credit|cash|return|bank|\bcard\b"
                    r"|(?:sent|send|sending|posted|took|taken|dropped|returned|gave|given) (?:\w+ ){0,3}back\b"
                    r"|\bowe|compensat|pounds|quid|statement|account", re.IGNORECASE)


def _no_money_said(text: str) -> bool:
    return _MONEY.search(text) is None


# "Hi. I ordered a dress. I'd like to know if it comes in other colours.": the range asked about, nothing wrong said
_RANGE_ASKED = re.compile(r"\b(?:come|comes|available|do (?:you|u) (?:have|do|sell) (?:it|them|this|that))\s+in\s+(?:any\s+)?"
                          r"(?:other|different|another|more|a (?:different|bigger|smaller))\s+(?:colou?rs?|sizes?|shades?|styles?)\b",
                          re.IGNORECASE)
_SOMETHING_WRONG = re.compile(r"wrong|instead|differ(?!ent (?:colou?rs?|sizes?|shades?|styles?)\b)|incorrect|\bsent\b"
                              r"|received|not what|mix(?:ed)?[- ]?up", re.IGNORECASE)


def _range_asked_only(text: str) -> bool:
    return _said_without(_RANGE_ASKED, _SOMETHING_WRONG, text)


# "I cancelled my order but you still took the money": a cancellation already made is background, unless
# another is asked ("I cancelled the sofa, can you cancel the phone case too")
_CANCELLED = re.compile(r"\b(?:(?:i|we)(?:'ve| have| had)?|(?:it|that|the order|my order) (?:was|has been|got))\s+"
                        r"(?:already\s+|just\s+)?cancell?ed\b", re.IGNORECASE)


# …and one the customer never made ("I got an email saying my order was cancelled but I didn't cancel it")
_NOT_CANCELLED = re.compile(r"\b(?:i|we)\s+(?:didn'?t|did not|never|haven'?t|have not|wouldn'?t)\s+(?:\w+\s+)?cancell?(?:ed)?\b",
                            re.IGNORECASE)


def _cancelled_already(text: str) -> bool:
    """Whether every cancellation `text` speaks of was made already or never made (none is asked)."""
    rest = _NOT_CANCELLED.sub(" ", _CANCELLED.sub(" ", text))
    return rest != text and re.search(r"cancel", rest, re.IGNORECASE) is None


# "I got an email saying my order was cancelled… Can you explain?": a question about what became of an order
_ORDER_CANCELLED = re.compile(r"\b(?:my|the|our) order (?:was|has been|got|is|had been) (?:\w+ )?cancell?ed\b"
                              r"|\b(?:i|we)(?:'ve| have| had)? (?:already |just )?cancell?ed (?:my|the|our) order\b",
                              re.IGNORECASE)


def cancelled_order_asked_about(text: str) -> bool:
    """Whether `text` asks about an order that was cancelled (not for one to be cancelled)."""
    return _ORDER_CANCELLED.search(text) is not None and "?" in text and _cancelled_already(text)


def _device_charge_only(text: str) -> bool:
    """Whether the only word of money in `text` is a device's charge ("the vacuum cleaner won't charge")."""
    return _said_without(DEVICE_CHARGE, CUES["billing_charged_twice"], text)


# "Third time contacting you about the same missing parcel": the whole parcel missing is no wrong item (nor a part
# missing from it), unless something is said to be wrong besides
_PARCEL_MISSING = re.compile(r"\b(?:missing|lost) (?:parcel|package|order|delivery)\b"
                             r"|\b(?:parcel|package|order|delivery) (?:is |has |has gone |went |has been |was |got )?(?:missing|lost)\b",
                             re.IGNORECASE)


_A_PART = re.compile(r"\b(?:half|part|parts|some|bits?|pieces?|items?|one of|bit of)\b", re.IGNORECASE)


def _parcel_missing_only(text: str) -> bool:
    return _PARCEL_MISSING.search(text) is not None and _ITEM_WRONG.search(text) is None and _A_PART.search(text) is None


# Words that rule an intent out even where its cue is said
RULED_OUT: dict[str, Callable[[str], bool]] = {
    "billing_charged_twice": _device_charge_only,
    "wrong_item": lambda text: (_own_slip_only(text) or _wrong_place_only(text) or _range_asked_only(text)
                                or _parcel_missing_only(text)),
    "refund_not_received": _no_money_said,
    "cancel_order": _cancelled_already,
}


# Account access is said in words of an account, signing in or what it takes: "Morning. I bought a kettle from
# you… She says the switch doesn't click on any more." is a fault, which the model read as account help at 0.67.
# Not a cue (taking account help out of every sentence's reading lifts weak guesses there to sure ones): the
# predictor reads a fault said over account help read without these words
_ACCOUNT_WORDS = re.compile(
    r"account|acount|accnt|acct|\bacc\b|acc?ou?nt|log|lorg|sign|sing ?in|pa?s+w|pas+\w*rd|mail|lock|user ?name|profile"
    r"|details|reset|verif|code|2fa|two[- ]factor|\bapp\b|site|address|adress|addres|\badres|\bmy (?:name|number)|hack|access"
    r"|attempt|try again|\blink\b|\botp\b|\bpin\b|authenticat|credential|get in\b|get into|settings|spam|confirm|\bid\b|phone number",
    re.IGNORECASE)


def account_said(text: str) -> bool:
    """Whether `text` has a word of an account, signing in or what it takes (see _ACCOUNT_WORDS)."""
    return _ACCOUNT_WORDS.search(text) is not None


# Damage is said in words of damage or fault: "the sofa delivery has been pushed back again" and
# "I've shopped with you for years" are not about a broken item.
CUES["item_damaged"] = re.compile(
    r"brok|damag|crack|smash|\bdent(?:s|ed)?\b|scrat|\btear|torn|\brip|leak|fault|defect|stopp?ed|dead\b|died|\bdoa\b|packed (?:in|up)"
    r"|shatter|snap|bent|split|ruin|soak|\bwet\b|crush|squash|burn|melt|missing|pieces|apart|scuff|\bstain|\bchip|\bholes?\b|\bmark(?:s|ed)?\b"
    r"|bust|knacker|wreck|mangl|useless|rubbish|(?:not|n'?t|never|won'?t|doesn'?t|can'?t) (?:\w+ )?(?:work|turn|switch|charg"
    r"|heat|start|power|boil|spin|open|close|fit|go)|doesn'?t|won'?t|can'?t|dodgy|loose|wobbl|sharp|smell|mou?ld|fray|peel"
    r"|faded|rust|bubbl|condition|state|shape|quality|problem|issue|wrong|fix|repair|replace|glitch|flicker|nois|rattl"
    r"|buzz|hot\b|overheat|spark|smok|battery|screen|button|zip|seam|handle|\blid|\bleg|wheel|strap|plug|cable|error"
    r"|fail|come off|coming (?:off|away)|hanging|off\b|kaput|trips?\b|fuse|blink|conk|given up|giving up|gone (?:bang|wrong)"
    r"|\bfire\b|scorch|electric shock"
    r"|chuck|thr[eo]wn?|dropp?(?:ed)?\b|kick|fence|puddle|rain",
    re.IGNORECASE)

# Lateness is said in words of delivery, waiting or a date: "it's been way more than 5 days and I'm
# not happy" after a refund was promised in 5 days is about the refund, "who won the match last
# night?" about nothing of ours, and "still doesn't work. useless." about what does not work.
CUES["delivery_late"] = re.compile(
    r"late|delay|deliver|arriv|\bcame\b|\bcome|coming|turn(?:ed|s)? up|show(?:ed|s)? up|\bhere\b|parcel|package|\border"
    r"|courier|driver|dpd|evri|xdp|royal mail|track|ship|dispatch|\bsent\b|\bpost|\bvan\b|slot|reschedul|postpon"
    r"|pushed back|moved|wait|still(?! (?:doesn'?t|does not|isn'?t|is not|won'?t|can'?t) (?:work|load|let))|\byet\b|where|when|expect|estimate|\beta\b|\bdue\b|supposed|meant to|promis|overdue"
    r"|behind|stuck|\blos[et]|missing|no sign|never|ages|forever|hold ?up|taking|take so long|how long|by now|on time",
    re.IGNORECASE)

# A refund not received is said in words of waiting, absence or chasing: "my air fryer came but i wnt
# a refnd" asks for one (the model learnt "refund" after a delivery as one that never came).
CUES["refund_not_received"] = re.compile(
    r"n't\b|\b(?:dont|didnt|hasnt|havent|isnt|wasnt|cant|wont|aint|doesnt|hadnt|werent|arent)\b|\bnot\b|\bno\b|never"
    r"|nobody|no ?one|\bstill\b|\bstil\b|\byet\b|wait|\bw8|where|when|chas|\bdays?\b|\bweeks?\b|\bwks\b|wee+k|since|\bago\b"
    r"|s(?:u|o)?p+os+e?d|meant|promis|should|\bdue\b|\bowe|rec(?:ie|ei)v|seen|show|through|process|issued|pending"
    r"|refunded|hear|update|status|long|lnog|ages|missing|ever\b|coming|gone|so far|nothing|been|\bbin\b|emailed"
    r"|contacted|times?\b|again|sort|today|take|tkae|how\b|back\b|\?",
    re.IGNORECASE)


def without_unsaid(prob: torch.Tensor, texts: list[str], intents: list[str]) -> torch.Tensor:
    """`prob` (one row per text) with the intents each text gives no word for taken out."""
    # an intent with a cue needs it said; one with words that rule it out (a cue or not) must not have them said
    needing = [(intents.index(name), CUES.get(name), RULED_OUT.get(name)) for name in sorted({*CUES, *RULED_OUT})
               if name in intents]
    if not needing:
        return prob
    keep = torch.ones_like(prob)
    for row, text in enumerate(texts):
        for column, cue, ruled_out in needing:
            if (cue is not None and cue.search(text) is None) or (ruled_out is not None and ruled_out(text)):
                keep[row, column] = 0.0
    kept = prob * keep
    # a reading with every intent taken out (a project of few intents) keeps what the model said
    kept = torch.where(kept.sum(-1, keepdim=True) > 0, kept, prob)
    return kept / kept.sum(-1, keepdim=True).clamp_min(1e-12)


# Lateness asserted, not only hinted at: "no sign of my package, where is it", "is my dress still on
# for today?" and "has my sofa been delivered yet" ask where it is; "my sofa STILL aint turned up",
# "it was due days ago", "stuck for over a week" and "never arrived when it should have" say it is
# late. Typed slips of these words count ("sposed", "shud of").
_ARRIVAL = r"(?:arriv\w*|c[ou]me|turn(?:ed)? up|show(?:n|ed)? up|got here|(?:be |been )?here|(?:been )?deliver\w*|rec(?:ie|ei)ved)"
_LATENESS_ASSERTED = re.compile(
    r"\bl[ae]?te\b|\bl8\b|later than|(?:days?|weeks?|hours?) later|delay|dlay|overdue|\bdue\b|\bdew\b"
    r"|s(?:u|o)?p+os+e?d|suppose(?= to\b)|meant to|\bment to|promis|should(?:'?ve| have| of)|\bshud|by now|\bages\b|forever|stuck"
    r"|held up|hold ?up|past (?:its|the) (?:delivery|due)|running (?:\w+ ){0,2}(?:late|behind)|behind schedule"
    r"|reschedul|postpon|pushed back|\bagain\b|missed|\bago\b|over a (?:week|month)|(?:for|been) (?:over |nearly |almost )?"
    r"(?:a|an|two|three|four|five|six|\d+|a few|a couple of|several) (?:days?|weeks?|wks?|months?)"
    r"|(?:n'?t|\bnot|\bnever|\bnt|\baint|\bno) (?:even |yet |actually |still )?" + _ARRIVAL +
    r"|still (?:nothing|waiting|no\b|not\b|n'?t|(?:i|we) (?:wait|am waiting|are waiting))|\bwaiting (?:for|since|ages|in|all)"
    r"|nowhere|lost|missing|can'?t find"
    # "why… has taken four days and counting?", "well past the date I was given"
    r"|\b(?:days?|weeks?)\s+(?:now\s+)?and counting\b"
    r"|\b(?:well|way|long) past (?:the |its )?(?:delivery |due |expected |promised )?date\b"
    # "It's three weeks past the date I was given for the sofa"
    r"|\b(?:days?|weeks?|months?) past the (?:delivery |due |expected |promised )?date\b(?![^.?!]*\b(?:return\w*|back|label|voucher|code)\b)",
    re.IGNORECASE)


# "the sofa's running a bit behind", "that's the second time it's been pushed back": a delay said in words only a
# delay is said in (not the customer's train or appointment), which the model, with nothing of a parcel named,
# reads as off-topic or nothing sure
_DELAY = re.compile(r"\b(?:running (?:\w+ ){0,2}(?:late|behind)|behind schedule|pushed back|delayed|postponed|rescheduled"
                    r"|overdue|held up)\b", re.IGNORECASE)
_NOT_A_DELIVERY = re.compile(r"\b(?:train|flight|plane|bus|tube|ferry|meeting|appointment|match|game|concert|show|gig"
                             r"|payment|refund|money|my (?:mum|dad|husband|wife|partner|friend|boss))\b", re.IGNORECASE)


# "ordred a blender last wk nd its stil not arived": an order that has not come, said of an order
_NOT_ARRIVED = re.compile(r"\b(?:(?:still|stil|yet)\s+(?:not|nt)|hasn'?t|hasnt|has not|never|not yet)\s+(?:\w+\s+)?"
                          r"(?:arrived|arived|arrivd|come|cum|turned up|shown up|showed up|been delivered|delivered)\b",
                          re.IGNORECASE)
_AN_ORDER = re.compile(r"\b(?:ordered|orderd|ordred|order|ordr|parcel|parcle|package|delivery|delivry)\b", re.IGNORECASE)
# "i ordered a bed 3 weeks ago and i'm still sleeping on the floor"
_LONG_AGO_STILL = re.compile(r"\b(?:ordered|orderd|ordred|bought)\b[^.?!]{0,30}\b(?:\d+|two|three|four|five|six|a few|several)"
                             r" (?:weeks?|wks?|months?) ago\b[^.?!]{0,25}\bstill\b", re.IGNORECASE)


def delay_said(text: str) -> bool:
    """Whether `text` says a delivery is delayed in so many words (see _DELAY), or an order not come."""
    said = (_DELAY.search(text) is not None or _LONG_AGO_STILL.search(text) is not None or arrival_missed(text)
            or _NOT_ARRIVED.search(text) is not None and _AN_ORDER.search(text) is not None)
    return said and _NOT_A_DELIVERY.search(text) is None


# "i was out the day it was due", "when's it due?": the due day named, not passed
_DUE_DAY_NAMED = re.compile(r"\b(?:the day|the date|when|what day|which day)\s+(?:it|they|its|it'?s|the \w+)\s*"
                            r"(?:was|were|is|are|'s|'re)?\s*due\b|\bwhen(?:'?s| is)\s+(?:it|that|my \w+)\s+due\b"
                            # "is my dress still due for delivery today?": asked, not said to be late
                            r"|\b(?:is|are)\s+(?:it|they|my \w+|the \w+)(?: (?:with|for) (?:my |the )?\w+)?\s+(?:still\s+)?due\b"
                            r"(?=[^.!?]*\?)"
                            # "could you confirm whether my dress is still due for delivery today?"
                            r"|\b(?:whether|if)\s+(?:it|they|my \w+|the \w+)\s+(?:is|are|'s|'re)\s+(?:still\s+)?due\b",
                            re.IGNORECASE)


# the customer's own time away, no wait: "I'm going away on Friday for a week"
_AWAY = re.compile(r"\b(?:going|gone|go|be|being|am|i'?m|im|we'?re|were|off)\s+(?:away|on holiday|abroad)\b[^.?!]{0,25}?"
                   r"\bfor (?:a|an|one|two|three|\d+|a few|a couple of) (?:days?|weeks?|wks?|months?)\b", re.IGNORECASE)


# the customer's own late hours: "I'm working late and want to know if someone needs to be home for it"
_THEIR_OWN_HOURS = re.compile(r"\b(?:i'?m|im|i am|i'?ll be|we'?re|we are|i'?ve been)\s+(?:working|finishing|staying|out|home"
                              r"|back|on)\s+(?:till |until )?late\b", re.IGNORECASE)


# due today, which is not over: "where's my parcel, it was meant to come today" asks where it is (not "it was meant to come
# today and it's still not here, it's 9pm", whose lateness is said besides)
_DUE_TODAY = re.compile(r"\b(?:it|they|the \w+|my \w+)\s+(?:was|were|is|are|'s|'re)\s+(?:meant|supposed|sposed|due|expected)"
                        r"(?:\s+to\s+(?:come|arrive|be (?:here|delivered)|turn up))?\s+today\b", re.IGNORECASE)


_WHERE_ASKED = re.compile(r"\bwhere(?:'?s| is| are)\b|\bwheres\b|\?", re.IGNORECASE)


def lateness_asserted(text: str) -> bool:
    """Whether `text` says its delivery is late (see _LATENESS_ASSERTED), not only asks where it is."""
    text = _THEIR_OWN_HOURS.sub(" ", text)
    if _WHERE_ASKED.search(text):  # (said alone, "my dress was due today" complains that it has not come)
        text = _DUE_TODAY.sub(" ", text)
    return (_LATENESS_ASSERTED.search(_AWAY.sub(" ", _DUE_DAY_NAMED.sub(" ", text))) is not None
            or late_said_outright(text))


def late_said_outright(text: str) -> bool:
    """Whether `text` says, not asks, that the due day passed, that it did not come when it was to, or that
    the customer has waited days or weeks."""
    return due_day_passed(text) or arrival_missed(text) or long_wait_said(text)


# "paid for guaranteed saturday delivery on a birthday present and it's now tuesday", "told friday, now
# it's monday": the day it was due named, and a later one reached; said, not asked
_DAY = r"(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?"
_DAY_REACHED = re.compile(rf"\b(?:it'?s|its|it is)\s+(?:now\s+)?{_DAY}(?:\s+(?:now|today|already))?\b|\bnow (?:it'?s|its) {_DAY}\b"
                          # "guaranteed monday delivery apparently. thursday now."
                          rf"|(?:^\s*|[.!?,;]\s*)(?:and\s+)?{_DAY}\s+(?:now|today|already)\b"
                          r"|\bbeen and gone\b"
                          # "said it would be with me by monday and here we are on thursday with nothing"
                          rf"|\b(?:here we are|we'?re|we are|and now)\s+(?:now\s+)?(?:on\s+)?{_DAY}\b"
                          # "my order must come monday, now is thursday and still I wait"
                          rf"|\bnow is {_DAY}\b|\btoday is (?:already |now )?{_DAY}\b"
                          # "should arrive on Monday…, but is Thursday and nothing arrive"
                          rf"|\bbut (?:it )?is (?:now |already )?{_DAY}\b(?!\s+(?:ok|okay|fine|possible|available|an option"
                          r"|better|good|delivery|i\b))", re.IGNORECASE)
_DUE_DAY = re.compile(rf"\b(?:due|promised|told|telt|supposed|sposed|meant|guaranteed|expected|said|say|says|by|booked|estimated"
                      # "order shoud of come on tuesday, its friday now"
                      rf"|delivery|arriving|coming|should(?:'?ve|\s+(?:have|of))|shoud(?:'?ve|\s+of)|shud(?:'?ve|\s+of)|shouldve)\W+(?:[\w'\":]+\s+){{0,3}}?{_DAY}\b"
                      # "dispatch email said itd be with me in 2 working days. that was last wednesday. its tuesday now"
                      r"|\b(?:said|promised|told|supposed|meant|guaranteed|expected|estimated)\b[^.?!]{0,30}\b(?:in|within)"
                      r" (?:\d+|one|two|three|four|five) (?:working |business )?days?\b"
                      # "Paid extra for next-day delivery on Tuesday. It's Saturday."
                      r"|\bnext[- ]day\b"
                      # "was told I'd have it Monday"
                      rf"|\b(?:i'?d|i would|we'?d|we would) (?:have|get|receive) (?:it|them)\s+(?:by\s+|on\s+)?{_DAY}\b", re.IGNORECASE)
# a day it was only expected, later in the week than the day reached for it to be late ("my order should arrive on Monday…
# but is Thursday"; not "It should come on Friday, it's Wednesday now")
_DUE_DAY_EXPECTED = re.compile(rf"\b(?:should|shud|shoud|would|wud|was to)\s+(?:arrive|come|be (?:here|delivered|with me))\W+"
                               rf"(?:[\w'\":]+\s+){{0,2}}?{_DAY}\b", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# …with nothing come (the day may be next week's: "should arrive on Monday. It's Friday today and I'm away")
_NOT_COME = re.compile(r"\b(?:nothing|no sign|still (?:no|not|nothing|waiting)|not (?:here|arrived|come|turned up)"
                       r"|hasn'?t|haven'?t|never)\b|\bnothing arrive", re.IGNORECASE)
_A_SENTENCE = re.compile(r"[^.!?]*[.!?]*")
_A_DAY = re.compile(rf"\b{_DAY}\b", re.IGNORECASE)


# a due day past already when named: "was supposed to be with me by last Friday", "the new one coming last Saturday"
# ("Your website said my sofa would arrive last Friday")
_DUE_ALREADY_PAST = re.compile(rf"\b(?:due|promised|supposed|sposed|meant|guaranteed|expected|estimated|scheduled"
                               rf")\b[^.?!]{{0,40}}?"
                               rf"\b(?:last {_DAY}|last week|yesterday)\b"
                               rf"|\bwould (?:arrive|come|be (?:here|delivered|with me))\s+(?:by\s+|on\s+|before\s+)?(?:last {_DAY}|last week|yesterday)\b"
                               # (not "It's coming tomorrow, I was told yesterday")
                               rf"|\bcoming\b[^.?!]{{0,40}}?\b(?:last {_DAY}|last week)\b", re.IGNORECASE)
# a week or more gone since the order by the calendar: "Ordered on the 2nd. It's the 19th."
_DATES = re.compile(r"\bordered\b[^.?!]{0,20}?\bthe (\d{1,2})(?:st|nd|rd|th)\b[^?]{0,40}?\b(?:it'?s|its|it is|today is|now)"
                    r"\s+(?:now\s+)?the (\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
WEEK = 7
# …though it came after all: "It was due last week but it came yesterday", "It was expected yesterday and the driver
# brought it today", "Ordered on the 2nd, it came on the 5th" (not "Nothing came", "it never arrived")
_CAME_AFTER_ALL = re.compile(r"(?<!never )(?<!nothing )(?<!n't )(?<!not )(?<!nobody )(?<!no one )(?<!hasnt )(?<!havent )"
                             r"(?<!didnt )\b(?:turned up|got it|brought it|was delivered|came|arrived|got here|(?:it'?s|is) here)\b",
                             re.IGNORECASE)
# …nor the money back awaited since: "I ordered it on the 1st and sent it back, it's now the 15th and no refund"
_ABOUT_A_RETURN = re.compile(r"\brefund\w*|\breturn\w*|\bsent (?:it|them|\w+) back\b", re.IGNORECASE)


def _calendar_passed(said: str) -> bool:
    """Whether `said` counts a week or more since the order by the calendar, the order not come and nothing sent back."""
    dates = _DATES.search(said)
    return (dates is not None and int(dates.group(2)) - int(dates.group(1)) >= WEEK
            and not _CAME_AFTER_ALL.search(said) and not _ABOUT_A_RETURN.search(said))


def _passed_in_so_many_words(said: str) -> bool:
    """Whether `said` names a due day already past (and the order not come after all), or a week or more gone since
    the order by the calendar."""
    return _DUE_ALREADY_PAST.search(said) is not None and not _CAME_AFTER_ALL.search(said) or _calendar_passed(said)


def due_day_passed(text: str) -> bool:
    """Whether `text` says the day a delivery was due has passed (see _DAY_REACHED, _DUE_ALREADY_PAST), without
    asking."""
    return "?" not in text and (_day_reached_after_due(text) or _passed_in_so_many_words(text))


def due_day_passed_then_asked(text: str) -> bool:
    """Whether `text` says the due day has passed in a sentence of its own, whatever it asks after ("Paid extra for
    next-day delivery on Tuesday. It's Saturday. Where is it?"; not "it's tuesday, is it coming today?")."""
    if _calendar_passed(text):
        return True  # "Ordered on the 2nd. It's the 19th. Is it coming by carrier pigeon?"
    return any("?" not in sentence.group() and (_day_reached_after_due(sentence.group(), text)
                                                or _passed_in_so_many_words(sentence.group()))
               for sentence in _A_SENTENCE.finditer(text))


def _day_reached_after_due(said: str, text: str | None = None) -> bool:
    """Whether `said` reaches a day and `text` (or `said`) names a due day, the day reached not being the one due
    ("Tracking says arriving Friday. It's Friday now." is the day itself)."""
    text = said if text is None else text
    reached, due = _DAY_REACHED.search(said), _DUE_DAY.search(text)
    expected = _DUE_DAY_EXPECTED.search(text) if due is None else None
    if reached is not None and expected is not None:
        days_due = [_WEEKDAYS.index(m.group()[:3].lower()) for m in _A_DAY.finditer(expected.group())]
        days_reached = [_WEEKDAYS.index(m.group()[:3].lower()) for m in _A_DAY.finditer(reached.group())]
        return (bool(days_due) and bool(days_reached) and min(days_reached) > max(days_due)
                and _NOT_COME.search(text) is not None)
    if reached is None or due is None:
        return False
    days_due = {m.group()[:3].lower() for m in _A_DAY.finditer(due.group())}
    days_reached = {m.group()[:3].lower() for m in _A_DAY.finditer(reached.group())}
    return not days_reached or not days_due or not days_reached <= days_due


# "I was told it would come today but it hasn't", "expected delivery was the 3rd, nothing yet", "my
# delivery slot came and went, no driver": when it was to come, then that it did not; said, not asked
_DUE_THEN_NOT = re.compile(
    r"\b(?:would|should|will|was|were|is|are|told|said|promised|expected|due|supposed|meant|booked|waited)\b[^.?!]{0,60}?"
    r"(?:\bbut\b|,|-|;)\s*(?:it |they |he |she |the \w+ )?(?:has |have |had |did |still |just )?"
    r"(?:hasn'?t|haven'?t|hadn'?t|didn'?t|did not|has not|have not|never|nothing(?! (?:urgent|serious|major|much|to worry|wrong))"
    r"|no sign|no driver|no courier|no one|nobody"
    r"|nope|nada|zilch|still (?:not|nothing|no\b|waiting)|not (?:here|arrived|come|turned up|shown up)|isn'?t here"
    r"|aren'?t here)\b"
    r"|\b(?:slot|window|day|date|time)\s+(?:came and went|has come and gone|came and gone)\b"
    # "the delivery was booked for today and nobody came", "I waited in all day and the driver never showed"
    # "my nan waited in all day for a delivery that never came"
    r"|(?<!return )(?<!returns )\b(?:delivery|parcel|order|driver|courier|van) (?:that|which|who) never (?:came|arrived|turned up"
    r"|showed(?: up)?)\b"
    # "It's three weeks past the date I was given for the sofa"
    r"|\b(?:days?|weeks?|months?) past the (?:delivery |due |expected |promised )?date\b(?![^.?!]*\b(?:return\w*|back|label|voucher|code)\b)"
    # "XDP gave me a slot of 8 till 12 for the sofa today, it's now half 4 and no sign of them", "Evri have had my dress
    # 'out for delivery' three days running now and it never turns up"
    r"|\b(?:slot|window)\b[^.?!]{0,60}\b(?:it'?s|its|it is) now\b[^.?!]{0,20}\b(?:no sign|nobody|no one|nothing|not here)\b"
    # "courier said my parcel wud come by 12, its gone 5 now and stil nothin": the hour it was due gone by
    # (not "Courier should collect the return by noon…", "…it's gone 11 now, he's just pulled up")
    r"|\b(?:said|told|promised|due|booked|expected|supposed|meant|would|wud|should)\b(?![^.?!]*\b(?:collect\w*|return\w*)\b)"
    r"[^.?!]{0,40}?\b(?:by|before|till|until)\s+"
    r"(?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?|noon|midday|lunch(?:time)?)\W+(?:and\s+)?(?:it'?s|its|it is)\s+(?:now\s+)?"
    r"(?:gone|past|after)\s+\d[^.?!]{0,25}\b(?:nothing|nothin|no sign|not here|nobody|no one|still (?:no|not|nothin))"
    # "my sofa delivery is now well past the date I was given" (not a return's date: "past the returns date")
    r"|(?<!return )(?<!returns )\b(?:delivery|parcel|order)\s+(?:is|are|'s|was)\s+(?:now\s+)?(?:well\s+|way\s+|long\s+)?past"
    r"\s+(?:the\s+)?(?:delivery\s+|due\s+|estimated\s+|expected\s+|promised\s+)?date\b(?!\s+on\b)"
    # (not "They never turn up when they say but this one came early")
    r"|\b(?:it|they|he|she) never (?:turns? up|shows? up|arrives)\b(?![^.?!]*\b(?:but|came|arrived)\b)"
    # "the driver nevr came and i was in all day" (not "the driver didn't come to the door, just left a card")
    r"|(?<!return )(?<!returns )\b(?:driver|courier|delivery|van) (?:never|nevr|didn'?t|didnt|did not) (?:came|come|turn(?:ed)? up"
    r"|show(?:ed)?(?: up)?|arrived?)\b(?! (?:to|up|in|near|round|back|with|until|till|for|damaged)\b)"
    # (not "The courier didn't turn up for the collection of my return", "…until 9pm but it's here now")
    r"(?![^.?!]*\b(?:collect\w*|return\w*|here now|came|arrived)\b)"
    r"|\b(?:booked|due|expected|supposed|meant|promised|waited|waiting|wait in|told)\b[^.?!]{0,60}?\band\s+(?:(?:nobody|no one|no-one)\s+"
    r"(?:has\s+|have\s+)?(?:came|come|showed|shown up|turned up|arrived|appeared)|(?:still\s+)?(?:nothing|nothin|nada|zilch)\b|(?:the \w+|it|they|he|she)\s+(?:never|didn'?t|did not|hasn'?t|has not"
    r"|haven'?t)\s+(?:come|came|show(?:ed)?|turned? up|arrived?|appeared))\b",
    re.IGNORECASE)


# "I've been waiting THREE WEEKS for my parcel, what a joke": a long wait said, not asked about
_LONG_WAIT = re.compile(r"\b(?:been|i'?ve|i have|we'?ve)\s+(?:\w+\s+)?waiting\s+(?:for\s+)?(?:over\s+|nearly\s+|almost\s+|more than\s+)?"
                        r"(?:\d+|two|three|four|five|six|a few|several|a couple of|a|an)\s+(?:days?|weeks?|wks?|months?)\b"
                        # "THREE WEEKS I HAVE BEEN WAITING"
                        # "a desk I paid next-day delivery for has taken four days and counting"
                        r"|\b(?:taken|been|waited)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:days|weeks)"
                        r"\s+(?:and counting|now and counting)\b(?![^.?!]*\b(?:refund|money|return)\w*)"
                        r"|\b(?:\d+|two|three|four|five|six|several)\s+(?:weeks?|wks?|months?)\s+(?:i'?ve|i have|we'?ve|we have)"
                        r"\s+been\s+waiting\b(?!\s+(?:for|on)\s+(?:[\w']+\s+){0,5}?(?:money|refunds?|returns?|label|repl\w*"
                        r"|e-?mails?|responses?|call\w*|answers?|credit|collection)\b)",
                        re.IGNORECASE)


# "sofa stil not her its been WEEKS": weeks gone by, said of the order (not of a refund)
_WEEKS_GONE = re.compile(r"(?:\b(?:it'?s|its|it has|it is)\s+(?:now\s+)?|(?<![\w'])(?=been\s+(?:ages|forever|weeks)\b))been\s+(?:over\s+|nearly\s+|almost\s+|more than\s+)?"
                         r"(?:weeks|ages|forever|months|a month|(?:\d+|two|three|four|five|six|a few|several|a couple of)\s+"
                         r"(?:weeks?|wks?|months?))\b", re.IGNORECASE)


# "My order has been stuck in processing for 2 weeks", "it's sat at the depot for 5 days": stuck for days or weeks
_STUCK_FOR = re.compile(r"\b(?:stuck|sat|sitting|held|waiting)\s+(?:in|on|at)\s+(?:the\s+)?(?:\w+\s+){0,2}?for\s+(?:over\s+|nearly\s+"
                        r"|almost\s+|more than\s+)?(?:\d+|two|three|four|five|six|a few|several|a couple of)\s+(?:days|weeks|wks"
                        r"|months)\b(?! before)", re.IGNORECASE)


_RETURN_SAID = r"\breturn\w*|\bsent (?:it|them|\w+) back"
_A_RETURN = re.compile(_RETURN_SAID, re.IGNORECASE)


def long_wait_said(text: str) -> bool:
    """Whether `text` says the customer has waited days or weeks (see _LONG_WAIT), or that weeks have gone by
    with no refund spoken of, without asking."""
    # (not a refund or a return stuck: "my return has been stuck in processing for 2 weeks")
    stuck = _STUCK_FOR.search(text) is not None and _REFUND_SAID.search(text) is None and _A_RETURN.search(text) is None
    return "?" not in text and (_LONG_WAIT.search(text) is not None or stuck
                                or _WEEKS_GONE.search(text) is not None and _REFUND_SAID.search(text) is None
                                and _NOT_THE_ORDER.search(text) is None)


# weeks gone by since something else: "its been weeks since I sent my return back", "since I complained"
_NOT_THE_ORDER = re.compile(_RETURN_SAID + r"|\bcomplain\w*|\be-?mail\w*|\brepl(?:y|ied|ies)\b",
                            re.IGNORECASE)


# "your website said 2-3 days, it's been 8": the days it was to take, and more passed
_DAYS_QUOTED = re.compile(r"\b(?:said|says|promised|quoted|told|estimated|expected)\s+(?:\w+\s+){0,2}(?:\d+\s*(?:-|to)\s*)?(\d+)"
                          r"\s*(?:workin[g']?\s+)?days?\b[^.?!]{0,30}\b(?:it'?s|its|it has|it is)\s+(?:now\s+)?(?:been\s+)?"
                          r"(?:over\s+|nearly\s+|almost\s+)?(\d+)\b", re.IGNORECASE)


# "i payed for next day delivry and its now day 4", "I paid for next day delivery and we're on day three"
_NEXT_DAY_PASSED = re.compile(r"\bnext[- ]?day\b[^.?!]{0,40}\b(?:it'?s|its|it is|we'?re|we are|now)\s+(?:now\s+)?(?:on\s+)?"
                              r"day\s+(?:[2-9]|\d\d|two|three|four|five|six|seven)\b", re.IGNORECASE)


def _more_days_passed(text: str) -> bool:
    quoted = _DAYS_QUOTED.search(text)
    return quoted is not None and int(quoted.group(2)) > int(quoted.group(1)) or _NEXT_DAY_PASSED.search(text) is not None


def arrival_missed(text: str) -> bool:
    """Whether `text` says a delivery did not come when it was to (see _DUE_THEN_NOT), without asking."""
    return ("?" not in text and (_DUE_THEN_NOT.search(text) is not None or _more_days_passed(text))
            and _REFUND_SAID.search(text) is None)


_REFUND_SAID = re.compile(r"ref[a-z]{0,2}n|money|payment|charge", re.IGNORECASE)  # "the refund was done but never showed up"


# "I got an email saying they were delivered but they weren't", "it says delivered. it bloody wasnt": a
# parcel marked delivered that never came, which the model, hearing "delivered", reads as feedback or
# a wrong item
_DELIVERED_CLAIMED = re.compile(r"\b(?:says?|said|saying|shows?|showed|showing|marked|status|tracking|email\w*|text\w*)\b"
                                r"[^.?!]{0,50}\bdelivered\b", re.IGNORECASE)
_NOT_HERE = re.compile(r"\b(?:(?:was|were|is|are|has|have|had|did|does|do)(?:n'?t| not)|wasnt|werent|isnt|arent|hasnt"
                       r"|havent|didnt|never|nothing|no sign|nowhere|not here|not received)\b", re.IGNORECASE)
NOT_HERE_WITHIN = 150  # characters after "…delivered" where it is said not to have come


def delivered_not_received(text: str) -> bool:
    """Whether `text` says its parcel was marked delivered but never came (see _DELIVERED_CLAIMED)."""
    claimed = _DELIVERED_CLAIMED.search(text)
    return claimed is not None and _NOT_HERE.search(text[claimed.end():claimed.end() + NOT_HERE_WITHIN]) is not None


# "SCAMMERS. took my money and sent NOTHING", "paid 3 weeks ago and never received anything": paid for an order
# that never came, which the model, hearing money, reads as a refund not received or a charge
_PAID_FOR_NOTHING = re.compile(
    r"\b(?:took|taken|take|had|got|have|pocketed)\s+(?:my|our|the)\s+(?:money|cash|payment|£\s?\d+\w*)\b[^.?!]{0,30}?"
    r"\b(?:(?:sent|delivered|received|got|given)\s+(?:me\s+|us\s+)?(?:nothing|zilch|nada|sod all|jack)"
    r"|never\s+(?:sent|delivered|arrived|came|turned up|received|got)|nothing\s+(?:has\s+)?(?:arrived|came|come|turned up))\b"
    # "absolute cowboys. ordered 3 weeks ago, nothing. money gone. nothing"
    r"|\b(?:ordered|paid|bought)\s+(?:\w+\s+){0,3}?(?:\d+|two|three|four|five|six|a few|several|a couple of)\s+"
    r"(?:days?|weeks?|wks?|months?)\s+ago\W+(?:and\s+)?(?:still\s+)?(?:nothing|zilch|nada|sod all)\b"
    r"(?!\s+(?:wrong|to do|special|else|much|major))"
    r"|\bpaid\b[^.?!]{0,30}?\b(?:never\s+(?:received|got|had)\s+(?:anything|a thing|it|them|my \w+)"
    r"|(?:received|got|had)\s+nothing|nothing\s+(?:has\s+)?(?:arrived|came|come|turned up))\b",
    re.IGNORECASE)
_REFUND_NAMED = re.compile(r"\bref[a-z]{0,2}n\w*|\bmoney back\b|\breimburs", re.IGNORECASE)


def paid_for_nothing(text: str) -> bool:
    """Whether `text` says the customer paid and the order never came, with no refund spoken of."""
    return _PAID_FOR_NOTHING.search(text) is not None and _REFUND_NAMED.search(text) is None


# a question asked: "it says delivered but it isn't here, where is it?"
_QUESTION = re.compile(r"\?|\b(?:where|when|what|how|has it|have they|is it|are they|can you|could you)\b", re.IGNORECASE)


def delivered_not_received_said(text: str) -> bool:
    """Whether `text` says its parcel was marked delivered but never came, and asks nothing about it
    ("Package says delivered but there's nothing here, I've checked with both neighbours")."""
    return delivered_not_received(text) and _QUESTION.search(text) is None


# an item the customer already sent back: "Sent back some sandals that didn't fit", "I returned the headphones", "The
# headphones went back over a month ago", "the sandals have been back with you a fortnight"
_SENT_BACK = re.compile(r"\b(?:sent|posted|took|taken|dropped|shipped|brought)\s+(?:\w+\s+){0,3}?back\b"
                        r"|\b(?:i|we|i'?ve|we'?ve|i have|we have|had)\s+(?:already\s+)?returned\b"
                        r"|\b(?:went|gone) back (?:to you|over|more than|\d|two|three|four|last|weeks? ago|ages ago)"
                        r"|\b(?:been|got) back (?:with|to) you\b"
                        # the subject dropped, as typed in a hurry: "returnd a pair of jeans like 3 wks ago n still no refund"
                        r"|^\W*(?:returned|returnd|retuned|sent back)\b(?!\s+(?:from|home|to sender|to (?:the )?depot|undelivered))", re.IGNORECASE)


def sent_back_said(text: str) -> bool:
    """Whether `text` says the customer has sent the item back (see _SENT_BACK)."""
    return _SENT_BACK.search(text) is not None


# …and no money back since: "I've not had a bean", "my account is exactly as empty as it was", "nothing's come in from
# you", "I'm still waiting"
_NO_MONEY_BACK = re.compile(r"\b(?:still waiting(?: for (?:my |the |a )?(?:refund|money))?(?! for (?:it|them|my parcel|the parcel|delivery))"
                            r"|still nothing|nothing'?s? (?:has )?(?:come|came|arrived|gone) (?:in|back|through)"
                            r"|not (?:had|seen|got) (?:a|any|a single) (?:bean|penny|sausage|pound|refund|money)"
                            r"|not a (?:bean|penny|sausage)|(?:account|balance|bank) is (?:\w+ ){0,3}(?:empty|the same)"
                            r"|no (?:refund|money)(?: yet)?|still no (?:refund|money)|(?:refund|money) (?:still )?(?:hasn'?t|has not"
                            r"|isn'?t|is not|never) (?:come|arrived|shown|turned up|landed|appeared))\b"
                            # "I still haven't seen a penny back" (the "n't" inside a word), "I've had nothing back"
                            r"|n'?t (?:had|seen|got|received) (?:a|any|a single) (?:bean|penny|sausage|pound|refund|money)\b"
                            r"|\b(?:had|got|received|seen) nothing (?:back|since|yet)\b", re.IGNORECASE)


_COURIER_TOOK_IT = re.compile(r"\b(?:courier|driver|dpd|evri|hermes|royal mail|ups|dhl|they)\b[^.?!]{0,20}\btook\b|\bredeliver\w*"
                              r"|\bdepot\b", re.IGNORECASE)


# …or weeks gone since, and the money asked: "I just want the refund for the headphones I returned six weeks ago"
_GONE_SINCE = re.compile(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|a few|several|a couple of)\s+(?:weeks?"
                         r"|wks?|months?)\s+ago\b|\ba fortnight ago\b|\blast (?:week|month)\b|\b(?:over|more than) a (?:week"
                         r"|fortnight|month) ago\b", re.IGNORECASE)
_THE_MONEY_ASKED = re.compile(r"\brefund\b|\bmy money\b|\bmoney back\b", re.IGNORECASE)
# …not the money come, nor something else asked instead ("the refund came through today", "an exchange instead of a
# refund", "a refund on the delivery charge too")
_NOT_THE_MONEY_AWAITED = re.compile(r"\b(?:got|had|received)\b[^.?!]{0,20}\brefund|\brefund\b[^.?!]{0,15}\b(?:came|come|arrived"
                                    r"|showed|landed|went) ?(?:through|in)?\b|\binstead\b|\brather\b|\bexchange\b"
                                    r"|\brefund (?:on|for) the (?:delivery|postage|shipping|return)", re.IGNORECASE)


def refund_after_return_awaited(text: str) -> bool:
    """Whether `text` says an item went back and no money has come back since (see _SENT_BACK, _NO_MONEY_BACK), or
    that it went back weeks ago and the money is asked (_GONE_SINCE), not that a courier took a parcel back ("DPD took
    my parcel back to the depot. Still waiting")."""
    awaited = _NO_MONEY_BACK.search(text) is not None or (
        _GONE_SINCE.search(text) is not None and _THE_MONEY_ASKED.search(text) is not None
        and _RETURN_TO_COME.search(text) is None and _NOT_THE_MONEY_AWAITED.search(text) is None)
    return _SENT_BACK.search(text) is not None and awaited and _COURIER_TOOK_IT.search(text) is None


# a refund asked for a return still to make: "I'd expect a full refund when I send it back" (not "I sent it back a
# week ago and the refund still hasn't come", "where's my refund")
_RETURN_TO_COME = re.compile(r"\b(?:when|once|if|after)\s+(?:i|we)\s+(?:send|return|post|take|bring|drop)\s+"
                             r"(?:it|them|this|that|the \w+)(?:\s+back)?\b", re.IGNORECASE)
_REFUND_AWAITED = re.compile(r"\b(?:still|yet|haven'?t|hasn'?t|havent|hasnt|not (?:received|had|got|seen|come)|waiting"
                             r"|where'?s|where is|already|nothing|no sign|posted|returned|sent (?:it|them) back)\b",
                             re.IGNORECASE)


def refund_for_a_return_to_come(text: str) -> bool:
    """Whether `text` asks a refund for an item still to be sent back, and awaits none already (see _RETURN_TO_COME)."""
    return _RETURN_TO_COME.search(text) is not None and _REFUND_AWAITED.search(text) is None


# signing in, and nothing of an order: "I've forgotten my password. I've asked for the reset email. Three times, in
# fact. It hasn't come" (the email that "hasn't come" is no parcel)
_SIGNING_IN = re.compile(r"\b(?:pass ?words?|pa?s+w[oa]?r?d|log ?in|log into|sign ?in|reset (?:email|link|code)|locked out"
                         r"|get into my (?:account|acount))\b", re.IGNORECASE)
_ANY_ORDER = re.compile(r"\b(?:orders?|ordered|parcels?|packages?|deliver\w*|tracking|dispatch\w*|refund\w*|trainers|sofa"
                        r"|bought|purchased?|items?|cancel\w*"
                        r"|ord\W?\d{3,})\b", re.IGNORECASE)


# signing in that fails, to look at something once in: "trying to login so i can see my refund histroy but it says incorect
# password every time", "can't sign in to check my orders"
_SIGNING_IN_TO_SEE = re.compile(r"\b(?:log ?in|login|log into|sign ?in|get into my (?:account|acount))\b[^.?!]{0,15}?"
                                r"\b(?:so (?:that )?(?:i|we) can|to) (?:see|check|view|look at|find)\b", re.IGNORECASE)
# (the password refused: not "I can't log in to check where my order is", which asks where it is)
_SIGNING_IN_FAILS = re.compile(r"\b(?:pass ?words?|pa?s+w[oa]?r?d|log ?in|details)\b[^.?!]{0,25}\b(?:incorr?ect|wrong|invalid"
                               r"|not (?:being )?accepted|isn'?t (?:being )?accepted|rejected)\b|\blocked out\b"
                               r"|\b(?:incorr?ect|wrong|invalid) (?:pass ?word|pa?s+w[oa]?r?d|log ?in|details)\b", re.IGNORECASE)


def only_signing_in_said(text: str) -> bool:
    """Whether `text` speaks of signing in (see _SIGNING_IN) and of no order, parcel or refund, or only of one to look
    at once signed in, signing in failing (see _SIGNING_IN_TO_SEE)."""
    return _SIGNING_IN.search(text) is not None and (
        _ANY_ORDER.search(text) is None
        or _SIGNING_IN_TO_SEE.search(text) is not None and _SIGNING_IN_FAILS.search(text) is not None)


# the refund come already: "that's all sorted, the refund came through" (not "…said the refund came through but it hasn't")
_REFUND_CAME = re.compile(r"(?:(?<!n't )(?<!not )(?<!never )(?<!yet )\b(?:got|had|received)\s+(?:my |the |a )?(?:full )?refund\b"
                          r"(?!\s+(?:email|e-mail|text|confirmation|of\b))|\brefund\s+(?:has\s+|have\s+)?"
                          r"(?:came|come|arrived|went|showed|landed|cleared)(?:\s+(?:through|in|back))?\b)"
                          r"(?![^.?!]*\b(?:but|hasn'?t|not|never|supposedly|apparently|only)\b)", re.IGNORECASE)
# …and the last sentence asks where or when something else is
_LAST_ASKS_WHERE = re.compile(r"(?:^|[.!?]\s+)(?![^.!?]*\b(?:refund|money|return|paid|rest|bank|account)\w*)[^.!?]*\b(?:where|when)\b[^.!?]*\?\s*$",
                              re.IGNORECASE)


def refund_came_then_where_asked(text: str) -> bool:
    """Whether `text` says a refund has come already and ends by asking where or when something else is ("…the refund
    came through. This is a completely separate thing though. Where are my running trainers at the moment?")."""
    return _REFUND_CAME.search(text) is not None and _LAST_ASKS_WHERE.search(text) is not None


# a parcel left at the wrong place: "parcel was left wiv the wrong nieghbour, can u tell me were it is" (a wrong address
# or door, not a wrong item)
_LEFT_IN_THE_WRONG_PLACE = re.compile(r"(?<!label has the )(?<!label says the )\bwrong (?:neighbou?r|nieghbou?r|naybour|address|house|door|flat|street"
                                      r"|house number)s?\b(?![\s-]+(?:handles?|knobs?|sheets?|pack|mats?|hinges?|signs?|plaques?|saved|on (?:the|my) (?:label|invoice|account)))", re.IGNORECASE)


def wrong_place_said(text: str) -> bool:
    """Whether `text` says a parcel went to the wrong place (see _LEFT_IN_THE_WRONG_PLACE)."""
    return _LEFT_IN_THE_WRONG_PLACE.search(text) is not None
