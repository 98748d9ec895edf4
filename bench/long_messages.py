"""What reading long messages costs: the NLU reads a message longer than its token limit in
windows of whole sentences, all in one batch. Short messages against about 500, 1,000 and
2,000 characters (the message limit), one message at a time, in one process, interleaved so
that machine noise hits every length alike. Ends with one JSON line of figures.

python -m bench.long_messages [--n 60]

Uses the current trained model (NLU_MODELS_DIR), served as the nlu service serves it
(NLU_RUNTIME, NLU_INT8, NLU_TORCH_THREADS). Without one it first trains a small model (one
epoch, in a temporary folder) and says so: latency does not depend on how well it learned.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import torch

from nlu import NluSettings, Predictor, load_project, registry, served_model, train_model

from .timing import summarise_ms

LENGTHS = (500, 1000, 2000)


def as_sentence(text: str) -> str:
    return text if text[-1] in ".!?" else text + "."


def long_message(sentences: list[str], chars: int, rng: random.Random) -> str:
    """Training examples strung together as one message of at most `chars` characters."""
    out = rng.choice(sentences)
    while True:
        nxt = rng.choice(sentences)
        if len(out) + 1 + len(nxt) > chars:
            return out
        out += " " + nxt


def model_settings(settings: NluSettings) -> tuple[NluSettings, str]:
    """Settings pointing at a trained model, and where it came from."""
    if registry.current_version(settings.models_dir):
        return settings, "current"
    small = settings.model_copy(update={"models_dir": Path(tempfile.mkdtemp(prefix="bench-long-")), "epochs": 1})
    print(f"no trained model in {settings.models_dir}: training a small one (1 epoch) in {small.models_dir}; "
          "its latency is what counts here, not its accuracy", flush=True)
    train_model(small, show_progress=False, log=print)
    return small, "trained-small (1 epoch)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=60, help="messages timed per length (default 60)")
    args = parser.parse_args()

    settings, source = model_settings(NluSettings())
    torch.set_num_threads(settings.torch_threads)  # as the service runs
    predictor = Predictor(served_model(settings), settings.fallback_threshold, settings.max_tokens)
    rng = random.Random(0)
    sentences = [as_sentence(e.text) for e in load_project(settings.bot_dir).examples]
    messages = {"short": rng.sample(sentences, min(args.n, len(sentences)))}
    for chars in LENGTHS:
        messages[f"chars_{chars}"] = [long_message(sentences, chars, rng) for _ in range(args.n)]

    predictor.parse("warm up")
    ms: dict[str, list[float]] = {name: [] for name in messages}
    for i in range(args.n):
        names = list(messages)
        for name in names[i % len(names):] + names[: i % len(names)]:  # rotate who goes first
            text = messages[name][i % len(messages[name])]
            t0 = time.perf_counter()
            predictor.parse(text)
            ms[name].append((time.perf_counter() - t0) * 1000)

    figures: dict = {"model": predictor.version, "model_source": source, "runtime": settings.runtime,
                     "int8": settings.int8, "threads": settings.torch_threads, "max_tokens": settings.max_tokens,
                     "messages_per_length": args.n}
    print(f"{'messages':<12}{'mean chars':>11}{'windows':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for name, texts in messages.items():
        row = {"mean_chars": round(statistics.fmean(map(len, texts))),
               "mean_windows": round(statistics.fmean(len(predictor.windows(t)) for t in texts), 1),
               **summarise_ms(ms[name])}
        figures[name] = row
        print(f"{name:<12}{row['mean_chars']:>11}{row['mean_windows']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
