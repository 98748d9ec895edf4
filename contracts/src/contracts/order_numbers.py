"""What a customer says when asked for an order number they do not have ("I deleted the email",
"dunno it tbh"), shared by the NLU (such a message asks for nothing else: nlu.order_numbers) and
the dialogue (sign-in or a person offered: actions.dispatching, actions.actions); and a guest's
"I got no confirmation email" before anyone asked (NO_CONFIRMATION: actions.actions)."""

from __future__ import annotations

import re

NO_ORDER_NUMBER = re.compile(
    r"\b(?:(?:don'?t|do not|dont) (?:know|have)|haven'?t got|have not got|no longer have|(?:can'?t|cannot|cant|couldn'?t)"
    r" (?:find|remember|see)|no idea (?:of|about|what)?|lost|deleted|binned|threw|thrown|got rid of|forgot(?:ten)?)\b[^.!?]{0,30}"
    r"\b(?:order (?:number|no\.?|id|ref(?:erence)?)|number|confirmation|email)\b"
    # "it never sent me a confirmation", "no email came", "I don't know it"
    r"|\b(?:never|didn'?t|did not|haven'?t|have not|not)\s+(?:\w+\s+)?(?:got|get|received?|sent|had)\b[^.!?]{0,20}"
    r"\b(?:confirmation|email)\b|\bno (?:confirmation|email)\b|\b(?:don'?t|do not|dont) know (?:it|that|what it is)\b"
    r"|\bdunno (?:it|the number|what it is)\b"
    # "not telling you that, just check it", "it's in an email somewhere, can't be bothered to dig it out"
    r"|\bnot (?:telling|giving) (?:you )?(?:that|it|my|the number)\b"
    r"|\b(?:can'?t|cant|cannot) be bothered (?:to )?(?:dig|look|find|search|hunt|get)\w*"
    # "I'm not digging out an order number, you should be able to see it"
    r"|\bnot (?:digging|looking|hunting|searching|going to (?:look|dig|search|hunt))\b[^.!?]{0,20}"
    r"\b(?:order (?:number|no\.?|id)|number|confirmation|email)\b",
    re.IGNORECASE)

# "I got no confirmation email", "never received an order confirmation": the email with the order number
# never came, said before anyone asked for its number; narrower than NO_ORDER_NUMBER's email branch
# (not "I've not had a single email since the confirmation one")
NO_CONFIRMATION = re.compile(r"\b(?:no|never (?:got|had|received|recieved)(?: (?:a|an|the|any|my))?|(?:didn'?t|did not|haven'?t"
                             r"|have not|not|hasn'?t) (?:got|get|had|received?|recieved?|been sent)(?: (?:a|an|the|any|my))?)"
                             r" (?:order )?confirmation\b", re.IGNORECASE)
