"""Questions about another company's orders or services: "my amazon parcel says delivered but it
isn't here", "does Argos do click and collect on a sunday?", "who do I complain to at Royal Mail".

The classifier reads the parcel and the refund in them and starts our own order flows, quoting
the customer's orders back to them. So, sentence by sentence:
- a message that names another company *as the one it is about* (its parcel, what it does,
  someone to contact there) and says nothing about us is out of scope;
- a message that also speaks of us ("Last month I had a double payment on another site. …
  Anyway, the air fryer I got from you has stopped heating up. Can I send it back?") is read
  from its sentences about us; there a vaguer "another site" or "somewhere else" counts too.
A company merely compared with ("you're slower than amazon", "I'd normally buy this on Amazon but
thought I'd give you a go"), or named in a sentence that speaks of us too ("i ordered a phone case
off you lot and amazon does next day so when's it gonna ship"), is left to the model. A place near the
customer ("a good plumber near me") is out of scope unless it is one of ours ("a shop near Leeds");
so is advice on using or caring for a thing ("best way to descale a kettle") when no problem
with the order is mentioned, and what a shop's assistant does not do: price matching, jobs,
supplier enquiries, paying in crypto. So is a message sent here by mistake ("sorry wrong chat,
meant to text my husband").

The list is a setting (NLU_OTHER_BUSINESSES). It names no courier by default: any may carry our own
parcels; a shop may add those it never uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

DEFAULT_OTHER_BUSINESSES = (
    # retailers and marketplaces
    "amazon", "argos", "ebay", "etsy", "tesco", "asda", "sainsbury's", "sainsburys", "morrisons", "aldi", "lidl",
    "john lewis", "zara", "primark", "boohoo", "h&m", "m&s", "marks and spencer", "currys", "ikea", "shein", "temu", "asos", "b&q", "wickes", "walmart",
    # food delivery and subscriptions
    "deliveroo", "just eat", "uber eats", "ubereats", "netflix", "spotify", "disney+", "disney plus",
    "kindle unlimited", "apple music", "youtube premium", "now tv", "nowtv", "paramount+", "paramount plus",
    "dazn", "britbox", "hellofresh", "hello fresh", "gousto", "mindful chef", "puregym", "pure gym",
    "duolingo",
    # energy, travel and holidays
    "british gas", "octopus energy", "edf", "e.on", "eon", "ovo", "scottish power", "jet2", "easyjet", "ryanair", "tui",
    "british airways", "booking.com", "airbnb", "trainline", "uber",
    # phone, broadband and TV providers and the government (not banks, PayPal or Klarna: a customer pays us
    # through them, and looks for our refunds there)
    "vodafone", "o2", "giffgaff", "bt", "sky", "virgin media", "talktalk", "plusnet", "hmrc", "dvla", "ee",
    "carphone warehouse",
    # more shops, takeaways, marketplaces, travel and entertainment (not "next", "three", "boots", "very", "game" or
    # "iceland": everyday words first; nor where a customer found us or paid, "on google", "with apple pay", nor
    # makers of what we may sell, "xbox", "samsung": their accounts are in _NOT_OURS_UNLESS_OURS_SAID)
    "jd sports", "sports direct", "river island", "matalan", "tk maxx", "dunelm", "b&m", "home bargains",
    "superdrug", "waitrose", "ocado", "screwfix", "toolstation", "halfords", "smyths", "hmv", "waterstones",
    "specsavers", "vision express", "vinted", "depop", "gumtree", "facebook marketplace", "dominos", "domino's",
    "pizza hut", "mcdonalds", "mcdonald's", "kfc", "greggs", "nandos", "nando's", "starbucks", "odeon", "cineworld", "ticketmaster", "national rail", "national express", "megabus",
    "avanti", "lner", "tfl", "three mobile", "expedia", "hotels.com", "paddy power", "bet365",
    # a post office is no courier of ours; couriers are not listed: any may carry our own parcels
    # (the demo's kettle came with Royal Mail), and a shop may add those it never uses
    "post office",
    # water companies: "Thames Water have sent me a bill for a flat I moved out of"
    "thames water", "severn trent", "united utilities", "anglian water", "yorkshire water", "southern water",
    "welsh water", "scottish water",
)

# what ties the message to the company: its parcel or account, what it does or said, a place to go
_THEIR_THINGS = (r"parcel|package|order|delivery|deliveries|tracking|account|prime|subscription|refund|driver|app|website|site"
                 r"|sellers?|ride|rides|bill|contract|helpline"
                 r"|store|shop|customer service|do|does|did|has|have|is|are|was|were|sent|delivered|lost|left|says"
                 r"|said|charged|will|won'?t|open|opens|shut|shuts|close|closes|deliver|delivers|ships|sells|sell"
                 # "netflix wont stop charging me", "my netflix membership", "netflix taking a payment every month"
                 r"|membership|plan|payments?|direct debit|taking|charging|charges|keeps?|wont|stop|make|makes|let|lets"
                 r"|plus|premium|pass|subs?|gym|classes|trial"
                 # "Tesco missed my grocery delivery slot", "Spotify took two payments off me" (not "Post Office still
                 # shows it as not scanned", "the Post Office took my return": our parcels pass through it)
                 r"|(?<!office )(?:missed|forgot|refused|billed|overcharged|failed|cancell?ed|grocery|groceries|slot"
                 r"|took(?= (?:\w+ )?(?:payments?|money|£)))"
                 # "my sky box isnt working" (not "it came in an Argos box")
                 r"|box(?= (?:isn'?t|is not|won'?t|not|keeps|has stopped|stopped))")
# …or the customer's dealings with them: "how do I get netflix to stop"
_TOWARDS_THEM = r"at|from|off|on|to|with|by|contact|call|ring|email|about|get|make|tell|ask|ordered an?"
# …and a subscription of theirs to end: "cancel my Netflix", "quit Spotify"
_ENDING_IT = r"cancel\w*|stop|stopping|quit|unsubscribe from|leave"
# a sentence that names them to compare us with them: "I'd normally buy this on Amazon but thought
# I'd give you a go" is about us
_COMPARED = re.compile(r"\b(?:than|give|gave|giving|try|tried|trying|instead of|rather than|over|chose|picked)\s+"
                       r"(?:you|u|yours|you guys|you lot)\b"
                       # "this is the worst customer service i've ever experienced and i've dealt with BT"
                       r"|\b(?:worst|worse|slowest|rudest)\b[^.?!]{0,60}\b(?:ever|than)\b"
                       # "my fault entirely as I usually go a size up at Sports Direct"
                       r"|\b(?:usually|normally|always) (?:go|get|buy|shop|wear|take|order)\b"
                       # "cancel my order, found it cheaper on amazon"
                       r"|\b(?:cheaper|for less|better (?:price|deal|offer))\b"
                       # another company as the measure of us: "amazon are jus as bad", "Never had this with Argos",
                       # "Even eBay sellers refund faster than this", "Amazon are rubbish too but at least they tell
                       # you", "Currys did the same to me once"
                       r"|\b(?:ju?st? |equally |every bit )?as (?:bad|slow|useless|poor|rubbish|awful|terrible|hopeless)\b"
                       r"|\bno (?:better|worse|different)\b|\bat least (?:they|it|theirs)\b|\b(?:same as|unlike)\s"
                       r"|\bnever (?:had|have had) (?:this|that|an? (?:issue|problem)|any (?:issues|problems|trouble))(?: before)? with\b"
                       r"|\b(?:faster|quicker|sooner|better|worse|slower)\b[^.?!]{0,20}\bthan (?:this|that|here|yours)\b"
                       r"|\bdid (?:the same|this|that)(?: thing)? to (?:me|us)\b", re.IGNORECASE)

# …though a question comparing prices is about the other company's: "is amazon cheaper than you?" (not "amazon is
# cheaper than you, cancel my order")
_PRICES_ASKED = re.compile(r"^\s*(?:is|are|do|does|would|will|can|could)\b[^?]*\b(?:cheaper|dearer|more expensive|better value"
                           r"|price ?match\w*)\b", re.IGNORECASE)


def _alternatives(businesses: tuple[str, ...]) -> str:
    return "|".join(re.escape(b).replace(r"\ ", r"\s+").replace("'", "'?") for b in sorted(businesses, key=len, reverse=True))


@lru_cache(maxsize=8)
def _names(businesses: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives(businesses)})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _pattern(businesses: tuple[str, ...]) -> re.Pattern[str]:
    names = _alternatives(businesses)
    return re.compile(rf"\b(?:{names})(?:'?s)?\s+(?:{_THEIR_THINGS})\b|\b(?:{_TOWARDS_THEM})\s+(?:{names})\b"
                      rf"|\b(?:{_ENDING_IT})\s+(?:my\s+|our\s+)?(?:{names})\b",
                      re.IGNORECASE)


# a shop not named: "on another site", "from somewhere else"
_UNNAMED = re.compile(r"\b(?:another|a different|some other|other) (?:site|website|shop|store|retailer|company|seller)s?\b"
                      r"|\bsomewhere else\b|\belsewhere\b", re.IGNORECASE)
_ASKED_OF_US = re.compile(r"\b(?:can|could|would|will) (?:you|u)\b|\bplease\b|\bpls\b", re.IGNORECASE)
# the customer speaking of us: "the air fryer I got from you", "your driver", an order id of ours
_US = re.compile(r"\b(?:from|with|off|at|by) (?:you|u|you guys|you lot)\b"
                 # "the trainers I ordered are a bit too small" (not "the trainers i ordered from jd sports")
                 r"|\bthe \w+(?: \w+)? (?:i|we) (?:ordered|bought)\b(?! (?:from|at|off|on|with|in)\b)|\byour\b"
                 # "the post office says you received my returned top"
                 r"|\byou(?:'ve| have)? (?:received|took|charged|sent|promised|lost)\b|\bord\W?\d{3,}|\b(?:just|only|on|with) yours\b", re.IGNORECASE)
# a dot inside a word ("booking.com", "hotels.com") ends no sentence
_SENTENCES = re.compile(r"(?:[^.!?\n]|\.(?=[a-z0-9]))+[.!?]*")


# somewhere near the customer ("a good plumber near me", "a curry house near leeds station"),
# unless it is one of ours or a place for our parcels ("do you have a shop near Leeds")
_LOCAL = re.compile(r"\bnearest\b|\b(?:near|nearby|close to|round|around)\s+(?:me|here|us|my (?:house|home|place|flat|work)"
                    r"|\w+ (?:station|centre|center|town))\b", re.IGNORECASE)
_OURS_NEARBY = re.compile(r"\b(?:store|shop|branch|outlet|collection|pick ?up|drop(?:ped)? ?(?:it )?off|locker|return"
                          r"|parcel|deliver\w*|slot|(?<!post )office|address"
                          r"|order|courier|driver|van|phone line|line|ring you|call you)s?\b", re.IGNORECASE)


# advice on using or caring for a thing, not a problem with the order: "best way to descale a
# kettle", "tips for getting a red wine stain out of a sofa", "any good recipes for the air fryer",
# "how long do you cook chips for in an air fryer? mine keep coming out soggy"
_ADVICE = re.compile(r"\b(?:tips?|advice|best way|how (?:long )?(?:do|can|should|would) (?:i|you|we|one)|how to|any (?:good )?ideas"
                     r"|recipes?|is it (?:safe|ok|okay|alright|fine) to)\b", re.IGNORECASE)
_CARE = re.compile(r"\b(?:descal\w*|limescale|clean(?:ing)?|stains?|recipes?|cook(?:ing)?|bak(?:e|ing)|wash(?:ing)?|iron(?:ing)?"
                   r"|get (?:\w+ ){0,4}out of|look after|care for|style|wear it with"
                   # "is it safe to put an air fryer on a wooden worktop"
                   r"|(?:put|use|leave|keep|store) (?:it|them|(?:an?|the|my) (?:\w+ ){0,2}\w+) (?:on|in|near|under|next to|outside"
                   r"|without))\b",
                   re.IGNORECASE)
_A_PROBLEM = re.compile(r"\b(?:broken|broke|damaged|faulty|cracked|leak\w*|arrived|stopped|doesn'?t work|won'?t|refund|return"
                        r"|replace\w*|wrong"
                        # a parcel to leave somewhere, our site to use: "Is it okay to leave the parcel in the porch"
                        r"|parcel|package|deliver\w*|courier|driver|card|website|site|your)\b", re.IGNORECASE)


# choosing something to buy is a product question, not advice on using one: "he loves cooking…
# any ideas for under about fifty quid?"
_SHOPPING = re.compile(r"\b(?:buy(?:ing)?|gifts?|presents?|budget|quid|pounds|recommend\w*)\b"
                       r"|\b(?:under|below|less than|up to) (?:about |around )?(?:£\s?)?\d+", re.IGNORECASE)


def asks_for_advice(text: str) -> bool:
    """Whether a sentence of `text` asks how to use or look after something, with no problem with
    the order and nothing to choose or buy."""
    if _A_PROBLEM.search(text) or _SHOPPING.search(text):
        return False
    return any(_ADVICE.search(m.group()) and _CARE.search(m.group()) for m in _SENTENCES.finditer(text))


# what a shop's assistant does not do, however much it sounds like shopping: price matching, jobs,
# supplier and trade enquiries, paying in crypto ("do u lot price match argos", "r u hiring?")
_NOT_OUR_SERVICE = re.compile(
    r"\bprice[- ]?match\w*|\b(?:are you|r u|are u|you|u) (?:lot |guys )?hiring\b|\b(?:is|are)\s+\w+(?:\s+\w+)?\s+hiring\b|\btaking on (?:\w+ )?(?:temps|staff|people|workers|drivers)\b|\bvacanc(?:y|ies)\b"
    r"|\bjob (?:openings?|applications?|vacanc\w+)|\bapply(?:ing)? for (?:a )?job|\bwork (?:for|at) (?:you|your company)\b"
    r"|\b(?:buying|purchasing) team\b|\bsuppliers?\b|\bwholesale\b|\bstock(?:ing)? (?:our|my) (?:range|products?)\b"
    r"|\bbitcoin|\bcrypto\w*"
    # somewhere to eat or someone to hire asked for, wherever it is: "any good coffee shops near Kings
    # Cross?", "do u know any decent sandwich places that deliver", "can you recommend a good man with a
    # van" (not "I shall be at the hairdresser until two")
    r"|\b(?:recommend|suggest|know (?:of )?(?:a|an|any|some)|any (?:good|decent|nice|cheap)|find (?:me )?(?:a|an|some))\b"
    r"[^.?!]{0,30}\b(?:chipp(?:y|ies)|(?:coffee|sandwich|pizza|takeaway|curry|kebab|burger|chip|food|brunch|lunch) (?:shops?|places?"
    r"|spots?|joints?|houses?|vans?)|restaurants?|caf[eé]s?|pubs?|man (?:with|and) a van|removals? (?:firm|company|men)"
    r"|plumbers?|electricians?|builders?|taxis?|locksmiths?|mechanics?|dentists?|hairdressers?|barbers?)\b"
    # "i need a plumber", "can you book me a taxi": a tradesperson or a ride wanted, not a parcel
    r"|\b(?:i (?:need|want)|(?:i'?m )?looking for|get me|book me|call me|find me)\s+(?:a|an)\s+(?:good\s+|decent\s+|cheap\s+"
    r"|local\s+|emergency\s+)?(?:plumber|electrician|builder|locksmith|mechanic|dentist|doctor|gp|vet|taxi|cab|uber|lawyer"
    r"|solicitor|cleaner|babysitter|hairdresser|barber|gardener|roofer|painter|decorator|handyman|boiler engineer)\b"
    # "how can I track my flight?", "my car makes a grinding noise every time I brake"
    r"|\btrack (?:my|the|a|our) (?:flight|plane|train|bus|uber|taxi|cab|steps|calories|period|workouts?|runs?|phone)\b"
    r"|\bmy (?:car|motorbike|moped|boiler)\b[^.?!]{0,40}\b(?:nois|grind|squeal|rattl|won'?t start|broke|leak|warning light"
    r"|brak|engine|tyre|exhaust|MOT)"
    # food or a ride ordered for them: "can you order me a takeaway"
    r"|\b(?:order|get|book) (?:me|us) (?:a|an|some) (?:takeaway|take-away|pizza|curry|kebab|chinese|indian|burger|food"
    r"|taxi|cab|uber|table)\b",
    re.IGNORECASE)
# …and what is not ours only where nothing of an order, a payment or our site is said besides ("I was charged
# twice through my paypal account", "I signed up with my google account and now I cant log in to your site")
_NOT_OURS_UNLESS_OURS_SAID = re.compile(
    # another device's or service's password: "how do I reset my iphone password"
    r"\b(?:iphone|ipad|android|laptop|computer|pc|mac|windows|apple id|google|gmail|hotmail|outlook|icloud|wi-?fi"
    r"|router|netflix|facebook|instagram|whatsapp|tiktok|spotify|amazon|ebay|paypal|banking app)"
    r"(?:'?s)? (?:password|passcode|pin|login|log ?in|account)\b"
    # a games console's or game's own password (not "my Fortnite account" where a code bought of us won't redeem)
    r"|\b(?:xbox|playstation|ps5|nintendo|steam|roblox|minecraft|fortnite)(?:'?s)? (?:account )?(?:password|passcode|pin"
    r"|parental controls)\b"
    # "How do I change the password on my BT wifi hub?"
    r"|\b(?:password|passcode|pin) (?:on|for|of) (?:my|the|our) (?:[\w'-]+ ){0,2}(?:hub|router|wi-?fi|phone|laptop|ipad|iphone"
    r"|tablet|computer|pc|mac|tv|box|printer|xbox|playstation|ps5|nintendo|steam|roblox|minecraft|fortnite)\b"
    # another service's account broken into: "my PayPal got hacked and someone spent £200, who do I even contact"
    r"|\b(?:iphone|android|apple id|google|gmail|hotmail|outlook|icloud|netflix|facebook|instagram|whatsapp|tiktok"
    r"|snapchat|spotify|amazon|ebay|paypal|bank|banking app|steam|xbox|playstation)(?:'?s)?(?: account)?"
    r" (?:got|has been|have been|was|been|is) (?:hacked|compromised|stolen)\b"
    # "facebook locked my account", "i think someone has hacked my paypal", "can you check my apple id"
    r"|\b(?:facebook|instagram|whatsapp|tiktok|snapchat|google|gmail|hotmail|outlook|icloud|apple|netflix|spotify|amazon"
    r"|ebay|paypal|steam|xbox|playstation) (?:has |have )?(?:locked|suspended|disabled|banned|blocked|closed)\b"
    r"|\bhacked (?:into )?my (?:facebook|instagram|whatsapp|tiktok|snapchat|google|gmail|hotmail|outlook|icloud|apple id"
    r"|netflix|spotify|amazon|ebay|paypal|steam|xbox|playstation|phone|email|e-mail)\b|\bmy apple id (?:is|has|keeps|was|won'?t|isn'?t)\b"
    # a fixture of the home to mend: "do you know how to fix a leaking tap", "how do I bleed a radiator"
    r"|\b(?:fix|fixing|repair|repairing|mend|mending|unblock|unblocking|bleed|bleeding|re-?pressuri[sz]e)\s+(?:a|my|the|our)\s+"
    r"(?:\w+\s+)?(?:taps?|boiler|sink|toilet|loo|shower|radiators?|roof|gutters?|drains?|pipes?|fence|puncture|tyre|bike"
    r"|car|lawn ?mower)\b"
    # the company's own news: "is it true you lot are being bought out by some american company?"
    r"|\b(?:bought out|taken over|takeover|going bust|going under|into administration|closing down|share price)\b",
    re.IGNORECASE)
_OURS_SAID = re.compile(r"\b(?:order\w*|parcel|package|deliver\w*|refund\w*|charg\w*|paid|pay|payments?|your|waiting|log ?in"
                        # "the password on the laptop you sold me", "the tablet I bought from you"
                        r"|with (?:you|u)|(?:from|off) (?:you|u)|you (?:sold|sent)|card"
                        r"|sign ?in|site|website|ord\W?\d{3,})\b", re.IGNORECASE)
# …and the customer's own parcel or present, where no order of ours is said (a parcel and a courier are theirs here)
_THEIR_OWN_PARCEL = re.compile(
    # "whats the best courier to send a parcel to my nan in ireland"
    r"\b(?:to|i|we|i'?m|i need to|i want to)\s+(?:send|post|ship)(?:ing)?\s+(?:a|my|this|some)\s+(?:parcel|package|present"
    r"|gift|box|letter|card)(?: of \w+)?\s+to\s+(?:my|a|the|his|her|our|some|france|spain|ireland|america|australia|the us)\b"
    # "What do I put on the customs form when I'm sending a box of clothes to Australia?"
    # (not "I need a customs form to send the return back from Jersey")
    r"|\bcustoms (?:form|declaration|label)\b(?![^.?!]*\b(?:returns?|returning|back)\b)[^.?!]{0,40}\b(?:send|sending|post"
    r"|posting)\b"
    # "how do i track a parcel i'm sending to my sister in spain"
    r"|\b(?:parcel|package|present|gift|letter|card)s? (?:i'?m|i am|we'?re|we are|i'?ve|i have|we'?ve) (?:sending|posting"
    r"|sent|posted|just sent|just posted)\b(?! back)"
    # "How do I track a parcel I sent with Parcelforce?" (not "The package I sent via Royal Mail was for my refund")
    r"|\b(?:parcel|package|letter)s? (?:i|we) (?:sent|posted)(?: to (?:my|a|the|his|her|our) (?!warehouse|depot|returns?"
    r"|address|centre|hub)\w+)? (?:with|via|by|through)"
    r" (?:parcelforce|royal mail|dhl|ups|fedex"
    r"|dpd|evri|hermes|yodel|the post office)\b(?![^.?!]*\b(?:return\w*|refund\w*)\b)"
    # a neighbour's parcel taken in: "i took in a parcel for my neighbour… how long do i legally have to keep it"
    r"|\b(?:parcel|package|delivery)s? for (?:my|a|the|our) (?:\w+ )?neighbou?rs?\b|\bneighbou?r'?s (?:parcel|package)s?\b"
    # a courier's times for someone else's parcel: "how long DHL normally takes to deliver to Nigeria from UK"
    r"|\bhow long (?:(?:does|do|will|would)\s+)?(?:dhl|ups|fedex|parcelforce|royal mail|dpd|evri|hermes|the post)\b"
    r"[^.?!]{0,30}\btakes?\b[^.?!]{0,15}\bdeliver\w* to (?!(?:me|my|us|our|here|the (?:house|door|flat))\b)\w+"
    r"[^.?!]{0,20}\b(?:from (?:the )?uk|from england|from britain|abroad|overseas|internationally)\b"
    # a present to wrap: "any tips for wrapping an air fryer as a present?"
    r"|\b(?:tips?|advice|ideas?|how (?:do|can|should|would) (?:i|we|one)|how to|best way)\b[^.?!]{0,20}\b(?:wrap|wrapping)\b",
    re.IGNORECASE)


# everyday life the model hears as ours, with no parcel of ours in it: a utility or home to have
# fixed ("my virgin media broadband has been down since tuesday. can you get them to send an engineer
# out", "should i ask my landlord to fix the boiler"), trains, buses and flights ("do you know if the
# trains are running today?", "which airline is cheapest out of Manchester?"), a fact in units
# ("how many miles is a marathon exactly?"), writing or homework done for them, the football, a phone
# contract, a row at home, the weather, a bank card declined in a shop, the council, a gym, insurance,
# a flight or a holiday, the garden, a sum about a price
_EVERYDAY_LIFE = re.compile(
    # the clock or the calendar: "what's the time", "what day is it today" (not "what time is it coming")
    r"^\W*(?:(?:what'?s|whats|what is) the (?:current )?(?:time|date)|what time is it|what day is it|have you got the time)"
    r"(?: now| today| please| pls)?\W*$|"
    r"\bmy (?:[a-z]+ ){0,2}(?:broadband|wi-?fi|internet|heating|electricity|gas|energy|water)"
    r" (?:supply |bill )?"
    r"(?:is|has|keeps|went|goes|'?s|isn'?t|won'?t|hasn'?t|been|cut|dropp\w*)\b"
    r"|\b(?:landlord|letting agent|tenancy|council tax|energy supplier|broadband provider|phone network)\b"
    # household bills: "my gas bill says there's a standing charge"
    r"|\b(?:standing charges?|(?:gas|electric|electricity|energy|water) bills?)\b"
    # "Virgin Media broadband keeps dropping out. Is there an outage in Leeds today?", road tax, the rent paid by
    # standing order, a supermarket's loyalty card
    r"|\b(?:broadband|wi-?fi|internet)\b[^.?!]{0,30}\b(?:outage|dropping out|drops out|keeps dropping)\b"
    r"|\b(?:power|broadband|internet|wi-?fi|network) outages?\b"
    r"|\b(?:road tax|car tax|tv licen[cs]e|mot test|pay (?:my|the|our) rent|mortgage|clubcard|nectar (?:card|points))\b"
    # "My phone bill has gone up by £5 a month… mid contract?", "a first car", "a white Christmas", health and exercise
    # (a sentence that speaks of us or a charge is no phone bill of theirs: "I was charged twice, it shows up on my mobile
    # bill", "Can I upgrade the phone I bought from you mid contract?")
    r"|(?:^|(?<=[.?!]\s))(?![^.?!]*\b(?:you|your|order|charg\w*|paid|payment|twice|bought)\b)[^.?!]*"
    r"\b(?:(?:phone|mobile|broadband|tv) bills?|mid[- ]contract)\b"
    r"|\b(?:a|an) (?:first|used|second[- ]hand) car\b|\bcar insurance\b"
    r"|\ba white christmas\b(?! (?:tree|lights?|jumper|decorations?|baubles?|card))"
    r"|\bclocks? go(?:es)? (?:back|forward)\b|\b(?:isa|pension|premium bonds|stocks and shares)\b"
    # a headache of the customer's own (not "The LED lamp I bought gives me headaches")
    r"|\b(?:get|getting|have|having|suffer\w* (?:from|with)|cure|remedy|relieve|tablets? for) (?:a |bad |constant )?"
    r"(?:headaches?|migraines?)\b"
    r"|\bstretch\w* (?:routine|plan|tips)\b|\b(?:exercise|workout|training) (?:routine|tips)\b"
    # advice on things we do not sell: "a beginner knitting pattern", "a heat pump or a gas boiler", "bait for carp", "a good
    # dog groomer in Croydon", "the best fortnite skin", "the best bank… as student", relationship advice, stamps, the MOT
    r"|\b(?:good|easy|beginners?|simple|free|best)\b[^.?!]{0,15}\b(?:knitting|crochet|sewing) patterns?\b"
    r"|\b(?:a|get|getting|install\w*|fit\w*)\s+(?:a\s+)?(?:heat pump|solar panels?)\b(?!\s+(?:\w+\s+)?(?:dryers?|lights?|lamps?|fountains?|chargers?))"
    r"|\bbait (?:for|to use)\b|\bfor carp\b"
    r"|\b(?:a good|best|recommend a|know a|decent) (?:dog groomer|groomer|plumber|electrician|dentist|mechanic|garage|vet"
    r"|hairdresser|barber|builder|solicitor|restaurant|pub|takeaway|cafe|curry house|chippy)\b"
    r"(?=\s*(?:[.?!,]|$|\s+(?:in|near|round|around|nearby|you|that|who|to)\b))"
    r"|\b(?:fortnite|roblox|minecraft|apex|valorant|fifa) (?:skins?|builds?|tips|season|update)\b(?!\s+(?:gift|cards?|vouchers?|codes?|books?))"
    r"|\b(?:best|good) bank\b(?!\s+(?:holiday|card|details|transfer))|\brelationship advice\b"
    r"|\bmy (?:gf|bf|girlfriend|boyfriend|wife|husband|partner) is (?:mad|angry|upset|annoyed|cross) (?:at|with) me\b(?![^.?!]*\b(?:because|cos|coz|since|as)\b)"
    r"|\b(?:first|second)[- ]class stamps?\b|\bprice of (?:a )?stamps?\b|\bmy mot\b|\bmot (?:is )?due\b"
    r"|\b(?:when|what date|what day)(?:'?s| is)?\s+(?:the\s+)?next bank holiday\b(?![^.?!]*\b(?:deliver|open|order|dispatch|post)\w*)"
    # a pet to choose or name, the neighbour's tree: "which is better as a first dog", "a name for my new puppy" (not
    # "Is this harness OK for a first dog?", "Can you print names for my baby on the blanket?")
    r"|\b(?:which|best|good|better)\b[^.?!]{0,30}\b(?:first|family) (?:dog|pet|cat)\b(?![^.?!]*\b(?:harness|collar|lead"
    r"|bed|bowl|toy|food|crate|coat)s?\b)"
    r"|\b(?:think of|pick|choose|suggest|good|ideas? for)\b[^.?!]{0,15}\bnames? for (?:my|our|a|the) (?:new )?(?:puppy|dog"
    r"|kitten|cat|hamster|rabbit|baby|goldfish)\b"
    r"|\bneighbou?r'?s? (?:tree|hedge|extension|music|noise)\b"
    # the assistant's own wishes asked: "If you could go anywhere in the world on holiday, where would you go?" (not "If
    # you could go ahead and cancel it"), "would you rather…" (not "Would you rather I post it or drop it off?")
    r"|^\W*if (?:you|u) could (?:go|be|have|live|eat|meet|travel|visit|choose)\b[^.?!]{0,20}\b(?:anywhere|anything|anyone"
    r"|any (?:country|city|place|food|animal|person|job))\b|\bwould (?:you|u) rather\b(?! (?:i|we|me)\b)"
    r"|\b(?:trains?|buses|the bus|tube|ferry|ferries|rail|flights?)\b[^.?!]{0,25}\b(?:running|strike|on time|cancell?ed"
    r"|timetable|times)\b|\b(?:rail|train|bus|tube) strikes?\b|\bairlines?\b"
    r"|\bhow (?:many|much|far)\b[^.?!]{0,15}\b(?:miles|km|kilometres|kilometers|metres|meters|feet|inches|ounces|grams"
    r"|calories|laps)\b"
    # writing and schoolwork: "could you write me 500 words on the first world war", "write a quick email
    # to my boss", "help me with my chemistry homework"
    r"|\b(?:write|draft|compose)\s+(?:me\s+|us\s+|my\s+)?(?:up\s+)?(?:a\s+|an\s+|the\s+|some\s+|\d+\s+)?"
    r"(?:[a-z]+\s+){0,3}?"
    r"(?:essays?|poems?|story|stories|letters?|e-?mails?|speech|song|cv|cover letter|words|tweets?|captions?|limericks?"
    r"|paragraphs?)\b"
    r"|\b(?:homework|coursework|dissertation)\b"
    # the football: "did u see the footy last nite, that ref needs glasses" (not "football boots")
    r"|\bfooty\b|\bthe (?:ref|referee)\b"
    r"|\b(?:the|that) (?:match|game) (?:last (?:night|nite)|yesterday|at the weekend)\b"
    # a phone or TV contract: "my o2 contract runs out next month, should I switch to three or ee"
    r"|\b(?:o2|ee|vodafone|giffgaff|three|sky|bt|virgin|phone|mobile|sim|tv) (?:contract|tariff|signal|coverage|sim only)\b"
    # a row at home or a boss: "me and my partner keep rowing about the dishwasher, who's in the right"
    r"|\b(?:me and my|my) (?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|flatmate|housemate|mum|mam|dad"
    r"|sister|brother|kids?|neighbours?)\b[^.?!]{0,40}\b(?:row\w*|argu\w*|fight\w*|fell out|falling out|bicker\w*)"
    r"|\bwho'?s (?:in the )?right\b|\bmy boss\b"
    # someone else to complain about: "how do I complain about my neighbour's dog"
    r"|\bcomplain\w* (?:about|to) (?:my|the|our) (?:neighbou?r\w*|landlord|council|boss|school|doctor|gp|hospital|airline"
    r"|bank|gym|employer|dentist)"
    # the post on strike: "is royal mail on strike this week" (with no parcel of ours: see _A_PARCEL)
    r"|^(?:(?!\bmy\b|\blate\b|\border).)*\b(?:royal mail|the post(?:ies)?|posties|post office|dpd|evri|hermes|ups|fedex"
    r"|dhl)\b[^.?!]{0,20}\bstrik\w*(?:(?!\bmy\b|\blate\b|\border).)*$"
    # the time somewhere else, sport, directions, the tip, money a friend owes: "hey google whats the time in new
    # york", "when's the next grand prix", "what's the quickest way to the M6 from here", "what time the tip closes
    # on a sunday", "how do i get my money back off my mate he owes me 200 quid"
    r"|\b(?:what(?:'?s| is) the time|what time is it) in\b|\btime difference\b"
    r"|\b(?:when|who|what time|where|which channel)\b[^.?!]{0,25}\b(?:grand prix|formula (?:1|one)|world cup"
    r"|premier league|champions league|six nations|olympics|super bowl|the euros|league table)\b"
    r"|\b(?:quickest|fastest|shortest) (?:way|route) (?:to get )?to (?:the )?(?:m\d+|a\d+|\w+ (?:station|airport"
    r"|city centre|town centre|hospital))\b|\bdirections to\b"
    r"|\b(?:time|when|hours)\b[^.?!]{0,30}\b(?:the (?:tip|dump)|recycling (?:centre|center))\b(?! of)"
    r"|\b(?:the (?:tip|dump)|recycling (?:centre|center)) (?:open|close|shut)\w*"
    r"|\b(?:he|she|my (?:mate|friend|pal|brother|sister|ex|flatmate|housemate|cousin)) (?:still )?owes? (?:me|us)\b"
    # lost property, a bank's own fees: "i left my wallet on the number 12 bus… who i ring about lost property",
    # "why my bank charged me a fiver for going 2p overdrawn"
    r"|\blost property\b"
    # a bank's own fees: "why my bank charged me a fiver for going 2p overdrawn" (not "your double charge put me
    # into my overdraft")
    r"|\bbank (?:charged|charges|charging|fined|took)\b[^.?!]{0,40}\boverdra(?:wn|ft)\b"
    # school: "ngl my maths teacher took my phone n says i gotta get my mum to collect it, can she refuse??"
    r"|\b(?:my|our|the|his|her) (?:\w+ )?(?:teacher|head ?teacher|headmaster|headmistress|tutor)\b"
    # the weather: "the weather is miserable today isnt it", "is it gonna rain in Galway the weekend?"
    r"|\b(?:gonna|going to|will it|is it|it'?ll|supposed to|meant to|forecast to) (?:rain|snow|be sunny|be windy|pour)\b"
    r"(?!.*\b(?:leave|left|doorstep|porch|outside|shed|wet|turn up|turns up|arrive|arrives|arriving)\b)"
    r"|\b(?:the )?weather\b[^.?!]{0,30}(?:\?|\b(?:miserable|awful|terrible|horrible|grim|rubbish|today|tomorrow"
    r"|this weekend|like)\b)|\bweather forecast\b"
    # the council, a gym, insurance, a flight or a holiday booked: "the council still havent emptied our bins", "my
    # gym is still taking £35 a month off me", "car insurance renewal came through", "they've moved our flight"
    r"|\bthe council\b|\bbins?\b[^.?!]{0,15}\b(?:emptied|collect\w*|day|men)\b|\bmy gym\b|\bgym membership\b"
    r"|\b(?:car|home|house|contents|pet|travel|life|van|bike) insurance\b|\b(?:my|our|the) flight\b"
    r"|\bholiday (?:booking|company|rep|provider)\b"
    # a pet's or child's safety: "Is it safe for dogs to eat grapes?? mine just ate 2 off the floor"
    r"|\b(?:safe|ok|okay|bad|poisonous|toxic|dangerous) for (?:a |my |the )?(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?"
    r"|rabbits?|hamsters?|babies|baby|toddlers?|kids?|children) to (?:eat|drink|have)\b"
    r"|\bmy (?:dog|cat|puppy|kitten) (?:just |has )?(?:ate|eaten|swallowed)\b"
    # money lent: "can u lend me a fiver lol"
    r"|\blend (?:me|us)\b[^.?!]{0,15}\b(?:a fiver|a tenner|a score|some (?:money|cash|dosh)|money|cash|£\s?\d+"
    r"|\d+ (?:quid|pounds|bucks))\b"
    # an invitation out: "fancy a pint later"
    r"|\bfancy (?:a|going for a|grabbing a) (?:pint|drink|coffee|brew|cuppa|bevvy|date|night out|curry)\b"
    # the garden: "when should i be cutting back my lavender"
    r"|\b(?:my|the) (?:lavender|roses|hedges?|lawn|tomato plants?|houseplants?|shrubs|seedlings|weeds)\b"
    # a sum about a price: "if something costs £48 after 20% off what was the original price"
    r"|\bwhat (?:was|is|would be) the original price\b|\bwhat(?:'s| is) \d+(?:\.\d+)?\s*%\s*of\b"
    r"|\b(?:maths|math) (?:question|one|problem|help)\b"
    # a subscription or membership to cancel: no order of ours is one ("How do I cancel my Which? membership?", "can you
    # cancel my NOW TV pass for me", "is there a way to cancel Microsoft 365? Got the renewal email")
    r"|\b(?:cancel\w*|stop|stopping|quit|get out of|come out of)\b[^.?!]{0,40}\b(?:membership|subscription"
    r"|direct debit|(?:my|the|a|their) (?:[\w+]+ ){0,2}pass|premium (?:subscription|membership|plan|account)|renewal"
    r"|auto-?renew\w*|(?:gym|phone|mobile|broadband|tv|energy|internet) contract)\b|\brenewed itself\b"
    # "We signed up for a free trial back in January… How do I cancel it?"
    r"|\b(?:signed up (?:for|to)|started|took out) (?:a |the |their )?free trial\b|\bfree trial (?:ended|ran out|expired|finished)\b"
    r"|\b(?:membership|subscription|direct debit|renewal)\b[^.?!]{0,60}\bcancel\w*",
    re.IGNORECASE)
# politics and general knowledge: "who will win the next election", "which party would you put your money on",
# "who wrote pride and prejudice", "what's the capital of australia" (not "who wrote this reply"), with no order
# of ours named (politicians may "deliver nothing")
_GENERAL_KNOWLEDGE = re.compile(
    r"\belections?\b|\bprime minister\b|\b(?:which|wich) (?:political )?party\b|\bin government\b"
    r"|\bwho(?: (?:was|is) it)?(?: that)?(?: actually| really| first| originally)? (?:wrote|invented|painted|discovered"
    r"|directed|composed|sang|founded)\b"
    r"(?! (?:this|that|these|those|the (?:reply|replies|message|e-?mail|letter|review|policy|rules?)|your|to me|back|in)\b)"
    r"|\bthe capital (?:city )?of\b|\bwhat year did\b"
    # "who's the richest person in the world right now?"
    r"|\b(?:richest|tallest|oldest|fastest|biggest|largest|smallest|most famous) (?:person|man|woman|people|country"
    r"|animal|building|city|mountain|river) (?:in|on|of) (?:the )?(?:world|earth|uk|britain|england|europe|history"
    r"|universe)\b"
    # "which Bronte sister wrote Jane Eyre?"
    r"|\bwhich (?:\w+ )?(?:sister|brother|author|writer|poet|band|singer|artist|composer|painter|scientist|president|king"
    r"|queen|actor|actress)s? (?:wrote|invented|painted|discovered|directed|composed|sang)\b"
    # "How tall is the Eiffel Tower?"
    r"|\bhow (?:tall|high|deep|heavy) (?:is|was|are|were) (?:the |a |an )?(?!(?:parcel|package|order|delivery|refund"
    r"|return|wait|queue|it|this|that|they|my|your|box|item|driver|courier|van|depot)\b)\w+(?: \w+)?\s*\?"
    r"|\b(?:voted? (?:out|in)|(?:be|stay|remain|still|get|got|party) in power)\b(?![^.?!]*\b(?:order|parcel|deliver\w*|refund)\b)"
    # "…I just need someone neutral to confirm. Who is the author?"
    r"|\bwho(?:'s| is| was) the (?:author|writer|inventor|composer|painter)\b(?! of (?:this|that|the (?:email|message|reply)))"
    # "how many pints are in a gallon?", "How many time zones does Russia have?", "how long is a marathon in miles?"
    r"|\bhow many [a-z ]{1,25}? (?:are|is) (?:there )?in (?:a|an|one) (?!(?:set|pack|box|bundle|multipack|kit|order|parcel)\b)"
    r"|\bhow many [a-z ]{1,25}? (?:are|is) (?:there )?in the (?:human body|world|uk|sky|sea|ocean|universe|bible|alphabet"
    r"|solar system|galaxy|premier league)\b"
    r"|\bhow many [a-z ]{1,20}? does (?!(?:it|this|that|they|the \w+)\b)\w+ have\b"
    r"|\bhow (?:long|far|big|tall|old|high|deep) is (?:a|an|the) (?!(?:parcel|package|order|delivery|refund|return)\b)\w+"
    r"(?: \w+)? in (?:miles|km|kilometres|metres|feet|years|inches)\b"
    r"|\b(?:labour|tory|tories|lib ?dems?|liberal democrats?|conservatives?|snp|green party|reform uk|farage"
    r"|referendum|the polls|opinion polls?|the monarchy|royal family|politicians?|immigration|foreign aid"
    r"|benefit cap|junior doctors|proportional representation|first past the post|ulez|horizon scandal)\b"
    r"|\breform\b(?=\s*[-–]|\s+(?:party|voters?|are|is a))|\bthe next (?:vote|general election|government)\b"
    r"|\bbe (?:the )?next pm\b|\bbe pm (?:after|next)\b|\bleaders'? debate\b|\b(?:vote|voting) (?:for|4)\b|\bwho (?:are|r) (?:you|u) backing\b",
    re.IGNORECASE)
# our words in other senses: "I always get them in the wrong order", "the leaflet deliveries through my door"
_OTHER_SENSES = re.compile(r"\bin (?:the )?(?:wrong|right|correct|alphabetical|reverse) order\b(?! (?:number|id))"
                           r"|\bin order (?:of|to)\b|\border,? order\b|\bcourt order\b|\bleaflet deliver\w*"
                           # "Who's the Prime Minister at the moment? Lost track to be honest"
                           r"|\b(?:lost|lose|losing|keep|keeping) track\b(?! of (?:my|the|our|it|them) (?:order|parcel))",
                           re.IGNORECASE)
# …with no order of ours named ("In your opinion which party has the best plan for the NHS?" asks nothing of ours)
_AN_ORDER_NAMED = re.compile(r"\border\w*|\bparcels?\b|\bdeliver(?:y|ies|ed)\b|\brefund\w*|\bord\W?\d{3,}", re.IGNORECASE)
# a payment that comes every month, which no order of ours is, to stop: "Signed up to The Times online for £1 and now
# they're charging me full price every month. How do I cancel?" (not "you keep charging me every month")
_EVERY_MONTH = re.compile(r"\b(?:every|each|per) (?:month|week)\b|\bmonthly\b|\bweekly\b|£\s?\d+(?:\.\d\d)? a (?:month|week)\b",
                          re.IGNORECASE)
_STOPPED = re.compile(r"\b(?:cancel\w*|stop (?:it|them|paying)|unsubscribe|get rid of (?:it|them))\b", re.IGNORECASE)
# …not our own emails: "I'm getting marketing emails every week, how do I get rid of them?"
_OUR_MAIL = re.compile(r"\b(?:e-?mails?|texts?|newsletters?|marketing|messages?)\b", re.IGNORECASE)
_TO_US = re.compile(r"\b(?:you|u|your|ur|yours)\b(?! (?:know|tell|help|advise|explain|show))", re.IGNORECASE)
# somebody else's service, which no order of ours is: a train, a takeaway, a taxi or a hotel as what the message is
# about, near its start ("my train to london is delayed 40 mins, can i get a refund", "i ordered a taxi 30 min ago
# and its still not here"; not "I need the dress for my flight on Friday"), or the state's, a bank's or a pharmacy's
# anywhere ("santander took money out twice for my mortgage", "my universal credit payment hasn't come in")
_THEIR_SERVICE_SAID_FIRST = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?<!\bfrom )(?<!\bon )(?<!\bin )(?<!\bat )(?<!\boff )(?<!\bby )(?<!\bto )(?<!\bfor )(?<!\bbefore )(?<!\bafter )(?:my|our|the|a|an)\s+(?:\w+\s+){0,2}?(?:takeaway|take-away|taxi|cab|uber|trains?(?! set| track)"
    r"|bus|flight(?! of)|hotel|airbnb|(?:cinema|concert|gig|theatre|festival|match|train) tickets?|vets?|work e-?mail"
    r"|work laptop|gym membership)\b", re.IGNORECASE)
_THEIR_SERVICE = re.compile(
    r"\b(?:mortgage|universal credit|child benefit|pension (?:statement|payment)s?|state pension|my pension"
    r"|driving licen[cs]e|passport(?! (?:holder|cover|wallet|case|bag|pouch))|prescriptions?|milkman|milk delivery"
    r"|school dinners?|dinner money|parking (?:ticket|permit|fine|charge)s?|speeding (?:ticket|fine)|council tax"
    r"|tv licen[cs]e)\b", re.IGNORECASE)
# what the customer says of a thing of ours, which such a message is not about (not "I'm calling from the train…
# What times are your phone lines open?", where the train is only where they are)
# (an order on its way besides leaves a train or a flight as background: "So I ordered a summer dress for my holiday.
# The flight is on Saturday morning. I've checked the tracking twice today…")
_OUR_ORDER_ON_ITS_WAY = re.compile(r"\b(?:tracking|dispatch\w*|arriv\w*|delivery|delivered|deliver|shipped|shipping|order"
                                   r"|orders|driver|rearrang\w*|address|return\w*|sent (?:\w+ )?back|collect\w*|account)\b",
                                   re.IGNORECASE)
# …and what names an order, a refund or a charge of ours besides somebody else's service named anywhere ("I'm on
# universal credit and you charged me twice", "my passport was in the handbag I sent back")
_OURS_BESIDES = re.compile(r"\b(?:you|u|(?<!prescription )order\w*|refund\w*|return\w*|sent (?:\w+ )?back|deliver\w*|driver)\b",
                           re.IGNORECASE)
# got from us: "the laptop I bought from you", "off you lot"
_FROM_US = r"\b(?:from|with|off|at) (?:you|u|you guys|you lot)\b"
_OUR_GOODS = re.compile(r"\b(?:parcels?|packages?|couriers?|ord\W?\d{3,})\b|" + _FROM_US + r"|\byour\b", re.IGNORECASE)
# …or bought from us, beside politics or general knowledge ("the budget headphones I bought stopped working")
_FROM_US_SAID = re.compile(_FROM_US + r"|\b(?:bought|ordered|your (?:site|website|shop|delivery|service))\b", re.IGNORECASE)


def about_their_service(text: str) -> bool:
    """Whether `text` is about somebody else's service (see _THEIR_SERVICE_SAID_FIRST) and says
    nothing of a parcel or an order of ours."""
    if _OUR_GOODS.search(text):
        return False
    said_first = (any(_THEIR_SERVICE_SAID_FIRST.search(m.group().strip()) for m in _SENTENCES.finditer(text))
                  and _OUR_ORDER_ON_ITS_WAY.search(text) is None)
    named = _THEIR_SERVICE.search(text) is not None and _OURS_BESIDES.search(text) is None
    return said_first or named


# the thing said not to be ours: "evri left my parcel in the bin, it was from a different shop", "hermes driver
# threw my parcel over the fence, it's not even from you lot"
_NOT_FROM_US = re.compile(
    r"\b(?:it|this|that|which|they|the (?:parcel|package|order|item|thing|delivery))\s*(?:was|is|'s|were|are)\s+"
    r"(?:(?:bought|ordered|sent|delivered)\s+)?(?:from|with|off|through|by)\s+(?:a different|another|some other|a"
    r" totally different)\s+(?:shop|store|site|website|company|retailer|seller)\b"
    r"|\b(?:it'?s|its|it is|it was|this is|that'?s|they'?re|they are|they were) not (?:even )?(?:(?:bought|ordered|sent)\s+)?"
    r"(?:from|with|off)\s+(?:you|u|you lot|you guys)\b(?!\s*\?)"
    r"|\b(?:it|this|that|they) (?:wasn'?t|isn'?t|weren'?t|aren'?t) (?:even )?(?:(?:bought|ordered|sent)\s+)?"
    r"(?:from|with|off)\s+(?:you|u|you lot|you guys)\b(?!\s*\?)",
    re.IGNORECASE)


def not_from_us(text: str) -> bool:
    """Whether `text` says what it is about is not ours (see _NOT_FROM_US)."""
    return _NOT_FROM_US.search(text) is not None


# a card declined somewhere else: "my barclays card got declined at the petrol station" (not at our checkout)
_CARD_DECLINED = re.compile(r"\bcard\b[^.?!]{0,30}\b(?:declined|refused|rejected|blocked|frozen)\b", re.IGNORECASE)
_OUR_CHECKOUT = re.compile(r"\b(?:checkout|check out|basket|your|you|u|site|website|app|paying for|pay for)\b",
                           re.IGNORECASE)
# a parcel of ours in the same message: "my landlord took the parcel in and it's damaged"
_A_PARCEL = re.compile(r"\b(?:parcel|package|deliver\w*|(?<!standing )order\w*|courier|driver|refund|return\w*|ord\W?\d{3,}"
                       # paid to us in parts: "Can I stop the direct debit now that I've sent it back?"
                       r"|sen[dt] (?:\w+ )?back|klarna|clearpay|laybuy|instal?ments?)\b", re.IGNORECASE)


def about_everyday_life(text: str) -> bool:
    """Whether `text` is about a utility, a home, travel, a fact in units or writing and homework
    to be done (see _EVERYDAY_LIFE), or a payment every month to stop (see _EVERY_MONTH), and names no parcel
    of ours."""
    declined_elsewhere = _CARD_DECLINED.search(text) is not None and _OUR_CHECKOUT.search(text) is None
    recurring = (bool(_EVERY_MONTH.search(text) and _STOPPED.search(text)) and _TO_US.search(text) is None
                 and _OUR_MAIL.search(text) is None)
    return ((_EVERYDAY_LIFE.search(text) is not None or declined_elsewhere or recurring) and _A_PARCEL.search(text) is None
            and _WRITTEN_TO_US.search(text) is None
            or _HOME_COMPUTER.search(text) is not None and _A_PARCEL.search(text) is None and _ITS_OURS.search(text) is None
            or _A_BOX_EVERY_WEEK.search(text) is not None and _ITS_OURS.search(text) is None)


# a box that comes every week or month, delivered but no order of ours: "how do i cancel that recipe box thing that
# delivers every week"
_A_BOX_EVERY_WEEK = re.compile(r"\b(?:recipe|meal ?kit|veg|vegetable|fruit|wine|coffee|beauty|snack|dog food) box(?:es)?\b"
                               r"(?=[^.?!]{0,40}\b(?:(?:every|each) (?:week|month|fortnight)|weekly|monthly|subscription|skip))",
                               re.IGNORECASE)


# a computer at home playing up: "my laptop is running really slow, any ideas", "my printer says paper jam"
_HOME_COMPUTER = re.compile(r"\bmy (?:laptop|computer|pc|mac|printer|tablet|ipad|router)\b[^.?!]{0,40}\b(?:slow|virus"
                            r"|paper jam|ink|crash\w*|freez\w*|updates?|blue screen|pop-?ups?)\b", re.IGNORECASE)
# …unless it is one the customer got from us: "the laptop I bought from you keeps freezing", "my new printer won't print"
_ITS_OURS = re.compile(_FROM_US + r"|\byou (?:sent|sold|delivered)\b"
                       r"|\b(?:your|site|website|app|checkout|check out|case|cover)\b"
                       r"|\b(?:new|bought|got|arrived|came|ordered)\b", re.IGNORECASE)


# a letter to us is no writing done for the customer: "I would much rather write a proper letter… Is there an
# address I can write to you at?"
_WRITTEN_TO_US = re.compile(r"\b(?:write|send|post)\b[^.?!]{0,25}\bto (?:you|u|your|yourselves)\b", re.IGNORECASE)


# the customer's own post: "do you know if royal mail are on strike? need to post my nan's birthday
# card", "an post lost a birthday card i sent to me nan" (not "the card I added to my order")
_MAIL = re.compile(r"\b(?:(?:birthday|christmas|xmas|greetings?|anniversary|get well) cards?|postcards?|letters?)\b",
                   re.IGNORECASE)
_POSTING = re.compile(r"\b(?:post|posted|posting|sent|send|sending|stamps?|royal mail|an post|post office)\b", re.IGNORECASE)
_OUR_ORDER = re.compile(r"\border|\b(?:from|with|off) (?:you|u)\b|\byour\b|\bord\W?\d{3,}", re.IGNORECASE)


def about_their_own_post(text: str) -> bool:
    """Whether `text` is about a letter or card the customer posts or waits for, and not about an
    order of ours."""
    return bool(_MAIL.search(text) and _POSTING.search(text) and not _OUR_ORDER.search(text))


# a message meant for someone else: "sorry wrong chat, meant to text my husband about the bins"
_MISSENT = re.compile(
    r"\bwrong (?:chat|window|tab|conversation|convo|thread|person|app)\b"
    r"|\bmeant to (?:text|send|message|msg|reply to|whatsapp) (?:that |this )?(?:to )?(?:my|someone|somebody|a friend)\b"
    r"|\b(?:that|this)(?: message| msg)? (?:was(?:n'?t| not)?|wasnt) meant for (?:you|my|someone)\b",
    re.IGNORECASE)


def meant_for_someone_else(text: str) -> bool:
    """Whether `text` says it was sent here by mistake."""
    return _MISSENT.search(text) is not None


# what is nobody's order whatever order, return or delivery words come with it: tax, sums, the library, the dry cleaner
# ("My self assessment tax return is due…", "What's the order of operations in maths again", "library books 3 weeks
# overdue… return them on time", "a good dry cleaner… before I return it")
_NOBODYS_ORDER = re.compile(r"\b(?:tax returns?|self[- ]assessment|order of operations|bodmas|bidmas|library books?"
                            r"|overdue books?|dry clean(?:er'?s?|ers|ing)"
                            # the chemist, the milkman, a fitness app: "my prescription is late from the pharmacy", "my
                            # milkman didnt deliver today", "a decent app for tracking my steps" (not "prescription
                            # glasses", "a fitness tracker": things we may sell)
                            r"|pharmacy|chemist|prescriptions?(?! (?:glasses|lenses|sunglasses|goggles|frames))|milkman"
                            r"|tracking (?:my |your )?(?:steps|sleep|weight|calories|runs?|spending|periods?|workouts?)"
                            r"|(?:fitness|step|sleep) apps?)\b", re.IGNORECASE)
# …unless the message speaks of something bought of us, an order, a refund or a receipt ("I need an invoice for order
# 20001 for my self-assessment", "the watch I bought from you stopped tracking my steps")
_BOUGHT_OF_US = re.compile(r"\bbought\b|\bordered\b|\border\s*(?:no\.?\s*|number\s*)?\d|\bord\W?\d|\b(?:from|off) (?:you|u)\b"
                           r"|\byou (?:sent|sold)\b|\b(?:invoice|receipt|refund)\w*|\b(?:watch|tracker|scales|glasses|band"
                           r"|strap)\b", re.IGNORECASE)


# a shop whose name is an everyday word, told by its capital letter after a word that points at a shop: "How do I
# return a jumper to Next?", "My order from Next hasn't turned up", "bought it from GAME" (not "from next week")
# (not "move my delivery to Next Tuesday", "collect from Boots", "£10 less at Next, can you match it?")
_SHOP_BY_ITS_CAPITAL = re.compile(r"\b(?:from|to|at|with|in|into) (?:Next|Boots|GAME)\b(?! (?:[Ww]eek|[Dd]ay|[Tt]ime|[Mm]onth"
                                  r"|[Yy]ear|[Oo]ne|[Ff]ew|[Tt]o|[Dd]oor|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day)\b)"
                                  r"(?![^.?!]*\b(?:collect\w*|pick ?up|match\w*)\b)")
# …where our parcels may be collected or our prices matched
_COLLECTED_THERE = re.compile(r"\b(?:collect\w*|pick ?up|match\w*)\b", re.IGNORECASE)


def about_another_business(text: str, businesses: tuple[str, ...] = DEFAULT_OTHER_BUSINESSES) -> bool:
    """Whether `text` names another company as the one it is about, asks about a place near the
    customer that is not ours, or asks for advice on using or caring for something (see the
    module docstring)."""
    if ((_LOCAL.search(text) and not _OURS_NEARBY.search(text)) or asks_for_advice(text) or _NOT_OUR_SERVICE.search(text)
            or about_their_own_post(text) or meant_for_someone_else(text) or about_everyday_life(text)
            or about_their_service(text) or not_from_us(text)
            or _NOBODYS_ORDER.search(text) and not _US.search(text) and not _BOUGHT_OF_US.search(text)
            or _GENERAL_KNOWLEDGE.search(text) and not _AN_ORDER_NAMED.search(_OTHER_SENSES.sub(" ", text))
            and not _FROM_US_SAID.search(text)
            or _NOT_OURS_UNLESS_OURS_SAID.search(text) and not _OURS_SAID.search(text)
            or _THEIR_OWN_PARCEL.search(text) and not _OUR_ORDER.search(text)
            or _SHOP_BY_ITS_CAPITAL.search(text) and not text.isupper() and not _US.search(text)
            and not _COLLECTED_THERE.search(text)):
        return True
    if not businesses:
        return False
    named = _pattern(tuple(businesses))
    # a sentence that also speaks of us names the other company as background ("I ordered a phone case
    # from you on Monday, but then my partner got me the same ones from Currys"): left to the model
    if any(_PRICES_ASKED.search(m.group()) and _names(tuple(businesses)).search(m.group()) for m in _SENTENCES.finditer(text)):
        return True
    # ("email from Netflix says 'your membership will renew'": the "your" quoted is theirs)
    return any(named.search(m.group()) and not _COMPARED.search(m.group()) and not _US.search(_QUOTED.sub(" ", m.group()))
               for m in _SENTENCES.finditer(text))


# words quoted from somewhere else: "says 'your membership will renew on the 14th'"
_QUOTED = re.compile(r"(?<!\w)['\"‘“][^'\"’”]{3,80}['\"’”](?!\w)")


# the customer's own order spoken of ("has my air fryer been delivered"), not "need a job asap"
_AN_ORDER = re.compile(r"\bmy\b|\border|deliver|refund|parcel|return|\bord\W?\d{3,}", re.IGNORECASE)
# …in words of an order on its way, beside everyday life ("is my dress still coming today"; not "Broke my ankle…")
_AN_ORDER_ON_ITS_WAY = re.compile(r"\b(?:order\w*|deliver\w*|refund\w*|parcel|package|coming(?! out| off)|arriv\w*|dispatch\w*"
                                  r"|track\w*|shipped|ord\W?\d{3,})\b", re.IGNORECASE)


# what else of ours may be asked beside everyday life: "what's the capital of australia? also what are your opening hours"
_OUR_SERVICE_ASKED = re.compile(r"\b(?:password|sign(?:ing)? in(?:to)?|log(?:ging)? in(?:to)?|opening hours|(?:are|r) (?:you|u) open"
                                r"|your (?:phone )?number|your returns?(?: policy)?|discount code|promo code)\b", re.IGNORECASE)


def about_us(text: str, businesses: tuple[str, ...] = DEFAULT_OTHER_BUSINESSES) -> str | None:
    """The sentences of `text` about us when others are about another company, named or not, and
    the rest speaks of us in so many words; None when there is no such split."""
    sentences = [m.group().strip() for m in _SENTENCES.finditer(text) if m.group().strip()]
    # (not "Can you cancel the trainers please, found them cheaper elsewhere.": a request of us, whatever else it says)
    theirs = [s for s in sentences if about_another_business(s, businesses)
              or _UNNAMED.search(s) and not _ASKED_OF_US.search(s)]
    ours = [s for s in sentences if s not in theirs]
    # a service we don't offer, or everyday life, is no other company's parcel: the other sentences are ours
    # without saying so ("can i pay in crypto next time? and has my air fryer been delivered", "what's the capital
    # of australia? also is my dress still coming today")
    rest = " ".join(ours)
    nobodys = all(_NOT_OUR_SERVICE.search(s) or about_everyday_life(s) or _GENERAL_KNOWLEDGE.search(s) for s in theirs)
    only_services = (all(_NOT_OUR_SERVICE.search(s) for s in theirs) and _AN_ORDER.search(rest) is not None
                     or nobodys and (_AN_ORDER_ON_ITS_WAY.search(_OTHER_SENSES.sub(" ", rest)) is not None
                                     or _OUR_SERVICE_ASKED.search(rest) is not None))
    # (not "Labour or the Tories next time round? Who's your money on?": "your" is said to the assistant, of the quiz)
    if not theirs or not ours or not (only_services or not nobodys and _US.search(rest)):
        return None
    return " ".join(ours)


# a sum to work out: "quick one, what's 17 times 23? helping my son with his homework" (the model
# hears "times" as in "the third time I've asked", and the sentiment model as a complaint)
_ARITHMETIC = re.compile(r"\b(?:what(?:'?s| is| does| do)|how much is|whats)\s+(?:\d+(?:\.\d+)?\s*(?:x|\*|times|multiplied by"
                         r"|plus|\+|minus|take away|divided by|/|over|squared)\s*)+\d*", re.IGNORECASE)


# a joke asked for: "tell us a joke", "any good jokes?", "give us ur best joke", "can bots even tell jokes? make me
# laugh" (not "this is a joke", "what a joke", "a joke of a company")
_FUN = (r"(?:jok(?:e|es)?|puns?|riddles?|tongue[- ]?twisters?|limericks?|haikus?|chat[- ]?up lines?|pick[- ]?up lines?"
        r"|one[- ]liners?|fun facts?|(?:daft|random|interesting|weird|cool) facts?|(?:funny|bedtime|ghost|silly|short) stor(?:y|ies)"
        r"|(?:funny|daft|silly|good) names?)")
_JOKE = re.compile(r"\b(?:tell|tel|know|got|give|hear|share|do|demand|want|need|manage|crack|gimme)\s+(?:me |us |my \w+ )?"
                   r"(?:a |an |any |some |your |ur |the |one |a single |another |a better )?"
                   r"(?:good |funny |decent |best |favourite |favorite |dad |knock[- ]knock |quick |clean |cheesy |daft |better )*"
                   + _FUN + r"\b"
                   r"|\b(?:need|want|could do with|fancy) a (?:good |gud )?(?:laugh|laff)\b"
                   r"|\bany (?:good |funny |decent )?" + _FUN + r"\b|(?<!\bthe )\b(?:best|funniest|silliest|cheesiest|favourite|favorite|a funny|a good|a daft"
                   r"|a better) " + _FUN + r"\b"
                   r"|\bmake (?:me|us) (?:laugh|smile|chuckle|giggle|lol)\b"
                   r"|\b(?:fancy|mind|try|start) telling (?:me |us )?(?:a |an |some |any )?" + _FUN + r"\b"
                   # "ask the chatbot for a joke", "…that knock-knock joke all week… Know any good ones?"
                   r"|(?<!n't )(?<!\bnot )(?<!\bdid )(?<!\bnever )\b(?:ask|asked|asking) (?:\w+ ){0,2}for (?:a |an |some |any )?"
                   + _FUN + r"\b"
                   r"|(?<!\bis a )(?<!\bwhat a )(?<!\btotal )(?<!\bsuch a )(?<!\babsolute )(?<!\bbeyond a )\b(?:jokes?|puns?|riddles?)\b[^?]*"
                   r"\b(?:know|got|have you got|heard) any (?:good |funny |new |decent )?ones\b|\bcheer (?:me|us) up\b|\bentertain (?:me|us)\b"
                   r"|\b(?:do|give|hear) (?:me |us )?(?:an |your )?(?:impression|impersonation) of\b"
                   r"|\bhumou?r me\b|\bwould you rather\b(?!\s+(?:i|we)\b)|\bthink of a number\b|\bowe (?:me|us) a joke\b"
                   r"|\bstory (?:please|pls)\b",
                   re.IGNORECASE)


def an_order_named(text: str) -> bool:
    """Whether `text` names an order, a parcel, a delivery or a refund, or one on its way ("whether my trainers have
    shipped")."""
    return _AN_ORDER_NAMED.search(text) is not None or _AN_ORDER_ON_ITS_WAY.search(text) is not None


def a_joke_asked(text: str) -> bool:
    """Whether `text` asks for a joke or something to cheer the customer up."""
    return _JOKE.search(text) is not None


def a_sum_asked(text: str) -> bool:
    """Whether `text` asks for a sum to be worked out."""
    return _ARITHMETIC.search(text) is not None
