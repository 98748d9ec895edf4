"""Emerging irritants: how well voc.clusters finds the intents of Banking77 without being told them.

Protocol (issue 10):
- evaluation sample: 1,000 messages drawn with a fixed seed (--seed, 7) from Banking77's test.csv
  (77 intents); --quick: 300 messages, a smoke run for CI (under a minute, 20 s of it numba
  compiling UMAP);
- embeddings: the bundled generic all-MiniLM-L6-v2 (not our fine-tuned NLU model);
- the number of clusters is not given to the algorithm; the parameters are ClusterParams'
  defaults, tuned beforehand on a different 1,000 messages drawn from train.csv with another
  seed (`--tune` reruns that search and prints the best parameters, with and without UMAP);
- scores: scikit-learn's normalized_mutual_info_score and adjusted_rand_score against the
  intents, the noise (-1) kept as one more cluster, so leaving messages unclustered costs.

    .venv/bin/python -m bench.voc_clusters [--quick] [--seed 7]
    .venv/bin/python -m bench.voc_clusters --seeds 7,1,2,3,4   # five evaluation samples, mean and sd
    .venv/bin/python -m bench.voc_clusters --tune        # about 7 minutes on two cores
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from dataclasses import asdict, replace
from typing import Iterable, Optional

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from bench.public_data import banking77
from voc.clusters import NOISE, ClusterParams, Embedder, cluster
from voc.clusters import _labels, _reduce, _unit_rows  # to reuse one UMAP reduction across the grid

EVAL_MESSAGES = 1000
QUICK_MESSAGES = 300
TUNE_MESSAGES = 1000
TUNE_SEED = 11  # the tuning sample's seed (train.csv), never the evaluation's


def draw(pairs: list[tuple[str, str]], n: int, seed: int) -> tuple[list[str], list[str]]:
    chosen = random.Random(seed).sample(pairs, min(n, len(pairs)))
    return [t for t, _ in chosen], [l for _, l in chosen]


def score(intents: list[str], labels: np.ndarray) -> dict:
    """NMI and ARI against the intents, NOISE kept as a class of its own."""
    return {"nmi": round(float(normalized_mutual_info_score(intents, labels)), 4),
            "ari": round(float(adjusted_rand_score(intents, labels)), 4),
            "clusters": int(len(set(labels.tolist()) - {NOISE})),
            "noise_share": round(float(np.mean(labels == NOISE)), 4)}


def clustering_figures(quick: bool = False, seed: int = 7, params: Optional[ClusterParams] = None,
                       embedder: Optional[Embedder] = None) -> dict:
    """The evaluation: {"nmi", "ari", "clusters", "noise_share"} plus the sample size, the number
    of intents it holds and the seconds spent embedding and clustering."""
    params = params or ClusterParams()
    embedder = embedder or Embedder()
    texts, intents = draw(banking77().test, QUICK_MESSAGES if quick else EVAL_MESSAGES, seed)
    t0 = time.perf_counter()
    x = embedder.encode(texts)
    t1 = time.perf_counter()
    result = cluster(texts, x, params, seed=seed)
    t2 = time.perf_counter()
    return {**score(intents, result.labels), "messages": len(texts), "intents": len(set(intents)),
            "embed_s": round(t1 - t0, 2), "cluster_s": round(t2 - t1, 2)}


# The search space. (HDBSCAN's cluster_selection_epsilon is not searched: any value but 0
# can raise TypeError in scikit-learn 1.9.1 with NumPy 2, scikit-learn issue #33219.)
SIZES = (3, 4, 5, 6, 8, 10, 12)
SAMPLES = (1, 2, 3, 4, 6)
METHODS = ("eom", "leaf")
UMAP_COMPONENTS = (5, 10, 20)
UMAP_NEIGHBOURS = (8, 10, 15, 30)
UMAP_SEEDS = (0, 1, 2)  # UMAP is stochastic: each setting is scored on the mean over these seeds


def _hdbscan_grid(base: ClusterParams) -> Iterable[ClusterParams]:
    for size, samples, method in itertools.product(SIZES, SAMPLES, METHODS):
        yield replace(base, min_cluster_size=size, min_samples=samples, cluster_selection_method=method)


def _umap_grid(base: ClusterParams) -> Iterable[ClusterParams]:
    for components, neighbours in itertools.product(UMAP_COMPONENTS, UMAP_NEIGHBOURS):
        yield from _hdbscan_grid(replace(base, umap_components=components, umap_neighbors=neighbours))


def tune(umap: bool = False, n: int = TUNE_MESSAGES, seed: int = TUNE_SEED, embedder: Optional[Embedder] = None,
         x: Optional[np.ndarray] = None, top: int = 5) -> list[tuple[float, ClusterParams, dict]]:
    """Grid search on `n` messages drawn from train.csv with `seed` (never the evaluation
    sample), scored by (NMI + ARI) / 2 with the noise as one cluster. Returns the `top`
    (objective, params, mean scores), best first; ties go to the earlier setting of the grid.

    Without UMAP HDBSCAN is deterministic: one run per setting. With umap=True each setting
    is run on UMAP reductions with each of UMAP_SEEDS and scored on the mean, so that the
    choice does not ride on one lucky layout; a reduction is computed once and reused for all
    the HDBSCAN settings that follow it. (The labels are cluster()'s but for the renumbering
    and the keywords, which change no score. min_similarity is not searched: the objective
    would always rather assign than leave noise.)"""
    texts, intents = draw(banking77().train, n, seed)
    if x is None:
        x = (embedder or Embedder()).encode(texts)
    unit = _unit_rows(np.asarray(x, dtype=np.float64))
    base = replace(ClusterParams(), umap_components=None)
    grid = _umap_grid(base) if umap else _hdbscan_grid(base)
    spaces: dict[tuple, list[np.ndarray]] = {}
    rows = []
    for params in grid:
        key = (params.umap_components, params.umap_neighbors, params.umap_min_dist)
        if key not in spaces:
            spaces.clear()
            spaces[key] = [_reduce(unit, params, s) for s in UMAP_SEEDS] if umap else [unit]
        runs = [score(intents, _labels(unit, space, params)) for space in spaces[key]]
        mean = {k: round(float(np.mean([r[k] for r in runs])), 4) for k in runs[0]}
        rows.append(((mean["nmi"] + mean["ari"]) / 2, params, mean))
    rows.sort(key=lambda r: -r[0])
    return rows[:top]


def _changed(params: ClusterParams) -> dict:
    """The fields that differ from ClusterParams' defaults."""
    default = asdict(ClusterParams())
    return {k: v for k, v in asdict(params).items() if default[k] != v}


def _print_row(name: str, f: dict) -> None:
    print(f"{name:<24}{f['nmi']:>7.3f}{f['ari']:>7.3f}{f['clusters']:>10}{f['noise_share']:>8.1%}"
          f"{f.get('embed_s', 0):>9.1f}{f.get('cluster_s', 0):>11.2f}")


HEADER = f"{'variant':<24}{'NMI':>7}{'ARI':>7}{'clusters':>10}{'noise':>8}{'embed s':>9}{'cluster s':>11}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_MESSAGES} messages instead of {EVAL_MESSAGES}")
    parser.add_argument("--seed", type=int, default=7, help="the evaluation sample's seed (default 7)")
    parser.add_argument("--seeds", help="several evaluation samples, e.g. 7,1,2,3,4: one row each, then mean and sd")
    parser.add_argument("--tune", action="store_true",
                        help=f"search the parameters on {TUNE_MESSAGES} train.csv messages (seed {TUNE_SEED}), "
                             "with and without UMAP; print the best and how each does on the evaluation sample")
    args = parser.parse_args()
    embedder = Embedder()
    if args.seeds and not args.tune:
        seeds = [int(s) for s in args.seeds.split(",")]
        print(HEADER)
        per_seed = {}
        for seed in seeds:
            per_seed[seed] = clustering_figures(args.quick, seed, embedder=embedder)
            _print_row(f"seed {seed}", per_seed[seed])
        summary = {k: {"mean": round(float(np.mean([f[k] for f in per_seed.values()])), 4),
                       "sd": round(float(np.std([f[k] for f in per_seed.values()])), 4)}
                   for k in ("nmi", "ari", "clusters", "noise_share")}
        print("mean (sd): " + ", ".join(f"{k} {v['mean']:.3f} ({v['sd']:.3f})" for k, v in summary.items()))
        print(json.dumps({"summary": summary, "seeds": per_seed, "params": asdict(ClusterParams())}))
        return
    if not args.tune:
        figures = clustering_figures(args.quick, args.seed, embedder=embedder)
        print(HEADER)
        _print_row("ClusterParams()", figures)
        print(json.dumps({**figures, "seed": args.seed, "params": asdict(ClusterParams())}))
        return

    texts, _ = draw(banking77().train, TUNE_MESSAGES, TUNE_SEED)
    t0 = time.perf_counter()
    x = embedder.encode(texts)
    print(f"tuning sample: {len(texts)} train.csv messages (seed {TUNE_SEED}) embedded in {time.perf_counter() - t0:.1f} s")
    variants = [("hdbscan", False)]
    try:
        import umap  # noqa: F401

        variants.append(("umap+hdbscan", True))
    except ImportError:
        print("umap-learn is not installed: tuning HDBSCAN alone")
    report: dict = {"tune_seed": TUNE_SEED, "eval_seed": args.seed}
    for name, with_umap in variants:
        t0 = time.perf_counter()
        best = tune(umap=with_umap, x=x)
        seconds = time.perf_counter() - t0
        print(f"\n{name}: searched in {seconds:.0f} s; best on the tuning sample ((NMI + ARI) / 2):")
        for objective, params, s in best:
            print(f"  {objective:.4f}  NMI {s['nmi']:.3f} ARI {s['ari']:.3f} clusters {s['clusters']:.1f} "
                  f"noise {s['noise_share']:.1%}  {_changed(params)}")
        params = best[0][1]
        figures = clustering_figures(args.quick, args.seed, params=params, embedder=embedder)
        report[name] = {"params": asdict(params), "tuning": best[0][2], "evaluation": figures,
                        "search_s": round(seconds, 1)}
    print("\non the evaluation sample (test.csv, seed %d):" % args.seed)
    print(HEADER)
    for name, _ in variants:
        _print_row(name, report[name]["evaluation"])
    print(json.dumps(report))


if __name__ == "__main__":
    main()
