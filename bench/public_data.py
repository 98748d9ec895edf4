"""Public benchmark data sets (read from ../shared/data, never copied) and noise for robustness runs.

`python -m bench.public_data --check` exits 0 when every data set the NLU benchmark reads is
there, and says loudly what is missing (exit 1) otherwise: CI's probe before the smoke run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from num2words import num2words


def data_root() -> Path:
    """SHARED_DATA if set, else the workplace's shared/data beside the checkout or at /work/shared."""
    env = os.environ.get("SHARED_DATA")
    candidates = [Path(env)] if env else [
        Path(__file__).resolve().parent.parent.parent / "shared" / "data", Path("/work/shared/data")]
    for path in candidates:
        if (path / "banking77").is_dir():
            return path
    raise FileNotFoundError(
        "public benchmark data not found (looked in " + ", ".join(map(str, candidates)) +
        "); set SHARED_DATA to the folder holding banking77/, hwu64/ and sentiment/")


@dataclass
class Split:
    name: str
    train: list[tuple[str, str]]  # (text, label)
    test: list[tuple[str, str]]
    val: list[tuple[str, str]] | None = None
    oos_val: list[str] | None = None
    oos_test: list[str] | None = None
    oos_test_sources: list[str] | None = None  # where each oos_test text came from, when mixed


def _csv(path: Path, text_col: str, label_col: str) -> list[tuple[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return [(row[text_col].strip(), row[label_col].strip()) for row in csv.DictReader(f)]


def banking77(root: Path | None = None) -> Split:
    root = root or data_root()
    d = root / "banking77"
    return Split("banking77", _csv(d / "train.csv", "text", "category"), _csv(d / "test.csv", "text", "category"))


def hwu64(root: Path | None = None) -> Split:
    root = root or data_root()
    d = root / "hwu64"
    return Split("hwu64", _csv(d / "train.csv", "text", "label"), _csv(d / "test.csv", "text", "label"))


def tweeteval(root: Path | None = None) -> Split:
    """TweetEval publishes no train text here: we train on its validation split, test on its test split."""
    root = root or data_root()
    d = root / "sentiment" / "tweeteval_sentiment"
    names = dict(line.split("\t") for line in (d / "mapping.txt").read_text().strip().splitlines())

    def read(split: str) -> list[tuple[str, str]]:
        texts = (d / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = (d / f"{split}_labels.txt").read_text().split()
        return [(t.strip(), names[l].strip()) for t, l in zip(texts, labels)]

    return Split("tweeteval", read("val"), read("test"))


def clinc_layout(path: Path) -> Split:
    """Any data set in CLINC150's data_full.json layout: train/val/test plus oos_train/oos_val/oos_test."""
    raw = json.loads(Path(path).read_text())
    missing = {"train", "val", "test", "oos_val", "oos_test"} - raw.keys()
    if missing:
        raise ValueError(f"{path} lacks {sorted(missing)}: expected CLINC150's data_full.json layout")
    pairs = lambda key: [(t, l) for t, l in raw[key]]  # noqa: E731
    return Split(Path(path).stem, pairs("train"), pairs("test"), val=pairs("val"),
                 oos_val=[t for t, _ in raw["oos_val"]], oos_test=[t for t, _ in raw["oos_test"]])


# HWU64 intents that a bank's assistant could fairly be expected to answer: not out of scope.
_HWU64_BANKING_LIKE = {"qa_currency"}


def banking77_oos(root: Path | None = None, held_out: int = 27, val_fraction: float = 0.1, seed: int = 0) -> Split:
    """Out-of-scope detection on real data, as in Banking77-OOS (Zhang et al., 2021): `held_out`
    of Banking77's 77 intents, drawn with a fixed seed, are never trained on; their messages are
    in-domain out-of-scope (the hard case: same vocabulary, different need). HWU64's test
    messages (alarms, music, weather...) are added to the test set as out-of-domain
    out-of-scope. The threshold is fitted on the held-out intents' train messages only, so the
    out-of-domain figure shows how the fit carries to queries it never saw."""
    root = root or data_root()
    bank = banking77(root)
    labels = sorted({l for _, l in bank.train})
    rng = random.Random(seed)
    oos_labels = set(rng.sample(labels, held_out))
    train, val = [], []
    for label in labels:
        if label in oos_labels:
            continue
        group = [p for p in bank.train if p[1] == label]
        rng.shuffle(group)
        n_val = max(1, round(len(group) * val_fraction))
        val += group[:n_val]
        train += group[n_val:]
    test = [p for p in bank.test if p[1] not in oos_labels]
    in_domain = [t for t, l in bank.test if l in oos_labels]
    out_domain = [t for t, l in hwu64(root).test if l not in _HWU64_BANKING_LIKE]
    return Split(f"banking77-oos ({77 - held_out} in-scope intents)", train, test, val=val,
                 oos_val=[t for t, l in bank.train if l in oos_labels], oos_test=in_domain + out_domain,
                 oos_test_sources=["banking77 held-out intents"] * len(in_domain) + ["hwu64 (other domains)"] * len(out_domain))


def subsample(pairs: list[tuple[str, str]], labels: int, per_label: int, seed: int = 0) -> list[tuple[str, str]]:
    """The first `labels` labels (sorted), `per_label` examples each: for quick smoke runs."""
    keep = sorted({l for _, l in pairs})[:labels]
    rng = random.Random(seed)
    out = []
    for label in keep:
        group = [p for p in pairs if p[1] == label]
        rng.shuffle(group)
        out.extend(group[:per_label])
    return out


# --- noise -------------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm".split()


def asr_like(text: str) -> str:
    """What Whisper-style transcripts of the message look like: lower case, no punctuation,
    numbers spelled out."""
    text = _NUMBER.sub(lambda m: num2words(float(m.group()) if "." in m.group() else int(m.group())), text)
    text = re.sub(r"[^\w\s']", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def _neighbour(c: str, rng: random.Random) -> str:
    for row in _KEYBOARD:
        i = row.find(c)
        if i >= 0:
            return row[max(0, min(len(row) - 1, i + rng.choice((-1, 1))))]
    return c


def typos(text: str, rng: random.Random) -> str:
    """1–2 keyboard edits: a neighbouring key, a dropped, doubled or swapped letter."""
    chars = list(text)
    for _ in range(rng.choice((1, 2))):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(letters) < 2:
            break
        i = rng.choice(letters)
        op = rng.choice(("sub", "drop", "double", "swap"))
        if op == "sub":
            chars[i] = _neighbour(chars[i].lower(), rng)
        elif op == "drop":
            del chars[i]
        elif op == "double":
            chars.insert(i, chars[i])
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


# --- probe -------------------------------------------------------------------------------------

def check() -> str:
    """Read every data set the NLU benchmark uses; a line saying what was found, or an exception."""
    root = data_root()
    sizes = {split.name: len(split.train) + len(split.test) for split in (banking77(root), hwu64(root), tweeteval(root))}
    return f"public benchmark data found in {root}: " + ", ".join(f"{k} {v} messages" for k, v in sizes.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 0 when the public data sets are readable, else 1")
    args = parser.parse_args()
    if not args.check:
        parser.error("nothing to do: pass --check")
    try:
        print(check())
    except (OSError, KeyError, ValueError) as exc:
        print(f"PUBLIC BENCHMARK DATA MISSING: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
