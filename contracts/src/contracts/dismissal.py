"""What a customer says to drop what they have just said ("forget that", "scratch that", "never
mind"), shared by the NLU (the intent is read from what follows: nlu.asked) and the dialogue (the
order form's question is answered by what follows: actions.dispatching.said_last)."""

from __future__ import annotations

import re

# what follows must still say something: "never mind, cancel it" is read whole
MIN_WORDS_AFTER = 3

DISMISSAL = re.compile(
    r"\b(?:forget (?:that|it|about (?:that|it)|(?:that )?i (?:asked|said anything|mentioned it))|scratch that|ignore that"
    r"|never ?mind(?: (?:that|about that))?"
    # "forget my order, who won the match" (not "I forgot my order number")
    r"|forget (?:about )?(?:my|the) (?:order|parcel|refund|question|delivery|cancellation)(?=\s*[,.!;:-])"
    # "actually no, leave it, I'll just wait", "no dont cancel it, just tell me where it is" (not "leave it
    # with my neighbour": the words end there)
    r"|leave it(?=\s*(?:[,.!;:-]|$))"
    # "no actually don't worry, where's my parcel" (not "don't worry about the refund")
    r"|(?:don'?t|dont|do not) worry(?=\s*[,.!;:-])"
    # …when another question follows ("no wait don't cancel it, i still want it" only says no)
    r"|(?:don'?t|dont|do not) (?:cancel|return|refund|send back) (?:it|that|them|the order)"
    r"(?=[\s,.;:!-]*(?:just|but|instead|can|could|tell|where|when|what|how|i (?:just )?(?:want|need) to know)\b))\b"
    r"[\s,.!:;-]*",
    re.IGNORECASE)


# "no forget it, cancel the agent", "stop the hand-off": the person asked for is called off (not a
# bank transfer: "can I cancel the transfer?" is about a payment); "don't cancel my callback" is not
PERSON_CALLED_OFF = re.compile(
    r"(?<!don't )(?<!dont )(?<!do not )(?<!never )\b(?:cancel|stop|call off|drop|forget(?: about)?)\s+(?:the|that|my|this)?\s*"
    r"(?:request for\s+(?:a|an)\s+)?(?:human|person|agent|operator|hand-?\s?off|queue|call ?back)\b"
    # "Forget it, I've not got time to wait. Cancel my request." (not "cancel my request for a refund")
    r"|\b(?:cancel|call off|drop|withdraw)\s+(?:the|that|my|this)\s+request\b(?!\s+(?:for|to)\b)", re.IGNORECASE)


# a person, however named: "a real human being", "one of your agents", "a manager"
PERSON = (r"(?:(?:a|an|some|your|one of your)\s+)?(?:real\s+|actual\s+|live\s+|proper\s+)?"
          r"(?:human(?:\s+being)?|person|agent|operator|manager|supervisor|member of (?:staff|your team)"
          # "pass me to one of your lot", "one of your team"
          r"|one of (?:your|you) (?:lot|colleagues|advisors|advisers)(?:\s+please)?)")

# "I don't need a person, I just need it to actually turn up": a person refused, read by the NLU
# (not a person asked for, though it names one) and by the queue (it leaves, like "never mind")
# what follows "I don't" in a hedged question, not a refusal: "I don't suppose I could speak to an actual person?"
HEDGED = r"(?:suppose|know if|know whether|mind if)"
PERSON_REFUSED = re.compile(r"\b(?:(?:i|we) (?:don'?t|dont|do not)(?! " + HEDGED + r"\b)"
                            r"|no need (?:for|to)|i'?m not (?:after|asking for)"
                            r"|not interested in|(?:don'?t|dont|do not) bother (?:with|getting)) (?:\w+ ){0,5}" + PERSON + r"\b"
                            # "no i dont want to talk to anyone" (not "I don't know if anyone can help")
                            r"|\b(?:i|we) (?:don'?t|dont|do not) (?:really |even )?(?:want|need|wanna) (?:to )?(?:talk|speak|chat|wait)"
                            r" (?:to|with|for) (?:anyone|anybody|someone|somebody)\b(?! else| but| except| other than| apart from)"
                            # "No, I don't want to be passed to someone else. Just make a note of my complaint."
                            r"|\b(?:i|we) (?:don'?t|dont|do not) (?:really )?(?:want|need|wanna) (?:to )?(?:be )?"
                            r"(?:passed|put through|transferred|handed over|passed on)\b"
                            r"(?: (?:to|on to|onto|over to|through to) (?:someone|somebody|anyone|anybody|another \w+"
                            r"|an? \w+|your \w+)(?: else)?\b)?", re.IGNORECASE)


def after_dismissal(text: str) -> str | None:
    """The words after the customer's last dismissal ("ugh I can't find the email. forget that,
    what time do you open?" → "what time do you open?"); None when there is none or too little
    follows it."""
    dismissals = list(DISMISSAL.finditer(text))
    if not dismissals:
        return None
    rest = text[dismissals[-1].end():]
    return rest if len(rest.split()) >= MIN_WORDS_AFTER else None


# what may come with a dismissal without saying anything more ("you know what, never mind")
_FILLER = re.compile(r"\b(?:you know what|actually|oh|ok|okay|um|erm|just|then|please|sorry|honestly|nah|no|fine"
                     r"|right|well|ah|ugh|it'?s fine|it'?s ok(?:ay)?|don'?t worry)\b", re.IGNORECASE)


def nothing_but_dismissal(text: str) -> bool:
    """Whether `text` only drops what came before ("you know what, never mind, forget I asked")."""
    if not DISMISSAL.search(text):
        return False
    return not re.search(r"\w", _FILLER.sub(" ", DISMISSAL.sub(" ", text)))


# "wait no!! don't cancel it, I still want it", "on second thoughts I'll keep it actually": an order
# kept after all, read by the NLU (a no, when that is all it says) and by the dialogue (a
# cancellation just asked for is withdrawn)
KEEPING_IT = re.compile(r"\b(?:don'?t|dont|do not|no need to|not) cancel\b|\b(?:i'?ll|i will|i'?d rather|gonna|going to"
                        r"|want to|wanna|think i'?ll) keep (?:it|them|the order|that|hold of it)\b"
                        # "wait no actualy keep it, my bro says he stil wants it"
                        r"|\b(?:actually|actualy|actully|wait|no|nah|oh|ok|okay),? keep (?:it|them|the order|that)\b"
                        r"|\bstill? wants? (?:it|them)\b"
                        r"|\b(?:i'?ve )?changed my mind\b|\bon second thoughts?\b|\bundo (?:that|the cancel)", re.IGNORECASE)

