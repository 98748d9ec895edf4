"""How sure the model is of what the customer wants, counting near-synonym intents together.

"no sign of my package, where is it" reads as 40 % delivery_late and 22 % order_status: no
single intent passes the fallback threshold, yet the model is sure enough that the customer
asks where their order is, and the dialogue answers both intents by looking the order up. So
the fallback decision takes the summed probability of the top intent's family (the project's
`metadata: {family: ...}`). The threshold stays fitted on the top intent's probability alone
(nlu.train): fitted on family sums it rose from 0.40 to 0.44 and turned away more of the
probe conversations' greetings, thanks and complaints (0.959 against 0.972), so a family only
ever accepts a message the single intent would have turned away. The intent served is still
the single most probable one.
"""

from __future__ import annotations

from typing import Iterable, Mapping

def family_confidence(ranking: Iterable[tuple[str, float]], families: Mapping[str, str]) -> float:
    """The top intent's probability plus those of the other intents of its family in the
    ranking (`(intent, probability)`, most probable first); the top's alone when it has no family."""
    ranking = list(ranking)
    if not ranking:
        return 0.0
    top, confidence = ranking[0]
    family = families.get(top)
    if family is None:
        return confidence
    return confidence + sum(p for name, p in ranking[1:] if families.get(name) == family)
