"""Our NLU against Rasa's DIET (Banking77, HWU64) and VADER (TweetEval sentiment), in one run.

python -m bench.nlu_benchmark [options]   (make bench-nlu ARGS="...")
options: --quick, --only NAME[,NAME], --train-diet, --diet-all,
         --oos-dataset PATH (CLINC150 data_full.json layout; by default
         banking77-oos: 27 Banking77 intents held out + HWU64 messages)

DIET is slow to train on 2 cores (an hour for Banking77: 3,600 s measured), so it is trained
once, as its own step, with --train-diet and cached outside git, keyed by data + config +
Rasa version; every other run evaluates the cached model live beside ours. Ends with one JSON line; a Markdown table
goes to bench/results/nlu.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import secrets
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import torch
from rich.console import Console
from rich.progress import track

from nlu import (
    Example, NluSettings, Predictor, TrainingData, batched_logits, classification_metrics, load_model, onnx_model,
    intent_probabilities, oos_threshold, predict_batch, quantised, registry, train_model,
)
from stack.baseline import baseline_rasa
from stack.environments import RASA
from stack.launcher import Stack
from stack.redis_server import free_port
from stack.services import free_ports
from stack.settings import StackSettings

from . import public_data
from .timing import rasa_version, summarise_ms

REPO = Path(__file__).resolve().parent.parent

console = Console()
DIET_CONFIG = REPO / "bench" / "bare_rasa_config.yml"
CACHE = Path(os.environ.get("CARELINE_CACHE", Path.home() / ".cache" / "careline"))
RESULTS = REPO / "bench" / "results"


def scores(gold: list[str], pred: list[str]) -> dict:
    m = classification_metrics(gold, pred)
    return {"accuracy": m.accuracy, "macro_f1": m.macro_f1}


def latency(fn, texts: list[str]) -> dict:
    ms = []
    for text in texts:
        t0 = time.perf_counter()
        fn(text)
        ms.append((time.perf_counter() - t0) * 1000)
    return summarise_ms(ms)


def http_latency(url: str, texts: list[str]) -> dict:
    with httpx.Client(timeout=30) as http:
        http.post(url, json={"text": "warm up"})
        return latency(lambda t: http.post(url, json={"text": t}).raise_for_status(), texts)


# --- ours ------------------------------------------------------------------------------------

def train_ours(name: str, pairs: list[tuple[str, str]], workdir: Path, args) -> tuple[Path, float]:
    settings = NluSettings(models_dir=workdir / "ours" / name, epochs=args.epochs, batch_size=32,
                           learning_rate=1e-4, holdout_fraction=0.0)
    data = TrainingData(examples=[Example(t, l) for t, l in pairs])
    t0 = time.perf_counter()
    train_model(settings, data, show_progress=True, log=console.print)
    return registry.current_path(settings.models_dir), time.perf_counter() - t0


VARIANTS = ("int8", "onnx", "onnx_int8")  # other ways to serve the same trained model


def served_scores(loaded, texts: list[str], gold: list[str]) -> dict:
    """Accuracy as served, where an unsure reading gets a second one with the slips corrected
    (nlu.spelling), paired against the same path without it."""
    out = {}
    for name, spelling in (("served", True), ("served_no_spelling", False)):
        parse = Predictor(loaded, 0.0, spelling=spelling).parse
        out[name] = scores(gold, [parse(t)["intent"]["name"] for t in texts])
    return out


def variant(loaded, name: str):
    if name == "int8":
        return quantised(loaded)
    return onnx_model(loaded, int8=name == "onnx_int8")


def served_http_latency(model_dir: Path, sample: list[str], runtime: str = "torch") -> dict:
    """One message at a time through the real nlu service."""
    settings = StackSettings(ports=free_ports(("nlu",)), nlu_models_dir=model_dir.parent, run_dir=REPO / ".run" / "bench")
    with Stack(settings, extra_env={"NLU_RUNTIME": runtime}, only=["nlu"]) as stack:
        stack.start()
        return http_latency(f"{stack.urls['nlu']}/model/parse", sample)


def evaluate_ours(model_dir: Path, test: list[tuple[str, str]], train_s: float, args,
                  noisy: dict[str, list[str]] | None = None) -> dict:
    loaded = load_model(model_dir)
    texts, gold = [t for t, _ in test], [l for _, l in test]
    t0 = time.perf_counter()
    pred, _, _ = predict_batch(loaded.net, loaded.tokenizer, texts, loaded.intents, loaded.sentiments, 64, char=loaded.char)
    throughput = len(texts) / (time.perf_counter() - t0)
    out = {**scores(gold, pred), "train_s": round(train_s, 1), "batched_msgs_per_s": round(throughput, 1)}
    sample = random.Random(0).sample(texts, min(args.latency_n, len(texts)))
    others = {name: variant(loaded, name) for name in VARIANTS}
    for name, other in others.items():
        o_pred, _, _ = predict_batch(other.net, other.tokenizer, texts, other.intents, other.sentiments, 64, char=other.char)
        out[name] = scores(gold, o_pred)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as the service runs
    try:
        # interleaved, so that a noisy neighbour on the machine hits every variant alike
        timed = {"fp32": Predictor(loaded, 0.0).parse, **{n: Predictor(o, 0.0).parse for n, o in others.items()}}
        ms: dict[str, list[float]] = {n: [] for n in timed}
        for text in sample:
            for name, parse in timed.items():
                t0 = time.perf_counter()
                parse(text)
                ms[name].append((time.perf_counter() - t0) * 1000)
        out["inprocess_latency"] = summarise_ms(ms["fp32"])
        for name in others:
            out[name]["inprocess_latency"] = summarise_ms(ms[name])
    finally:
        torch.set_num_threads(threads)
    if loaded.speller is not None:
        out.update(served_scores(loaded, texts, gold))
    for kind, noisy_texts in (noisy or {}).items():
        n_pred, _, _ = predict_batch(loaded.net, loaded.tokenizer, noisy_texts, loaded.intents, loaded.sentiments, 64,
                                     char=loaded.char)
        out[f"noise_{kind}"] = scores(gold, n_pred)
        if loaded.speller is not None:
            out[f"noise_{kind}"].update(served_scores(loaded, noisy_texts, gold))
    out["http_latency"] = served_http_latency(model_dir, sample)
    out["onnx"]["http_latency"] = served_http_latency(model_dir, sample, runtime="onnx")
    console.print(f"ours: accuracy {out['accuracy']}, macro-F1 {out['macro_f1']}, p50 {out['inprocess_latency']['p50_ms']} ms "
                  f"(onnx {out['onnx']['inprocess_latency']['p50_ms']} ms, onnx int8 {out['onnx_int8']['inprocess_latency']['p50_ms']} ms)")
    return out


# --- DIET ------------------------------------------------------------------------------------

def rasa_yaml(pairs: list[tuple[str, str]]) -> str:
    by_label: dict[str, list[str]] = {}
    for text, label in pairs:
        # brackets would read as entity annotations in Rasa's format
        clean = " ".join(text.replace("[", "(").replace("]", ")").split())
        by_label.setdefault(label, []).append(clean)
    lines = ['version: "3.1"', "nlu:"]
    for label in sorted(by_label):
        lines += [f"- intent: {label}", "  examples: |"] + [f"    - {t}" for t in by_label[label]]
    return "\n".join(lines) + "\n"


def diet_model(name: str, pairs: list[tuple[str, str]], may_train: bool) -> tuple[Path | None, dict]:
    """The cached DIET model for this data, trained now only when allowed."""
    data = rasa_yaml(pairs)
    key = hashlib.sha256((data + DIET_CONFIG.read_text() + rasa_version()).encode()).hexdigest()[:16]
    target = CACHE / "diet" / f"{name}-{key}.tar.gz"
    info_path = target.with_suffix(".json")
    if target.exists():
        info = json.loads(info_path.read_text())
        console.print(f"DIET {name}: cached model {target.name}, trained {info['trained_at']} in {info['train_s']:.0f} s")
        return target, info
    if not may_train:
        return None, {"status": f"no cached DIET model for this data; train it with ARGS=--train-diet ({target.name})"}
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        nlu_file = Path(tmp) / "nlu.yml"
        nlu_file.write_text(data)
        console.print(f"training DIET on {name} ({len(pairs)} examples, Rasa's default 100 epochs)...")
        t0 = time.perf_counter()
        subprocess.run([RASA.program("rasa"), "train", "nlu", "--nlu", str(nlu_file), "--config", str(DIET_CONFIG),
                        "--out", str(target.parent), "--fixed-model-name", target.name[:-7]],
                       check=True, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    info = {"trained_at": time.strftime("%Y-%m-%d %H:%M:%S"), "train_s": round(time.perf_counter() - t0, 1)}
    info_path.write_text(json.dumps(info))
    return target, info


def evaluate_diet(model: Path, info: dict, test: list[tuple[str, str]], args) -> dict:
    texts, gold = [t for t, _ in test], [l for _, l in test]
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.json", Path(tmp) / "out.json"
        inp.write_text(json.dumps(texts))
        console.print(f"DIET: parsing {len(texts)} test messages in-process...")
        subprocess.run([RASA.python, "-m", "bench.diet_eval", str(model), str(inp), str(out)], cwd=REPO,
                       check=True, capture_output=True, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
        res = json.loads(out.read_text())
    ms = [s * 1000 for s in res["seconds"]]
    result = {**scores(gold, [p or "" for p in res["intents"]]), "train_s": info["train_s"],
              "cached_model_trained_at": info["trained_at"],
              "batched_msgs_per_s": round(len(ms) / (sum(ms) / 1000), 1),  # Rasa parses one message at a time
              "inprocess_latency": summarise_ms(ms)}
    console.print(f"DIET: accuracy {result['accuracy']}, macro-F1 {result['macro_f1']}, p50 {result['inprocess_latency']['p50_ms']} ms")
    port, token = free_port(), secrets.token_urlsafe(32)  # the API serves /model/parse: token only
    rasa = baseline_rasa("bench-diet", model, port, REPO / ".run" / "bench", api_token=token)
    rasa.start()
    try:
        rasa.wait_healthy()
        sample = random.Random(0).sample(texts, min(args.latency_n, len(texts)))
        result["http_latency"] = http_latency(f"http://127.0.0.1:{port}/model/parse?token={token}", sample)
    finally:
        rasa.stop()
    return result


# --- sentiment baseline ------------------------------------------------------------------------

def evaluate_vader(test: list[tuple[str, str]], args) -> dict:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()

    def label(text: str) -> str:
        c = vader.polarity_scores(text)["compound"]  # the thresholds VADER's authors recommend
        return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"

    texts, gold = [t for t, _ in test], [l for _, l in test]
    t0 = time.perf_counter()
    pred = [label(t) for t in track(texts, description="VADER")]
    out = {**scores(gold, pred), "train_s": 0.0, "batched_msgs_per_s": round(len(texts) / (time.perf_counter() - t0), 1)}
    out["inprocess_latency"] = latency(label, random.Random(0).sample(texts, min(args.latency_n, len(texts))))
    return out


# --- out of scope ------------------------------------------------------------------------------

def intent_logits(loaded, texts: list[str], served: bool = True) -> torch.Tensor:
    """Logits whose softmax is the served intent probability (the character model blended in),
    or with `served=False` the encoder's own logits (what the energy score needs)."""
    if loaded.char is None or not served:
        return batched_logits(loaded.net, loaded.tokenizer, texts, 64)[0]
    return intent_probabilities(loaded.net, loaded.tokenizer, texts, 64, loaded.char)[0].clamp_min(1e-12).log()


# How sure the model is that a message is in scope, higher = surer. max_prob is what the
# service thresholds (on the served probabilities); energy (Liu et al., 2020: logsumexp of the
# logits) is reported beside it, on the encoder's logits.
OOS_SCORES = {
    "max_prob": (True, lambda logits: logits.softmax(-1).max(-1).values),
    "energy": (False, lambda logits: logits.logsumexp(-1)),
}


def evaluate_oos(split: public_data.Split, workdir: Path, args) -> dict:
    model_dir, train_s = train_ours(split.name.split()[0], split.train, workdir, args)
    loaded = load_model(model_dir)
    logits = {served: {"val": intent_logits(loaded, [t for t, _ in split.val], served),
                       "oos_val": intent_logits(loaded, split.oos_val, served),
                       "test": intent_logits(loaded, [t for t, _ in split.test], served),
                       "oos_test": intent_logits(loaded, split.oos_test, served)}
              for served in (True, False)}
    val_logits, test_logits = logits[True]["val"], logits[True]["test"]
    predicted = lambda logits: [loaded.intents[i] for i in logits.argmax(-1).tolist()]  # noqa: E731
    val_ok = [p == l for p, (_, l) in zip(predicted(val_logits), split.val)]
    test_pred = predicted(test_logits)
    result = {"dataset": split.name, "train_s": round(train_s, 1), "in_scope_test": len(split.test),
              "oos_test": len(split.oos_test),
              "in_scope_accuracy_without_rejection": scores([l for _, l in split.test], test_pred)["accuracy"]}
    for name, (served, score) in OOS_SCORES.items():
        scored = {k: score(v).tolist() for k, v in logits[served].items()}
        threshold = oos_threshold(scored["val"], val_ok, scored["oos_val"])
        t_conf, o_conf = scored["test"], scored["oos_test"]
        in_ok = [p == l and c >= threshold for p, c, (_, l) in zip(test_pred, t_conf, split.test)]
        rejected = [c < threshold for c in o_conf]
        figures = {"threshold": threshold, "in_scope_accuracy": round(sum(in_ok) / len(in_ok), 4),
                   "oos_recall": round(sum(rejected) / len(rejected), 4)}
        if split.oos_test_sources:
            for source in dict.fromkeys(split.oos_test_sources):
                hits = [r for r, s in zip(rejected, split.oos_test_sources) if s == source]
                figures.setdefault("oos_recall_by_source", {})[source] = round(sum(hits) / len(hits), 4)
        if name == "max_prob":
            result.update(figures)  # the headline: what the served model does
        else:
            result[name] = figures
    return result


# --- report ------------------------------------------------------------------------------------

def markdown(results: dict) -> str:
    rows = ["| data set | system | accuracy | macro-F1 | train s | p50 ms (in-process) | p50 ms (HTTP) | p95 ms (HTTP) | msgs/s batched |",
            "|---|---|---|---|---|---|---|---|---|"]
    for ds, systems in results.items():
        if ds == "oos":
            continue
        for system, r in systems.items():
            if "accuracy" not in r:
                rows.append(f"| {ds} | {system} | {r.get('status', '-')} | | | | | | |")
                continue
            http = r.get("http_latency", {})
            rows.append(f"| {ds} | {system} | {r['accuracy']} | {r['macro_f1']} | {r['train_s']} | "
                        f"{r.get('inprocess_latency', {}).get('p50_ms', '-')} | {http.get('p50_ms', '-')} | "
                        f"{http.get('p95_ms', '-')} | {r.get('batched_msgs_per_s', '-')} |")
            for name in VARIANTS:
                if name in r:
                    q, qhttp = r[name], r[name].get("http_latency", {})
                    rows.append(f"| {ds} | {system} {name.replace('_', ' ')} | {q['accuracy']} | {q['macro_f1']} | | "
                                f"{q['inprocess_latency']['p50_ms']} | {qhttp.get('p50_ms', '')} | "
                                f"{qhttp.get('p95_ms', '')} | |")
    extra = []
    for ds, systems in results.items():
        if ds == "oos":
            continue
        for system, r in systems.items():
            noise = {k[6:]: v for k, v in r.items() if k.startswith("noise_")}
            if noise:
                extra.append(f"- {ds} / {system} under noise: " + ", ".join(
                    f"{k} {v['accuracy']}" + (f" (as served, with the speller {v['served']['accuracy']}, without "
                                              f"{v['served_no_spelling']['accuracy']})" if "served" in v else "")
                    for k, v in noise.items()))
    if "oos" in results:
        o = results["oos"]
        by_source = "".join(f"; {k} {v}" for k, v in o.get("oos_recall_by_source", {}).items())
        extra.append(f"- out-of-scope ({o['dataset']}), max-probability threshold {o['threshold']}: in-scope accuracy "
                     f"{o['in_scope_accuracy']} (without rejection {o['in_scope_accuracy_without_rejection']}), "
                     f"OOS recall {o['oos_recall']}{by_source}")
        if "energy" in o:
            e = o["energy"]
            extra.append(f"- out-of-scope, energy score instead: in-scope accuracy {e['in_scope_accuracy']}, "
                         f"OOS recall {e['oos_recall']}")
    note = ("`ours` is the trained torch model; `onnx` the same model through ONNX Runtime (what the nlu service "
            "serves by default); `int8` variants have int8 weights. In-process latency: one message at a time, "
            "one thread; HTTP: through the real `/model/parse`.\n\n")
    return "# NLU benchmark\n\n" + note + "\n".join(rows) + "\n\n" + "\n".join(extra) + "\n"


def intent_split(name: str, quick: bool) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """The DIET cache name, train and test pairs of an intent data set: one definition, so that
    --train-diet caches exactly the model a later run looks up."""
    split = getattr(public_data, name)()
    if quick:
        return f"{name}-quick", public_data.subsample(split.train, 8, 12), public_data.subsample(split.test, 8, 5)
    return name, split.train, split.test


def train_diet_only(only: set[str], args) -> None:
    """--train-diet is its own step: it fills the cache (an hour a data set on 2 cores) and
    benchmarks nothing, so it can run in the background while nothing else is measured."""
    names = [n for n in ("banking77", "hwu64") if n in only and (n == "banking77" or args.diet_all)]
    if not names:
        console.print("nothing to train: DIET runs on banking77, and on hwu64 with --diet-all")
    for name in names:
        cache_name, train_pairs, _ = intent_split(name, args.quick)
        diet_model(cache_name, train_pairs, may_train=True)
    console.print("DIET cache ready; now run make bench-nlu (without --train-diet) to compare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small subsamples, 1 epoch: a smoke run for CI")
    parser.add_argument("--only", default="banking77,hwu64,tweeteval,oos",
                        help="comma-separated: banking77, hwu64, tweeteval, oos (the --oos-dataset run)")
    parser.add_argument("--train-diet", action="store_true", help="only train the DIET models missing from the cache, then stop")
    parser.add_argument("--diet-all", action="store_true", help="DIET on HWU64 too (Banking77 only by default)")
    parser.add_argument("--oos-dataset", default="banking77-oos",
                        help="out-of-scope data: a file in CLINC150's data_full.json layout, or banking77-oos "
                             "(built from the shared data; the default)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--latency-n", type=int, default=300, help="messages timed one at a time")
    args = parser.parse_args()
    if args.quick:
        args.epochs, args.latency_n = 1, 30

    only = set(args.only.split(","))
    unknown = only - {"banking77", "hwu64", "tweeteval", "oos"}
    if unknown:
        parser.error(f"unknown data set(s) {sorted(unknown)}; choose from banking77, hwu64, tweeteval, oos")
    if "oos" in only and args.oos_dataset != "banking77-oos" and not Path(args.oos_dataset).is_file():
        parser.error(f"--oos-dataset {args.oos_dataset}: no such file (or use banking77-oos)")
    if args.train_diet:
        train_diet_only(only, args)
        return
    results: dict = {}
    workdir = Path(tempfile.mkdtemp(prefix="bench-nlu-"))
    rng = random.Random(0)
    for name in ("banking77", "hwu64"):
        if name not in only:
            continue
        cache_name, train_pairs, test = intent_split(name, args.quick)
        console.rule(f"{name}: {len(train_pairs)} train / {len(test)} test")
        noisy = None
        if name == "banking77":
            noisy = {"asr": [public_data.asr_like(t) for t, _ in test], "typos": [public_data.typos(t, rng) for t, _ in test]}
        model_dir, train_s = train_ours(name, train_pairs, workdir, args)
        results[name] = {"ours": evaluate_ours(model_dir, test, train_s, args, noisy)}
        if name == "banking77" or args.diet_all:
            diet, info = diet_model(cache_name, train_pairs, args.quick)
            results[name]["diet"] = evaluate_diet(diet, info, test, args) if diet else info
    if "tweeteval" in only:
        split = public_data.tweeteval()
        train_pairs, test = split.train, split.test
        if args.quick:
            train_pairs, test = public_data.subsample(train_pairs, 3, 40), public_data.subsample(test, 3, 20)
        console.rule(f"tweeteval sentiment: {len(train_pairs)} train (the val split) / {len(test)} test")
        model_dir, train_s = train_ours("tweeteval", train_pairs, workdir, args)
        results["tweeteval"] = {"ours": evaluate_ours(model_dir, test, train_s, args), "vader": evaluate_vader(test, args)}
    if "oos" in only:
        split = (public_data.banking77_oos() if args.oos_dataset == "banking77-oos"
                 else public_data.clinc_layout(Path(args.oos_dataset)))
        if args.quick:
            split.train, split.val = public_data.subsample(split.train, 8, 12), public_data.subsample(split.val, 8, 4)
            split.test, split.oos_val = public_data.subsample(split.test, 8, 5), split.oos_val[:40]
            keep = sorted(random.Random(0).sample(range(len(split.oos_test)), min(60, len(split.oos_test))))
            split.oos_test = [split.oos_test[i] for i in keep]
            if split.oos_test_sources:
                split.oos_test_sources = [split.oos_test_sources[i] for i in keep]
        console.rule(f"out-of-scope: {split.name}")
        results["oos"] = evaluate_oos(split, workdir, args)

    # A run with --only replaces its own data sets' figures and keeps the others'.
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "nlu-quick" if args.quick else "nlu"
    store = RESULTS / f"{stem}.json"
    merged = json.loads(store.read_text()) if store.exists() else {}
    for name, figures in results.items():
        earlier = merged.get(name, {}).get("diet", {})
        if "accuracy" not in figures.get("diet", {"accuracy": None}) and "accuracy" in earlier:
            # DIET takes an hour to train; a run without its cache keeps the figures measured before
            figures["diet"] = {**earlier, "note": "measured in an earlier run (no cached DIET model in this one)"}
    merged.update(results)
    store.write_text(json.dumps(merged, indent=2) + "\n")
    (RESULTS / f"{stem}.md").write_text(markdown(merged))
    console.print(f"figures written to {store.relative_to(REPO)} and {stem}.md")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
