"""Runs inside the Rasa environment (Python 3.10): parse messages with a trained Rasa NLU model.

.venv-rasa/bin/python -m bench.diet_eval MODEL.tar.gz IN.json OUT.json   (from the repository root)
IN is a JSON list of texts; OUT gets {"intents": [...], "seconds": [...]}.
One message at a time, as Rasa's own pipeline processes them.
"""

import asyncio
import json
import sys
import time


async def main(model: str, inp: str, out: str) -> None:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    texts = json.loads(open(inp, encoding="utf-8").read())
    await agent.parse_message("warm up")
    intents, seconds = [], []
    for text in texts:
        t0 = time.perf_counter()
        parsed = await agent.parse_message(text)
        seconds.append(time.perf_counter() - t0)
        intents.append((parsed.get("intent") or {}).get("name"))
    json.dump({"intents": intents, "seconds": seconds}, open(out, "w"))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
