"""The part of a message that asks for something, without the words around it that don't.

Two kinds of words mislead a classifier into a request the customer did not make:
- an ultimatum: "get me someone who can actually do something or im cancelling everything"
  asks for a person, the cancellation is a threat; "if my trainers dont turn up by the weekend
  im never shopping here again" asks where the trainers are;
- a person refused or called off: "no i dont want a person, just tell me where my trainers are"
  asks where the trainers are, "forget the agent, can you just cancel the phone case order" for
  the cancellation;
- what the customer dismissed themselves: "ugh I can't find the email. forget that, what time
  do you lot open till?" asks for the opening hours only;
- an insult at the assistant: "where the f*** is my sofa you stupid bot" asks where the sofa is, and
  so does a swear word: "where is my f***ing sofa";
- an aside before "anyway": "my cat just knocked my coffee over 😭 anyway is my dress still coming
  today" asks about the dress;
- an earlier matter said to be settled: "Thanks for refunding the cushion covers, that went through
  fine. Now though I'd like to know what's happening with the sofa" asks about the sofa.
The intent is read from what is left; sentiment and entities still come from the whole message
(the anger of the ultimatum is real).
"""

from __future__ import annotations

import re

from contracts.dismissal import MIN_WORDS_AFTER, PERSON_CALLED_OFF, PERSON_REFUSED, after_dismissal
from nlu.thanks import without_sarcastic_thanks

# what is left must still say something: "never mind, cancel it" is read whole (the bound of a
# dismissal, contracts.dismissal, holds for an ultimatum left out too)
MIN_ASKED_WORDS = MIN_WORDS_AFTER

# "… or I'm cancelling everything", ", otherwise I'll go elsewhere": to the end of its sentence
_ULTIMATUM = re.compile(
    r"[,;]?\s*\b(?:or(?:\s+else)?|otherwise)\s+(?:i'?m|im|i am|i'?ll|ill|i will|we'?ll|we will|we'?re|we are)\b"
    r"[^.!?\n]*",
    re.IGNORECASE)
# "if my trainers dont turn up by the weekend im never shopping here again": the condition is the request
_CONDITIONAL_THREAT = re.compile(
    r"\bif\s+(?P<condition>[^.!?\n]*?\S),?\s+(?:then\s+)?(?:i'?m|im|i am|i'?ll|ill|i will|we'?ll|we'?re)\s+"
    # threats, not requests: "…I'll cancel it" or "…I'll take a refund" ask for what they say
    r"(?:never|not|leav|report|tell|post|writ|review|complain|sue|done"
    # "…im doing a chargeback with my bank", "…I'm ringing my bank"
    r"|(?:doing|do|fil(?:e|ing)|rais(?:e|ing)|going for|gonna do|going to do) a charge ?-?back"
    r"|(?:contact|ring|call|phon)\w* (?:my|the) bank"
    # "…im going to trading standards", "…I'm disputing the payment with my card company"
    r"|going (?:straight )?to (?:trading standards|the ombudsman|court|small claims|my bank|the bank|the papers"
    r"|the press)"
    r"|disput\w* (?:the|this|it|my)\b)"
    r"[^.!?\n]*",
    re.IGNORECASE)


# "where the f*** is my sofa you stupid bot", "stupid bot. my trainers. where are they.": an insult at
# the assistant around a request reads as a question about the assistant; the request is what is asked
_BAD = r"(?:stupid|useless|dumb|thick|pointless|brainless|idiotic|rubbish|crap|crappy|sh[i1*]t+y?|f\w*ing|bloody|worthless|hopeless)"
_INSULT = re.compile(r"[,;.!]?\s*\b(?:(?:you|u|ya)\s+(?:absolute\s+|total\s+|complete\s+)?|(?:this|what a|such a)\s+)?"
                     r"(?:" + _BAD + r"\s+)+(?:excuse for a\s+)?(?:chat)?(?:bot|robot|machine|computer|program(?:me)?)\b[.!,]*"
                     # "where is my f***ing sofa you useless lot": at everyone here
                     r"|[,;.!]?\s*\b(?:you|u|ya|ye)\s+(?:" + _BAD + r"\s+)+(?:(?:bunch|load|shower|pack|lot) of\s+)?"
                     r"(?:lot|people|clowns|idiots|muppets|cowboys|morons|jokers|amateurs)\b[.!,]*"
                     # "where the bloody hell is my sofa you lot are a bunch of muppets"
                     r"|[,;.!]?\s*\b(?:you|u|ya|ye)\s+(?:lot|people|guys|all)\s+(?:are|r)\s+"
                     r"(?:(?:a|such a|a bunch of|a load of|a shower of|all|complete|total|absolute|utter|just|so)\s+)*"
                     r"(?:" + _BAD + r"|muppets|clowns|idiots|jokers|cowboys|amateurs|morons|a joke|a shambles|a disgrace"
                     r"|incompetent|pathetic)\b[.!,]*"
                     # "are you thick or something?? ive asked where my sofa is": a question about the bot's wits
                     r"|[,;.!]?\s*\bare\s+(?:you|u|ya)\s+(?:actually\s+|really\s+|just\s+|even\s+)?(?:thick|stupid|dumb|daft"
                     r"|braindead|brain dead|brainless|an idiot|a moron|simple|slow|deaf|blind|illiterate|thick or what)"
                     r"(?:\s+or (?:something|what))?\s*[?!]+"
                     # "…three times now, useless pile of code", "where is my sofa you muppet"
                     r"|[,;.!]?\s*\b(?:(?:you|u|ya|this)\s+)?(?:(?:" + _BAD + r")\s+)*(?:pile|heap|piece|load|bag|lump)"
                     r"\s+of\s+(?:code|junk|crap|sh[i1*]te?|rubbish|scrap|tin|garbage|trash)\b[.!,]*"
                     r"|[,;.!]?\s*\b(?:you|u|ya)\s+(?:absolute\s+|total\s+|complete\s+|utter\s+)?"
                     r"(?:muppet|idiot|moron|numpty|clown|plonker|donkey|imbecile)s?\b[.!,]*",
                     re.IGNORECASE)


# "stop asking me for my order number and just tell me where my parcel is": what the customer is tired of being
# asked (which the model reads as a cancellation, from "stop"), not what they ask
_NAG = re.compile(r"\b(?:(?:please|pls|can you|will you|just)\s+)?(?:stop|quit)\s+(?:(?:asking|telling)\s+(?:me\s+)?"
                  r"(?:for\s+|about\s+|to\s+)?|sending\s+me\s+(?=(?:the same|emails|links|messages|texts)\b))"
                  r"[^.,;!?]{0,40}?(?:\s+and\b|[.,;!?]+(?:\s*and\b)?|$)", re.IGNORECASE)


# "rubbish service. where is it", "worst shop ever. kettle's leaking": a verdict on us in a sentence of its
# own, said around the request (its anger still counts: the sentiment is read from the whole message)
_VERDICT = re.compile(r"(?:^|(?<=[.!?]))\s*(?:(?:what a|such a|this is(?: a| an)?|honestly|seriously|absolutely"
                      r"|absolute|utterly|utter|total|complete|so|the|your|ur)\s+)*(?:rubbish|shocking|terrible|awful|appalling"
                      r"|useless|pathetic|disgraceful|dreadful|worst|poor|crap|shite?|joke|shambles|disgrace)"
                      r"(?:\s+(?:service|shop|company|store|website|site|customer service|firm|lot|experience))?"
                      # "this is the worst customer service i have ever experienced. 3 weeks for a sofa"
                      r"(?:\s+(?:i|i'?ve|ive|i have|i've ever|we've|we have)\s+(?:ever\s+)?(?:experienced|had|seen|dealt with"
                      r"|come across|received|known|used))?"
                      r"(?:\s+(?:ever|as usual|again|tbh|honestly|mate|as always))*\s*[.!]+", re.IGNORECASE)
MIN_AFTER_VERDICT = 2  # "kettle's leaking"


def without_verdict(text: str) -> str:
    """`text` without its verdicts on us ("rubbish service. where is it" → "where is it")."""
    return " ".join(_VERDICT.sub(" ", text).split()).strip(" ,.;")


# "Hi. I haven't got an account. I want to return something I bought in store.": a guest saying who
# they are, in a sentence of its own, before what they ask (which the model hears as account help)
_GUEST_NOTE = re.compile(r"(?:^|(?<=[.!?]))\s*(?:i\s+(?:don'?t|dont|do not|haven'?t|havent|have not|never)\s+(?:got\s+|have\s+|had\s+"
                         r"|made\s+|set up\s+|created\s+)?(?:an?|any)\s+(?:account|login)(?:\s+with\s+(?:you|u|you guys|you lot))?"
                         r"|i'?m\s+not\s+(?:registered|signed up)(?:\s+with\s+(?:you|u))?"
                         r"|i\s+(?:checked out|ordered|bought it|paid)\s+as\s+a\s+guest)\s*[.!]+", re.IGNORECASE)
# …unless the rest is about the account after all ("I don't have an account. How do I make one?" is
# read whole)
_ACCOUNT_MATTERS = re.compile(r"\b(?:account|sign(?:ing|ed)? ?(?:in|up)|log(?:ging|ged)? ?(?:in|on)|login|register\w*"
                              r"|password|make one|create one|set one up|open one)\b", re.IGNORECASE)


def without_guest_note(text: str) -> str:
    """`text` without a sentence saying the customer has no account (see _GUEST_NOTE), unless the
    rest asks about accounts."""
    without = " ".join(_GUEST_NOTE.sub(" ", text).split()).strip(" ,.;")
    return text.strip(" ,.;!") if _ACCOUNT_MATTERS.search(without) else without


# "my cat just knocked my coffee all over the laptop 😭😭 anyway is my dress still coming today": what
# comes after the turn back to business is what is asked
_PIVOT = re.compile(r"\b(?:anyway|anyways|anyhow)\b[\s,.:!;-]+(?=\S)", re.IGNORECASE)

# "where is my f***ing sofa": a swear word that only says how the customer feels (the sentiment is
# read from the whole message)
# what the customer says they are NOT asking, before what they are: "I'm not after a refund and I don't want to cancel
# anything, I like the air fryer.", "It's not broken. It's not damaged. It's not late either", "Not about my order with
# you, that's all fine."; the request named is the one not wanted, and the words that name it mislead the model
_DISCLAIMED = re.compile(
    r"(?:^|(?<=[.!?,;:]))\s*(?:and\s+|but\s+|so\s+|look,?\s+|right,?\s+|honestly,?\s+)?(?:"
    r"(?:(?:i'?m|im|i am)\s+)?(?:really\s+|honestly\s+|definitely\s+)?not\s+(?:after|asking(?:\s+(?:for|about|to))?|chasing"
    r"|wanting|looking (?:to|for)|trying to (?:cancel|return|change|chase|get a refund)|cancell?ing|returning|changing)\b"
    # "dont want a refnd or anythin", "Don't want a refund, I want my parcel!"
    r"|(?:(?:i|we)\s+)?(?:don'?t|dont|do not)\s+(?:want|need)\s+(?:to\s+)?(?:cancel|delete|close|a refu?nd|refu?nd"
    r"|new ones|a new one|a replacement|my money back)\b(?![^.!?,;]*\bbut\b)"
    r"|(?:it'?s|its|it is|they'?re|theyre|they are)\s+not\s+(?:broken|damaged|faulty|late|lost|missing)\b"
    r"|(?:it'?s\s+)?not\s+about\s+(?:my|an|the|a)\s+(?:order|delivery|refund|parcel)\b"
    r")(?:(?!\bbut\b|\bjust\b|\bi (?:want|need|'?d like)\b)[^.!?,;])*(?:\s+(?:and|or)\s+(?:i'?m|im|i am|i|we)\s+(?:not|don'?t|dont"
    r"|do not)\b(?:(?!\bbut\b|\bjust\b)[^.!?,;])*)*[.!?,;]*",
    re.IGNORECASE)


_SWEARING = re.compile(r"\bthe\s+(?:f[\W_]*[*#@!]+[\w*]*|fu+c?k+|hell|heck)(?=\s+(?:is|are|was|were|has|have|had|did|do|does|happened)\b)"
                       r"|(?<!\w)(?:f[\W_]*[*#@!]+[\w*]*|fu+c?k+\w*|effing|frigging|friggin|flipping|freaking|bloody|goddamn|damn)(?!\w)",
                       re.IGNORECASE)
# …unless the rest asks about people behind it ("is there an actual human working there or is it just
# this dumb robot"): that whole question is about the assistant
_PEOPLE = re.compile(r"\b(?:human|humans|person|people|real|someone|somebody|anyone|anybody|agent|staff)\b", re.IGNORECASE)


def after_pivot(text: str) -> str | None:
    """The words after the last "anyway" that turns from an aside to the request; None when there
    is none or too little follows it (or comes before it)."""
    pivots = list(_PIVOT.finditer(text))
    if not pivots or len(text[:pivots[-1].start()].split()) < MIN_ASKED_WORDS:
        return None
    rest = text[pivots[-1].end():].strip()
    return rest if len(rest.split()) >= MIN_ASKED_WORDS else None


# "Not chasing the refund for the kettle, that came through fine last week, cheers. It's the trainers
# I'm after…", "I had a double charge last month and you sorted it really fast. This is a different
# thing though: …": an earlier matter said to be settled, which names a request no longer asked
_SETTLED = re.compile(r"\b(?:came|went|gone) through (?:fine|ok|okay|alright|all right|no problem|with no problems?)\b"
                      r"|\b(?:you|u|you guys|your team) (?:sorted|fixed|resolved) (?:it|that|this)\b"
                      r"|\b(?:that|it) (?:was|got|has been|'s been) (?:all )?(?:sorted|sortd|resolved|fixed)"
                      r" (?:fine|quickly|fast|no problem|ages ago|in the end|long ago)\b"
                      # "You sorted my missing item really well last time."
                      r"|\b(?:you|u|you guys|your team|they) (?:sorted|fixed|resolved|handled|dealt with) (?:out )?(?:my|the|a)\b"
                      r"[^.?!]{0,40}\b(?:last time|before|really well|so well|quickly|brilliantly)(?=\s*[.!])"
                      # "I had a refund from you last year and it was quick, so no complaints there."
                      r"|\bno (?:complaints|problems?|issues?|isues?|probs) (?:there|then|with (?:that|it))\b"
                      r"|\b(?:that|it) was (?:quick|fast|fine|painless|easy)\b"
                      # "the refund for the jeans I returned landed this morning so all sorted there, cheers.", "The
                      # replacement blender you sent is great, thanks a lot for that."
                      r"|\ball sorted (?:there|with (?:that|it))\b|\blanded (?:fine|ok|okay|safely)\b"
                      r"|\b(?:landed|came|arrived) (?:this morning|yesterday|last week)[^.?!]{0,10}\b(?:so )?all sorted\b"
                      r"|\b(?:is|was|are|were) (?:great|perfect|lovely|brilliant|spot on)[,.]? thanks (?:a lot |so much |very much )?"
                      r"for (?:that|sorting (?:that|it))\b",
                      re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")
_BUT = re.compile(r"\b(?:but|however|though|except|only thing is)\b", re.IGNORECASE)


def after_settled(text: str) -> str | None:
    """The sentences after the last one that says an earlier matter is settled (see _SETTLED); None
    when there is none or too little follows."""
    settled = list(_SETTLED.finditer(text))
    if not settled:
        return None
    end = _SENTENCE_END.search(text, settled[-1].end())
    if end is None or "?" in end.group():  # "has my refund gone through ok? and the sofa?" asks both
        return None
    # "…it's working fine, no complaints there, but I definitely chose black and what arrived is white.": the
    # matter starts at the "but"
    turn = _BUT.search(text, settled[-1].end(), end.start())
    rest = text[(turn or end).end():].strip()
    return rest if len(rest.split()) >= MIN_ASKED_WORDS else None


def after_person_refused(text: str) -> str | None:
    """The words after a person refused or called off ("no i dont want a person, just tell me where
    my trainers are" → "just tell me where my trainers are"; "forget the agent, can you just cancel
    the phone case order"); None when there is none or too little follows."""
    refusals = sorted([*PERSON_REFUSED.finditer(text), *PERSON_CALLED_OFF.finditer(text)], key=lambda m: m.end())
    if not refusals:
        return None
    rest = text[refusals[-1].end():].lstrip(" ,.;:!-")
    return rest if len(rest.split()) >= MIN_ASKED_WORDS else None


def asked_part(text: str) -> str:
    """`text` without what comes before the customer's last dismissal and without an ultimatum (a
    conditional threat is left as its condition); `text` itself when neither is there or too
    little would be left."""
    asked = after_dismissal(text) or after_person_refused(text) or after_pivot(text) or after_settled(text) or text
    asked = _CONDITIONAL_THREAT.sub(lambda m: m.group("condition"), asked)
    for aside, instead in ((_ULTIMATUM, ""), (_INSULT, ", "), (_SWEARING, " "), (_NAG, " "), (_DISCLAIMED, " ")):
        if aside.search(asked) is None:
            continue
        without = " ".join(aside.sub(instead, asked).split()).strip(" ,.;")
        if aside is _INSULT and _PEOPLE.search(without):
            continue  # "is there an actual human working there or is it just this dumb robot": about the bot
        if len(without.split()) >= MIN_ASKED_WORDS:
            asked = without
    for drop in (without_verdict, without_sarcastic_thanks, without_guest_note):
        # "rubbish service. where is it", "cheers for nothing, still no refund": the anger stays in the sentiment
        without = drop(asked)
        if without != asked.strip(" ,.;!") and len(without.split()) >= MIN_AFTER_VERDICT:
            asked = without
    return asked.strip() if asked != text else text


# "fine, forget it then", "forget it, I'll just keep it": dropping the request, not leaving
_DROPPED = re.compile(r"\b(?:forget (?:it|that|about it)|never ?mind|doesn'?t matter|i'?ll (?:just )?keep (?:it|them)"
                      r"|leave it)\b", re.IGNORECASE)
_FAREWELL = re.compile(r"\b(?:bye|goodbye|see (?:you|ya)|that'?s all|that'?s everything|have a (?:good|nice)|thanks"
                       r"|thank you|cheers)\b",
                       re.IGNORECASE)


def request_dropped(text: str) -> bool:
    """Whether `text` drops the request under way without saying goodbye (a "no" to it, which the
    dialogue answers "no problem, anything else?"); "never mind, bye" still leaves."""
    return _DROPPED.search(text) is not None and _FAREWELL.search(text) is None


# "no thats all, bye", "nope that's everything, ta ta": a no to "anything else?" that says goodbye
_NO_AND_BYE = re.compile(r"^\W*(?:no|nope|nah|no thanks|no thank you)\b[^.?!]{0,30}\b(?:bye|goodbye|ta ta|see (?:you|ya)|cya)\b"
                         r"[\s!.x]*$", re.IGNORECASE)


def no_and_goodbye(text: str) -> bool:
    """Whether `text` says no more is needed, and goodbye."""
    return _NO_AND_BYE.search(text) is not None


# "oh hang on, one of them has just disappeared from my banking app. false alarm, sorry!": the
# problem went away by itself, which the model cannot place and the dialogue, after a complaint,
# took for anger repeated
_RESOLVED_ITSELF = re.compile(r"\b(?:false alarm|panic over|all good now|(?:it'?s|its|all) sorted now"
                              r"|(?:it'?s|its) (?:fine|ok|okay) now)\b", re.IGNORECASE)
# "the second payment has just vanished off my statement": said, not asked ("has the payment dropped off yet?")
_PAYMENT_GONE = re.compile(r"\b(?:payment|charge|transaction)s?\b[^.?!]{0,40}\b(?:vanished|disappeared|dropped off"
                           r"|gone (?:off|from)|been refunded)\b(?![^.!]*\?)", re.IGNORECASE)


def payment_gone(text: str) -> bool:
    """Whether `text` says a payment in question has gone away by itself (see _PAYMENT_GONE)."""
    return _PAYMENT_GONE.search(text) is not None


def resolved_itself(text: str) -> bool:
    """Whether `text` says the problem went away by itself."""
    return _RESOLVED_ITSELF.search(text) is not None or payment_gone(text)


# "nah you're alright, I'll see if it shows up on monday", "no it's fine, I'll give it a few more days":
# a polite no, and the customer will wait, not a question about the delivery they mention
# "no need thanks, I'll chase the courier myself", "I'm good thanks, I'll wait and see", "nope, leave it,
# I'll give DPD until tomorrow"
_POLITE_NO = (r"^\W*(?:(?:ah|oh|ok|okay|right|fair enough)\b[\s,.!]*){0,2}"  # "ah ok. no, …"
              r"(?:(?:thank you|thanks|cheers)[\s,]*(?:but )?no\b[\s,.!]*|nah|no(?! worries| problem| bother)|nope|honestly"
              r"|not yet|maybe later|not (?:right )?now"  # "not yet, ta. I'll give it a few more days"
              r"|it'?s ok|it'?s fine|that'?s fine|that'?s ok|(?:it'?s|that'?s) (?:alright|all right)"
              r"|no need|i'?m (?:good|ok|okay|fine|alright))\b[\s,.!]*(?:thanks?\b[\s,.!]*)?"
              r"(?:(?:you'?re|ur|your|youre) (?:alright|all right|ok|okay|fine|good)|(?:it'?s|its|that'?s|thats) (?:fine|ok|okay|alright)"
              r"|(?:no )?(?:thanks|thank you|ta|cheers)|i'?m (?:ok|okay|fine|good|alright))?(?:[\s,.!]*leave it)?"
              # the person offered let off: "nah dont pass it on, im not fussed yet", "no, I won't bother a colleague
              # with it", "no need to pass it on"
              r"(?:[\s,.!]*(?:(?:don'?t|dont|do not|no need to) pass (?:it|this|that) on|(?:i )?(?:won'?t|wont|will not)"
              r" bother (?:a colleague|anyone|anybody|your team|the team|them|a person|someone)(?: with (?:it|this|that))?"
              r"|(?:i'?m|im|i am) not (?:fussed|bothered|worried)(?: yet)?|(?:don'?t|dont|do not) worry"
              # "No need for a person thanks, I'll keep an eye out for an email."
              r"|(?<=need )for (?:a|the|any|a real) (?:person|human|colleague|agent|member of (?:staff|the team))"
              r"(?:[\s,]+(?:thanks|thank you|ta|cheers))?))*")
_WAITING_IT_OUT = re.compile(_POLITE_NO + r"[\s,.!]*(?:i'?ll|ill|i will|will|i'?m gonna|i'?m going to)\s+(?:just\s+)?"
                             r"(?:wait|see|leave it|give (?:it|them|\w+ (?:until|till|til|a few|a couple|another|more))"
                             r"|hang on|hold on|check back|try again|hang fire|hold fire|chase|keep an eye (?:out|on))\b"
                             # "maybe later, I'm about to drive. not now thanks": busy now
                             r"|" + _POLITE_NO + r"[\s,.!]*(?:i'?m|im|i am)\s+(?:just\s+)?(?:about to (?:drive|go|leave|head)|off out"
                             r"|driving|at work|busy|in a meeting|on my way out)\b"
                             # "I'll hold fire for now, thanks. If it's not in by Friday I'll be back."
                             # (not "I'll hang fire on the return for now, … it's just the shade that's cracked")
                             r"|^\W*(?:i'?ll|ill|i will)\s+(?:just\s+)?(?:(?:hold|hang) fire\b(?!\s+(?:on|with|what|if|whether)\b)"
                             r"|wait and see\b)(?![^.!?]*\b(?:but|though)\b)"
                             # "…, a few more days is fine", "…, few more days"
                             # (not "No, a few more days is not acceptable", "Not yet, a few more days and I'm cancelling")
                             r"|" + _POLITE_NO + r"[\s,.!]*(?:a )?(?:few|couple(?: of)?|another (?:few|couple of)) more days\b"
                             r"(?![^.!?]*\b(?:not|isn'?t|acceptable|good enough|cancel\w*|ridiculous|joke|and (?:i'?m|then))\b)"
                             # "Thank you, but no. I'm content to wait a few more days before taking it further."
                             # (not "I'm happy to wait, but I need it by Saturday. Will it make it?")
                             r"|^\W*(?:(?:thank you|thanks|cheers)[\s,]*(?:but )?no\b[\s,.!]*)?(?:i'?m|im|i am)\s+(?:quite\s+)?"
                             r"(?:content|happy|fine|ok|okay|willing|prepared|alright|more than happy) to (?:wait|give it|leave it"
                             r"|hang on|hold on)\b(?![^?]*\?)(?!.*\b(?:but|if|as long as|so long as|provided)\b)"
                             # "Thank you for the offer, but there is no need to escalate at present. I shall allow a few
                             # more days."
                             r"|^\W*(?:thank you|thanks|cheers)\b[^.?!]{0,30}\bbut\b[^.?!]{0,20}?\b(?:no need|not necessary"
                             r"|(?:i|we) (?:don'?t|do not) need|i'?m (?:ok|okay|fine|good)|i'?ll wait|i shall wait)\b",
                             re.IGNORECASE)


def waiting_it_out(text: str) -> bool:
    """Whether `text` declines politely and says the customer will wait (see _WAITING_IT_OUT)."""
    return _WAITING_IT_OUT.search(text) is not None


# "No, thank you. A written response by email will suffice.": a no that ends its sentence
_NO_THANKS_SAID = re.compile(r"^\W*(?:no|nope|nah)[\s,]*(?:thanks|thank you|ta|cheers)\b\s*[.!]", re.IGNORECASE)


# coming back if need be, which asks nothing now: "…and shout if it's still not there"
_BACK_IF_NEED_BE = re.compile(r"\b(?:shout|come back|get back(?: to you)?|be in touch|message (?:you|again|back)|let you know"
                              r"|chase(?: it)?|contact you)(?: again)? if\b[^.?!,]*", re.IGNORECASE)  # (to a comma: a question may follow)


def only_waiting_it_out(text: str) -> bool:
    """Whether `text` declines politely, says the customer will wait (or says no thanks in a sentence
    of its own) and asks nothing after ("no need thanks, I'll chase the courier myself"), however
    surely the model reads the courier as tracking or the email as our contact details."""
    declined = _WAITING_IT_OUT.search(text) or _NO_THANKS_SAID.search(text)
    rest = _BACK_IF_NEED_BE.sub(" ", text[declined.end():]) if declined is not None else ""
    return declined is not None and _ASKED_INSTEAD.search(rest) is None and _MORE_SAID.search(rest) is None


# a problem said besides the wait: "It's alright, I'll wait for the email. My password reset link keeps expiring though"
_MORE_SAID = re.compile(r"\b(?:though|also|but|keeps|charged|wrong|broken|cracked|missing|damaged|send (?:it|them))\b",
                        re.IGNORECASE)


# "nah, no need for a person, just make sure it actually turns up this week", "no thanks, I don't need
# anyone": the offer of a person declined, whatever the customer adds about waiting
_PERSON_DECLINED = re.compile(r"^\W*(?:no|nah|nope|no thanks|no thank you|not really)\b[\s,.!]*(?:thanks?\b[\s,.!]*)?"
                              r"(?:it'?s (?:alright|all right|ok|okay|fine)\b[\s,.!]*)?"
                              r"(?:there'?s\s+)?(?:no need|(?:i|we) (?:don'?t|dont|do not) (?:need|want)|not needed)\b"
                              # a few words on, not "a bot", not "I want": "no i dont want a bot i want a human"
                              r"(?:(?!\bbot\b|\bwant)[^.!?]){0,20}?"
                              r"\b(?:a person|a human|an agent|anyone|anybody|someone|somebody|to (?:talk|speak) to)\b"
                              # "That's very kind of you but I don't think I need to speak to anybody just now"
                              r"|\b(?:i|we) (?:don'?t|dont|do not) think (?:i|we) (?:need|want) (?:to (?:speak|talk) (?:to|with) )?"
                              r"(?:anybody|anyone|a person|someone|somebody|a human)\b(?!\s+(?:to|coming|for)\b)(?![^.!?]*\bbut\b)"
                              # "Hmm, I'd rather not wait in a queue. I'll ring my bank first and come back if I need to."
                              r"|^\W*(?:(?:hmm+|erm|um|ah|oh|well)\W+)?(?:i'?d|i would) rather not (?:wait (?:in (?:a |the )?(?:queue"
                              r"|line)|on hold|for (?:a|an|the) (?:person|agent|advis[eo]r|colleague|human))|queue\b(?! at)"
                              r"|be put through|be transferred|(?:speak|talk) to (?:anyone|anybody|someone|somebody|a person"
                              r"|an agent|a human))",
                              re.IGNORECASE)


# what is asked instead of the person: "No I don't want a person, just tell me where it is"
_ASKED_INSTEAD = re.compile(r"\?|\b(?:tell me|where|when|what|how|why|whether|if (?:the|my|it)|i'?d rather"
                            r"|(?:i|we) (?:just |only )?(?:want|need|wanna)|can (?:you|u|i)|could (?:you|u|i)"
                            r"|refund|cancel|send me)\b", re.IGNORECASE)


def person_declined(text: str) -> bool:
    """Whether `text` starts by declining a person (see _PERSON_DECLINED) and asks nothing instead."""
    declined = _PERSON_DECLINED.search(text)
    rest = _TOLD_WHEN_SORTED.sub(" ", _BACK_IF_NEED_BE.sub(" ", text[declined.end():])) if declined is not None else ""
    return declined is not None and _ASKED_INSTEAD.search(rest) is None


# being told once it is done, which asks nothing now: "…just email me when it's sorted"
_TOLD_WHEN_SORTED = re.compile(r"\b(?:just )?(?:email|e-mail|text|message|let) (?:me|us)(?: know)? (?:when|once) (?:it'?s|its|it is"
                               r"|it has been|that'?s) (?:sorted|done|fixed|resolved|sorted out|refunded)\b", re.IGNORECASE)
