"""A person asked for in so many words: "just get me a real person right now", "human. NOW.",
"let me speak to a manager".

The model reads the rest of such a message first ("no i don't want another excuse" is a "no";
"I'm not signing in to anything" is about the account) and the customer who asked for a person
is told "No problem, let's leave that". The words are unmistakable, so they decide.
"""

from __future__ import annotations

import re

from contracts.dismissal import HEDGED, PERSON as _PERSON, PERSON_CALLED_OFF, PERSON_REFUSED
# "someone" only after a verb of talking: "I need someone to be in to sign for it" asks for no one
_SOMEONE = (r"(?:speak to|talk to|speak with|talk with|connect me (?:to|with)|transfer me to|pass me (?:on )?to"
            r"|put me through to|put me (?:onto|on to|on with)|pass me (?:onto|on to))\s+(?:someone|somebody|sumone|sum1|some1)")
# "get me someone who can actually fix it"
# staff spoken of in a story, not asked for: "I've already had to chat with one of your team about this twice"
_NOT_A_STORY = r"(?<!had to )(?<!has to )(?<!have to )"
_GET_ME_SOMEONE = r"(?:get|find|give) me (?:someone|somebody)\b"
_DEMAND = re.compile(
    r"\b(?:get|give|put|want|need|speak to|talk to|speak with|talk with|connect me (?:to|with)|transfer me to"
    r"|pass me to|put me through to|put me (?:onto|on to)|let me speak to|let me talk to)\s+(?:me\s+)?(?:through\s+to\s+)?"
    + _PERSON + r"\b"
    r"|\b" + _SOMEONE + r"\b"
    # "get someone to look into it": a person to sort it out
    r"|\b(?:get|send|have) (?:someone|somebody|sum1|some1) (?:to |2 )?(?:look into|look at|check|sort|deal with|call|ring"
    r"|phone|contact)\b"
    # "go on then, put me through": through to the person just offered
    r"|\b(?:put|get|transfer|connect) me through\b(?=\s*(?:[.!,?]|$|please|pls|now|then|asap|to (?:them|someone|somebody)))"
    # "please escalate this", "I want to escalate my complaint"
    r"|\bescalat\w*\s+(?:this|it|that|my (?:complaint|case|issue)|the (?:matter|complaint|issue|case))\b"
    # "yeah well i want some one to actually do something about it"
    r"|\b(?:i|we)\s+(?:just\s+|really\s+)?(?:want|need)\s+(?:someone|somebody)\s+to\s+(?:actually\s+|finally\s+|just\s+)?"
    r"(?:do something|sort (?:this|it)|look into (?:this|it)|deal with (?:this|it))\b"
    # "Please may I speak with a customer service advisor regarding…", "I'd like to speak to your complaints department",
    # "put me through to customer services"
    r"|\b(?:(?:speak|talk|chat)(?: to| with)|(?:put me through|transfer me|connect me|pass me(?: on)?) to"
    r"|connect me with)\s+(?:a |an |your |the |one of your )?(?:customer (?:service|services|care|support)|complaints?"
    r"|support)(?: (?:advis[oe]rs?|representatives?|reps?|team|department|dept|staff|assistants?|people|agents?))?\b"
    r"|\b(?:speak|talk)(?: to| with) (?:your |the )?complaints\b"
    # "Can I talk to one of your team, please?", "I would like to speak with a member of your customer service team"
    r"|" + _NOT_A_STORY + r"(?<!\bwent to )\b(?:speak|talk|chat)(?: to| with) (?:one of your|a member of (?:your|the)"
    r"|someone (?:on|in|from) your) (?:[\w-]+ ){0,3}?(?:team|staff|agents|people|lot)\b"
    # "Please could I speak with an advisor?", "I don't suppose I could deal with a real person instead?"
    r"|" + _NOT_A_STORY + r"\b(?:speak|talk|chat)(?: to| with) (?:an?|one of your) (?:advis[oe]rs?|representatives?)\b"
    r"|(?<!had to )\bdeal with (?:a|an) (?:real |actual )?(?:person|human)\b(?=[^.?!]*\?)"
    # "Could you put me through to an advisor"
    r"|\b(?:put me through|transfer me|connect me|pass me(?: on)?) to (?:a |an |one of your |your )?(?:advis[oe]rs?"
    r"|representatives?|reps?|colleagues?|operators?)\b"
    # "can a person look at this please, wrong size trainers sent", "wheres the humans at"
    r"|\b(?:can|could) (?:a|an|one of your)\s+(?:real\s+|actual\s+)?(?:person|human|agent|member of staff|staff member)"
    r"\s+(?:please\s+)?(?:look at|look into|check|sort|deal with)\b"
    r"|\bwhere(?:'?s| are| r| is) (?:the |all the |your )?(?:humans|real people|actual people|staff|agents)\b(?: at)?\W*$"
    # "cheers, yes, get someone on it please"
    r"|\b(?:get|put) (?:someone|somebody) on (?:it|this|that|the case)\b"
    # "are you deaf? i said HUMAN", "I asked for a manager": a person asked for again
    r"|\bi (?:said|asked for|typed|wrote|told you)\s+(?:i want\s+)?" + _PERSON + r"\b(?=\s*(?:[.!?,]|$|not\b|please\b|now\b))"
    r"|\b" + _GET_ME_SOMEONE +
    # "i dont want to talk to a bot", "I'm not talking to a machine": a person wanted instead
    r"|\b(?:i (?:don'?t|dont|do not|won'?t|will not|refuse to)|i'?m not|im not|i am not)\s+(?:want(?:ing)? to |wanna )?"
    r"(?:talk|speak|chatt?|deal)(?:ing)?\s+(?:to|with)\s+(?:a |an |some |the |this |your )?"
    r"(?:stupid |bloody |useless |automated |damn |rubbish )?(?:bot|robot|machine|computer|chat ?bot|ai)\b(?![^.!?]*\?)" +
    # "don't bother with the automated waffle mate, i want it sorted today", "spare me the robot answers": the
    # assistant's answers refused, a person wanted instead
    r"|\b(?:don'?t|dont|do not|spare me|not interested in|no more|enough (?:of|with)|sick of|fed up (?:of|with))\b"
    r"[^.?!]{0,30}\b(?:automated|robot|robotic|bot|computer|scripted|canned|generic)\s+(?:rubbish|nonsense|waffle|answers?"
    r"|replies|reply|responses?|messages?|crap|drivel|script|bs|bollocks|garbage|excuses?|guff|tosh)\b"
    # (not "I'm sick of the automated messages saying it's delayed": what they said)
    r"(?!\s+(?:saying|telling|that|about)\b)" +
    # "I would be grateful to be put in touch with a member of staff", "I'd just rather go through all of it with
    # someone who can actually see my account"
    # "I just prefer talking to humans", "forgive me if I'd rather go straight to a person here"
    r"|\b(?:i\s+)?(?:just\s+|much\s+)?prefer\s+(?:talking|speaking|to talk|to speak|dealing)\s+(?:to|with)\s+(?:humans|a human"
    r"|real people|people|a person|a real person)\b(?!\s+in (?:the |a )?(?:shop|store|branch))"
    r"|\b(?:i'?d|i would)\s+(?:just\s+|much\s+)?rather\s+(?:go|get|be put)\s+(?:straight\s+)?(?:to|through to)\s+(?:a|an)\s+"
    r"(?:real\s+)?(?:person|human|agent)\b"
    # (not "I was put in touch with someone last week who promised me a refund")
    # "I'd like to be put through to someone on the team please"
    # (nor "Every time I'm put through to customer services they cut me off", "After being put through…", "I asked to be
    # put through to someone, they hung up")
    r"|(?<!\bwas )(?<!\bwere )(?<!\bgot )(?<!\bbeen )(?<!being )(?<!\bim )(?<!i'm )(?<!\bam )(?<!had to )(?<!had to get )"
    r"(?<!asked to )(?<!asked to be )(?<!had to be )\b(?:be |get |getting )?put (?:in touch|through) (?:with|to) "
    r"(?:a |an |one of your |your )?(?:member of (?:staff|your team|the team)|someone|somebody|a person|a human|an agent"
    r"|customer services?)\b(?:\s+(?:on|in|from) (?:your|the) team\b)?"
    r"(?!\s+(?:last|yesterday|earlier|before|who (?:said|told|promised)))"
    # (not "I'd rather sort this out with someone over the phone. What number do I ring", "…with someone collecting it")
    r"|\b(?:i'?d|i would) (?:just |much )?(?:rather|sooner|prefer to|like to) (?:go through|talk (?:it |this |that )?(?:through|over)"
    r"|discuss|sort) (?:[\w']+ ){0,4}?with (?:someone|somebody|a person|a human|an agent|a real person|a member of staff"
    r"|your (?:staff|team|people)|one of your (?:team|staff|people))"
    r"(?:\s+(?:who|that)\s+(?!(?:\w+\s+){0,2}(?:collect|pick|ring|call|phone))[^.?!]{0,60})?(?:\s+(?:directly|instead|properly|personally))?\s*(?:[.!?,]|please\b|$)" +
    # "yeah go on, I'd rather someone looked at it properly"
    r"|\b(?:i'?d|i would) (?:rather|prefer|like) (?:someone|somebody|a person|a human) (?:to )?(?:looked|look|dealt|deal"
    r"|sorted|sort|checked|check|handled|handle)\b" +
    # "actually no, I do want someone. sorry!!": a person asked for again after leaving the queue
    r"|\b(?:i|we)\s+(?:do|really|actually|still)\s+(?:want|need)\s+(?:someone|somebody)\b(?!\s+(?:to|who|that)\b)" +
    # "…I don't have her login. Is there someone who can help?": a story ending in a person asked for
    r"|\b(?:is|isn'?t) there (?:someone|anyone|somebody|anybody)(?: there| real)? (?:who|that) (?:can|could) "
    r"(?:help|sort (?:this|it) out)(?: (?:me|us))?(?: with (?:this|that|it))?\s*(?:[?.!]|please|pls|$)"
    # "Is there someone on your team I can chat to?"
    r"|\b(?:is|isn'?t) there (?:someone|anyone|somebody|anybody)(?: (?:on|in|from) your team| there| real)? (?:i|we) (?:can|could)"
    r" (?:talk|speak|chat) (?:to|with)\s*(?:[?.!]|please|pls|$)"
    # "u got any humans working today", "are there any real people on today?": a person wanted, asked as a question
    # that ends there (not "are there any people working on sunday?", "…or is it just this dumb robot")
    r"|(?:^|[.!?,]\s*|\b(?:hi|hello|hey|so|ok|oi)\W+)(?:(?:have|has)\s+(?:you|u)\s+got|(?:you|u|ya)\s+got|got|are there|is there)"
    r"\s+(?:any|a|an)\s+(?:real\s+|actual\s+|live\s+)?(?:humans?|people|persons?|staff|agents?)\s+(?:working|available|online"
    r"|about|around|on (?:today|now|at the moment|tonight))(?:\s+(?:today|now|at the moment|tonight|this \w+))?\s*(?:[?.!]|$)",
    re.IGNORECASE)
# a sentence that is only the word: "human. NOW.", "agent please"
# (and "human not bot", "no bots, a person ideally", "a human instead?")
# "ok ye connect me", "ok ye put me thru": a yes to the person offered, said as the hand-off itself
_PUT_ME_THROUGH = re.compile(r"^\W*(?:(?:ok|okay|yes|yeah|ye|yep|go on|fine|alright)\W+){0,2}(?:please\s+)?"
                             r"(?:connect me|put me (?:through|thru|thro)|transfer me|pass me over)(?:\s+(?:please|pls|then|now))?\W*$",
                             re.IGNORECASE)
_ALONE = re.compile(r"(?:^|[.!?]\s*)(?:no (?:bots?|robots?)\W+)?(?:a\s+|an\s+)?(?:real\s+|actual\s+|live\s+)?"
                    r"(?:human|agent|operator|person)(?:\s+(?:now|please|pls|asap|instead|ideally|not (?:a )?(?:ro)?bots?))?"
                    r"\s*(?:[.!?,]+|$)", re.IGNORECASE)  # "human please, my sofa is STILL not here"
# "what number do I ring to talk to someone?": a question about how, for the model to read
_ASKED_ABOUT = re.compile(r"\b(?:what|which|how|when|where|who|is there|are there|do you have|do i (?:need|have) to"
                          r"|tried to|trying to|i'?ve tried)\b", re.IGNORECASE)
# "can I not just talk to a person instead": a demand asked as a question, not a negation
# (and "I don't suppose I could speak to an actual person?": hedged, not negated)
_WHY_NOT = re.compile(r"\b(?:(?:can|could) (?:i|we|you) not|(?:can'?t|cant|couldn'?t) (?:i|we|you)"
                      r"|(?:don'?t|dont|do not) " + HEDGED + r"\b[^.?!]*\b(?:(?:i|we|you) (?:could|can|might)"
                      r"|(?:could|can|might) (?:i|we|you)))\b", re.IGNORECASE)
# a negation just before the demand ("I don't really want to talk to a person"), not one earlier in
# the sentence ("no i don't want another excuse just get me a real person")
_NEGATED = re.compile(r"\b(?:don'?t|dont|do not|no need to|not|never)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


_SOME_ONE = re.compile(r"\bsome (one|body)\b", re.IGNORECASE)
# the talking words as they get typed ("I'd just like to speek to sumone on your team")
_SLIPS = {"speek": "speak", "spk": "speak", "tawk": "talk", "tlk": "talk", "sumone": "someone", "sum1": "someone",
          "some1": "someone", "sumbody": "somebody", "wiv": "with", "ur": "your"}
_SLIP = re.compile(r"\b(?:" + "|".join(_SLIPS) + r")\b", re.IGNORECASE)


# an apology thrown back before what is wanted: "dont want sorry", "I don't need your apologies"
_APOLOGY_REFUSED = re.compile(r"\b(?:don'?t|dont|do not) (?:want|need) (?:your |any |an? )?(?:sorry|sorrys|apolog\w*)\b[\s,.!]*",
                              re.IGNORECASE)


def person_demanded(text: str) -> bool:
    """Whether `text` asks for a person outright (see the module docstring); "I don't want to
    talk to a person" and "what number do I ring to talk to someone?" do not."""
    text = _SOME_ONE.sub(r"some\1", text)  # "i want some one to actually do something about it"
    text = _SLIP.sub(lambda m: _SLIPS[m.group().lower()], text)
    text = _APOLOGY_REFUSED.sub(". ", text)  # "dont want sorry i want a real person NOW": the "don't" is the apology's
    for m in _DEMAND.finditer(text):
        sentence = text[:m.start()].rsplit(".", 1)[-1].rsplit("?", 1)[-1].rsplit("!", 1)[-1]
        if (not _NEGATED.search(sentence) or _WHY_NOT.search(sentence)) and not _ASKED_ABOUT.search(sentence):
            return True
    return _ALONE.search(text.strip()) is not None or _PUT_ME_THROUGH.search(text) is not None


# a person named at all, asked for or not: "a manager", "someone to talk to", "someone to call me back"
_NAMED = re.compile(_PERSON + r"|\b(?:someone|somebody|anyone|anybody)\s+(?:to\s+|who\s+can\s+|that\s+can\s+)?"
                    r"(?:talk|speak|call|ring|phone|chat)|\b" + _SOMEONE + r"|\b" + _GET_ME_SOMEONE, re.IGNORECASE)


def names_a_person(text: str) -> bool:
    """Whether `text` names a person ("please can someone sort this" names none)."""
    return _NAMED.search(text) is not None


def person_called_off(text: str) -> bool:
    """Whether `text` calls off the person asked for ("cancel the agent": contracts.dismissal)."""
    return PERSON_CALLED_OFF.search(text) is not None


# "what's your name then", "whats ur name": a question about the assistant, which the model,
# seeing "what's your …", reads as a question about our opening hours or phone number
# ("do you have a name necklace?" is a product question; the question must end its sentence)
_ASSISTANTS_NAME = re.compile(r"(?:\b(?:what'?s|whats|what is|tell me)\s+(?:your|ur)\s+name|\b(?:do you have|have you got) a name"
                              r"|\bwhat (?:are you|do you) called"
                              r"|\bwhat (?:do|should|can|shall) (?:i|we|they|people|folks?) call you)(?:\s+(?:then|again|mate|pls|please|btw|lol))?\s*(?:[.!?,]|$)",
                              re.IGNORECASE)


def asks_the_assistants_name(text: str) -> bool:
    """Whether `text` asks what the assistant is called."""
    return _ASSISTANTS_NAME.search(text) is not None


# "r u a real person", "am I talking to a bot?": whether the assistant is a person, which the model,
# seeing "a real person", reads as one asked for (and the customer is queued)
_ARE_YOU_A_PERSON = re.compile(
    r"\b(?:are|r) (?:you|u) (?:a |an )?(?:real|actual|live|proper)?\s*(?:person|human|bot|robot|machine)\b"
    r"|\bam i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|machine)\b",
    re.IGNORECASE)


def asks_if_a_person(text: str) -> bool:
    """Whether `text` asks whether the assistant is a person or a bot."""
    return _ARE_YOU_A_PERSON.search(text) is not None


# "r u single 😏", "will you go out with me": flirting with the assistant, which the model, seeing
# "you" and nothing of ours, may read as a person asked for (and the customer is queued)
_FLIRTING = re.compile(
    r"\b(?:are|r) (?:you|u) (?:single|married|seeing (?:any|some)(?:one|body)|taken)\b"
    r"|\b(?:do|have) (?:you|u) (?:have|got) a (?:boy|girl)friend\b|\b(?:bf|gf)\b\?"
    r"|\b(?:will|would|wanna|want to) (?:you|u) (?:marry me|go out with me|date me|go on a date)",
    re.IGNORECASE)


def flirts(text: str) -> bool:
    """Whether `text` flirts with the assistant."""
    return _FLIRTING.search(text) is not None


# "do you enjoy your job or is it all a bit boring", "are you ever lonely": small talk about the
# assistant itself, which the model, seeing "boring" or "lonely", reads as an unsure complaint
_ABOUT_THE_ASSISTANT = re.compile(
    r"\b(?:do|don'?t|dont) you (?:ever |actually |even |really )?(?:enjoy|like|love|hate|mind) (?:your|ur) (?:job|work|life)"
    r"|\b(?:do|don'?t|dont) you (?:ever |actually |even |really )?(?:get (?:bored|tired|lonely|fed up)|sleep|dream|have (?:feelings|a life|friends|a day off))"
    r"|\bare you (?:ever |actually |even |really )?(?:bored|lonely|sad|tired|human|real|alive|a (?:ro)?bot|an? (?:ai|machine|computer))\b"
    # "well what are you actually able to do then?": what the assistant is for
    r"|\bwhat (?:are you|can you|do you) (?:actually |even |really )?(?:able to do|good for|do|help (?:me )?with)"
    r"(?:\s+(?:then|exactly|here|for me|anyway))?\s*(?:[?.!]|$)"
    r"|\bwhat (?:is|'s) the point of you\b",
    re.IGNORECASE)


def asks_about_the_assistant(text: str) -> bool:
    """Whether `text` asks the assistant about itself (its job, feelings, being a bot)."""
    return _ABOUT_THE_ASSISTANT.search(text) is not None


# "is there someone I can phone if I've got a problem?", "a number I can ring", "I'd rather talk to
# someone on the phone… what's the number?": our phone line
# asked for, which the model reads as a person asked for now (and the customer is queued)
_SOMEONE_TO_RING = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|a number|a phone number|a helpline)\s+(?:that\s+)?(?:i|we)\s+(?:can|could|should)\s+"
    r"(?:phone|ring|call|e-?mail)\b"
    r"|\b(?:can|could) (?:i|we) (?:phone|ring|call) (?:you|someone|somebody|anyone|your (?:team|shop|office|customer service))\b"
    # "id much rather talk to someone on the phone. What hours are you open and whats the number?"
    r"|\b(?:talk|speak) (?:to|with) (?:someone|somebody|a person|a human|an agent|a real person) (?:on|over|by) the phone\b"
    r"(?=.*\b(?:number|hours|open|times?)\b)"
    # "I'd rather talk to someone about sizing before I buy anything. What are the opening hours for the phone line?"
    r"|\b(?:talk|speak) (?:to|with) (?:someone|somebody|a person|a human|an agent|a real person)\b"
    r"(?=.*\b(?:phone ?lines?|opening hours|(?:what|which) (?:hours|times)|phone number|number to (?:ring|call))\b)",
    re.IGNORECASE)


def asks_for_someone_to_ring(text: str) -> bool:
    """Whether `text` asks how to phone us rather than for a person here and now."""
    return _SOMEONE_TO_RING.search(text) is not None


# "Is there an address I can write to you at?", "where do I send a letter of complaint": how to reach us by post,
# which the model, hearing letters and addresses, reads as off-topic
_WRITE_TO_US = re.compile(r"\b(?:address|where)\b[^.?!]{0,30}\b(?:write|send (?:a |my )?(?:letter|complaint)|post (?:a |my )?"
                          r"(?:letter|complaint))\b[^.?!]{0,15}(?:\b(?:you|u|your (?:company|head office|team))\b|\?)"
                          r"|\b(?:your|the) (?:postal|head office|correspondence) address\b", re.IGNORECASE)


def asks_how_to_write_to_us(text: str) -> bool:
    """Whether `text` asks where to write to us (see _WRITE_TO_US)."""
    return _WRITE_TO_US.search(text) is not None


# "what time does your team finish today anyway", "when does customer services close": our hours, which the model, with
# no "opening" said, reads unsure
_US_AS_A_TEAM = (r"(?:you|u|you lot|you guys|your (?:team|staff|shop|store|customer (?:service|services|care|support)|helpline"
                 r"|office|call cent(?:re|er)|phone lines?|chat)|customer (?:service|services|care|support)|the (?:team|helpline"
                 r"|office|call cent(?:re|er)|phone lines?|chat))")
_OUR_HOURS = re.compile(r"\b(?:what time|when)\s+(?:do|does|will)\s+" + _US_AS_A_TEAM
                        + r"\s+(?:finish|close|shut|open|start|clock off|knock off)\b"
                        # (not "when will you open the new store", "when do you close my account", "When do you start
                        # delivering to Northern Ireland", "When will you open up returns")
                        r"(?!\s+(?:the|a|an|my|your|new|it|this|that|them|up|returns?|orders?|deliver\w*|\w+ing)\b)",
                        re.IGNORECASE)


def asks_our_hours(text: str) -> bool:
    """Whether `text` asks when our team works (see _OUR_HOURS)."""
    return _OUR_HOURS.search(text) is not None


def person_refused(text: str) -> bool:
    """Whether `text` says the customer does not want a person (contracts.dismissal.PERSON_REFUSED)
    and asks for none elsewhere; the model, seeing "a person", may read one asked for."""
    return PERSON_REFUSED.search(text) is not None and not person_demanded(text)


# "The driver was lovely… Please pass that on to whoever.": praise or a complaint to hand on, not a
# person to talk to
_RELAYED = re.compile(r"\bpass (?:that|this|it|my thanks|on my thanks|this feedback|that feedback) on\b"
                      # "Just wanted to pass on some positive feedback.", "I'd like to leave some good feedback"
                      r"|\b(?:pass on|give|leave|share|send) (?:you |on )?(?:some |a bit of |a little )?(?:positive |good |nice |glowing "
                      r"|great )feedback\b"
                      r"|\bwell done to (?:whoever|the (?:driver|courier|team|packer|packers|warehouse|staff)|your)\b"
                      r"(?![^.!?]*\b(?:los\w*|lost|wrong|broken|smashed|damaged|pieces|again|twice|throw\w*)\b)"
                      r"|\bpass on my (?:thanks|compliments|feedback)\b|\blet (?:them|him|her|the driver|the team) know\b"
                      r"|\b(?:thanks|thank you|compliments) to (?:whoever|the (?:driver|courier|team|packer|packers|warehouse|staff)"
                      r"|your (?:driver|courier|team|packers?|warehouse|staff))\b",
                      re.IGNORECASE)


_ASKING = re.compile(r"\?|\b(?:where|when|what|how|why|can|could|will|would)\b", re.IGNORECASE)


# "nah dont pass it on": the passing on refused
_NOT_RELAYED = re.compile(r"\b(?:don'?t|dont|do not|no need to|not to|won'?t|wont)\s+(?:bother (?:to )?)?$", re.IGNORECASE)


def feedback_relayed(text: str) -> bool:
    """Whether `text` asks for its feedback to be passed on (and asks for no person outright, nor
    anything else: "thanks to the driver my parcel got soaked, where is the replacement"; nor refuses it: "nah dont
    pass it on")."""
    relayed = _RELAYED.search(text)
    return (relayed is not None and not _NOT_RELAYED.search(text[:relayed.start()]) and not person_demanded(text)
            and _ASKING.search(text) is None)


# "this is the third time I have had to contact you and I am absolutely furious": having come back again and again, said
# (not asked how to reach us: "what's your number? third time I've tried to call")
_CONTACTED_AGAIN = re.compile(r"\b(?:2nd|3rd|4th|5th|second|third|fourth|fifth|umpteenth|nth)\s+time\b[^.?!]{0,30}?"
                              r"\b(?:contact|messag|e-?mail|call|ring|rang|phon|chas|writ)\w*"
                              r"|\b(?:contacted|messaged|e-?mailed|called|rung|rang|phoned|chased|written to)\s+(?:you\s+)?"
                              r"(?:lot\s+)?(?:about (?:this|it)\s+)?(?:twice|three times|four times|\d+ times|several times"
                              r"|multiple times|so many times)\b", re.IGNORECASE)
_HOW_TO_REACH = re.compile(r"\?|\b(?:what|when|how|which|number|hours|open|email address)\b", re.IGNORECASE)


def contacted_again(text: str) -> bool:
    """Whether `text` says the customer has had to come back about it again and again, asking nothing about how to
    reach us (see _CONTACTED_AGAIN)."""
    return _CONTACTED_AGAIN.search(text) is not None and _HOW_TO_REACH.search(text) is None
