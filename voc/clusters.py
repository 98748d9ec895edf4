"""Emerging irritants: cluster the negative messages that fit no category of the taxonomy.

    embeddings = Embedder().encode(texts)          # the bundled MiniLM, unit vectors
    result = cluster(texts, embeddings)            # ClusterParams() holds the tuned defaults
    for c in result.clusters:                      # largest first; result.labels[i] == -1: noise
        print(c.size, c.keywords, [texts[i] for i in c.representatives])

How: sentence embeddings (the generic all-MiniLM-L6-v2 that `contracts.encoders.bundled_encoder`
ships, no hub download) -> UMAP down to 5 dimensions (umap-learn) -> HDBSCAN from scikit-learn
(density-based: the number of clusters is not given, and messages that resemble nothing else
stay noise instead of being forced into a cluster) -> keywords per cluster by class-based
TF-IDF (c-TF-IDF, as BERTopic describes it):

    score(t, c) = tf(t, c) * log(1 + A / f(t))

tf(t, c) is the count of term t in cluster c's messages taken together, f(t) its count in the
whole batch (noise included, so words every complaint uses rank low), A the average number
of words per cluster. English stop words (scikit-learn's, less a few words such as "bill" and
"call" that customers complain about) and bare numbers are removed.

Why these choices (bench/voc_clusters.py: 1,000 Banking77 test messages, 77 intents, the
number of clusters not given, the noise scored as one more cluster; the parameters tuned by grid
search on a different 1,000 messages from train.csv; two CPU cores):

    variant, each with its own tuned parameters        NMI    ARI   clusters  noise
    HDBSCAN on the 384-d embeddings (no guards)*       0.699  0.094     64     31 %
    UMAP to 5-d (10 neighbours) + HDBSCAN: defaults    0.813  0.464     68      7 %
    (the defaults over 5 evaluation samples: NMI 0.812 +- 0.009, ARI 0.457 +- 0.039)
    * with the three guards below, HDBSCAN alone does worse still: 0.681 / 0.062.

- UMAP earns its place: without it HDBSCAN leaves a third of the messages as noise (in 384
  dimensions distances concentrate, so densities hardly differ), which is what wrecks the ARI.
  The published reference for the same task and MiniLM (UMAP + HDBSCAN tuned with hyperopt)
  is NMI 0.71 / ARI 0.25.
- The grid's runners-up are within 0.005 of the best on the tuning sample (e.g. UMAP to 20-d
  with clusters of at least 8), so the defaults sit on a plateau, not on a lucky point.
- UMAP gives every message neighbours, so it finds clumps in anything: 20, 50 and 100
  Banking77 messages drawn at random (nearly all of different intents) gave 1.5, 3.1 and 5.6
  clusters a batch, and one-off complaints were pulled into real clusters. Three guards, chosen
  rather than tuned (the objective never prefers noise), bring that to 0.1, 0.4 and 4.5 (the
  last mostly topical mixtures such as card payments) for about 0.005 of ARI on the benchmark:
  allow_single_cluster, clusters peeled to their core (min_similarity 0.45) and loose clusters
  dissolved (min_cohesion 0.65). Small batches stay the weak spot: with 30 paraphrases in
  three groups among 20 one-offs, one UMAP seed in six found only one of the three groups.
- UMAP is stochastic: `seed` fixes it, and the same inputs give the same result. Embeddings
  that differ in the last float bits (a text embedded in another batch) can move the scores
  by about 0.02 of ARI.
- Time on two cores for 1,000 messages: embedding 5-40 s (the machine was shared), UMAP +
  HDBSCAN about 3 s, plus about 20 s of numba compilation on the first UMAP call in a process.
- BERTopic is UMAP + HDBSCAN + c-TF-IDF with more dependencies around them; these three pieces
  are all that is needed here.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Literal, Optional, Sequence

import numpy as np

NOISE = -1

# scikit-learn's English stop words, less those that name what customers complain about
# (its list drops "bill", "call", "amount", "system"... as filler; "top" is half of "top up")
KEPT_WORDS = frozenset({"amount", "bill", "call", "detail", "empty", "full", "interest", "name", "system", "top"})
# words of two or more characters with at least one letter: no bare numbers as keywords
TOKEN_PATTERN = r"(?u)\b(?=\w*[^\W\d_])\w\w+\b"


@dataclass(frozen=True)
class ClusterParams:
    """The UMAP reduction, HDBSCAN's settings and what each cluster reports. The defaults are
    those `python -m bench.voc_clusters --tune` picked; the module docstring says what they measure.

    min_cluster_size: the fewest messages that make a cluster (an irritant is "emerging" once
        at least this many customers say much the same thing). Smaller batches than this are
        all noise.
    min_samples: how conservative the density estimate is (neighbours a message needs to be a
        core point); larger leaves more messages as noise. None: min_cluster_size.
    cluster_selection_method: "eom" (excess of mass: fewer, larger clusters) or "leaf" (the
        leaves of the cluster tree: more, smaller and more homogeneous clusters).
    metric: HDBSCAN's, in the space it clusters. UMAP's output is Euclidean (UMAP itself
        compares the embeddings by cosine); without UMAP, on unit vectors "euclidean" orders
        pairs exactly as cosine distance does (|a-b|^2 = 2 - 2 cos).
    umap_components: reduce the embeddings with UMAP (umap-learn) to this many dimensions
        first; None clusters the 384-d embeddings themselves (much worse, see above). Batches
        of at most umap_components + 2 messages are never reduced.
    umap_neighbors, umap_min_dist: UMAP's neighbourhood size and packing (0: tight clumps,
        what clustering wants).
    small_batch, small_batch_seeds: on fewer messages than small_batch, UMAP's layout depends
        on its seed as much as on the messages (15 complaints: one irritant found with four
        seeds of five, merged with one-offs and dissolved by the fifth), so such a batch is
        clustered with small_batch_seeds seeds and the run that keeps the most messages in
        clusters that pass the guards below wins (the guards stop that from rewarding loose
        clusters).
    allow_single_cluster: let HDBSCAN answer with one cluster. Without it a batch holding one
        irritant and some noise gives no cluster at all (HDBSCAN then needs two groups to
        contrast), and the early sign of a single new irritant is what this module is for.
    min_similarity: a member whose cosine similarity to its cluster's mean direction (in the
        embedding space, not UMAP's) is below this becomes noise, and a cluster left with fewer
        than min_cluster_size members is dissolved. UMAP ties every message to its nearest
        neighbours, so a complaint like no other can be pulled into a cluster; this floor sends
        it back to the noise.
    min_cohesion: a cluster whose members' mean cosine similarity to its mean direction (after
        min_similarity) is below this is dissolved into the noise. In small batches UMAP finds
        clumps in anything; this keeps loose mixtures from being reported as irritants.
    allow_single_cluster, min_similarity and min_cohesion were chosen, not tuned: the
    objective, which scores noise as one more cluster, never prefers leaving messages out.
    The module docstring says what they cost on the benchmark and what they buy.
    keywords: how many c-TF-IDF keywords each cluster gets.
    representatives: how many messages closest to the centroid each cluster names.

    HDBSCAN's cluster_selection_epsilon is left at 0 on purpose: with NumPy 2 any other value
    can raise TypeError inside scikit-learn 1.9.1 (scikit-learn issue #33219, fix not released).
    """

    min_cluster_size: int = 6
    min_samples: Optional[int] = 3
    cluster_selection_method: Literal["eom", "leaf"] = "eom"
    metric: str = "euclidean"
    umap_components: Optional[int] = 5
    umap_neighbors: int = 10
    umap_min_dist: float = 0.0
    small_batch: int = 100
    small_batch_seeds: int = 3
    allow_single_cluster: bool = True
    min_similarity: float = 0.45
    min_cohesion: float = 0.65
    keywords: int = 6
    representatives: int = 3

    def __post_init__(self) -> None:
        if self.min_cluster_size < 2:
            raise ValueError("min_cluster_size must be at least 2")
        if self.min_samples is not None and self.min_samples < 1:
            raise ValueError("min_samples must be at least 1 (or None)")
        if self.cluster_selection_method not in ("eom", "leaf"):
            raise ValueError("cluster_selection_method is 'eom' or 'leaf'")
        if self.umap_components is not None and self.umap_components < 1:
            raise ValueError("umap_components must be at least 1 (or None)")
        if self.umap_neighbors < 2:
            raise ValueError("umap_neighbors must be at least 2")
        if not -1.0 <= self.min_similarity <= 1.0:
            raise ValueError("min_similarity is a cosine similarity, between -1 and 1")


@dataclass(frozen=True)
class Cluster:
    label: int  # as in ClusterResult.labels; 0 is the largest cluster
    size: int
    keywords: list[str]  # by c-TF-IDF, best first
    representatives: list[int]  # indices of the messages closest to the centroid, closest first


@dataclass(frozen=True)
class ClusterResult:
    labels: np.ndarray  # one per message: its cluster's label, or NOISE (-1)
    clusters: list[Cluster] = field(default_factory=list)  # largest first

    @property
    def noise_share(self) -> float:
        return float(np.mean(self.labels == NOISE)) if len(self.labels) else 0.0


class Embedder:
    """The bundled MiniLM as a sentence encoder, loaded on first use.

    `encode` returns one L2-normalised float32 row per text (shape (n, 384) for MiniLM, (0, 384)
    for no text). batch_size 32 keeps padding waste low on two CPU cores with short messages.
    """

    def __init__(self, model: Optional[str] = None, batch_size: int = 32, device: str = "cpu") -> None:
        self.model_name = model
        self.batch_size = batch_size
        self.device = device
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            if self.model_name is None:
                from contracts.encoders import bundled_encoder  # not nlu: the voc image has no nlu

                self.model_name = bundled_encoder()
            self._model = SentenceTransformer(self.model_name, device=self.device)
        return self._model

    @property
    def dimension(self) -> int:
        return int(self.model.get_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def _unit_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def _reduce(x: np.ndarray, params: ClusterParams, seed: int) -> np.ndarray:
    """UMAP to params.umap_components dimensions, when asked and when the batch allows it.

    Identical embeddings (the same complaint pasted twice) are reduced once and share their
    point: UMAP would otherwise tear a heap of duplicates apart. Spectral initialisation needs
    more distinct points than dimensions: with too few, no reduction."""
    if params.umap_components is None:
        return x
    _, first, inverse = np.unique(x, axis=0, return_index=True, return_inverse=True)
    order = np.argsort(first)  # distinct rows in the order they first appear
    distinct = x[first[order]]
    if len(distinct) <= params.umap_components + 2:
        return x
    with warnings.catch_warnings():  # umap-learn says so on import when TensorFlow is absent
        warnings.filterwarnings("ignore", message="Tensorflow not installed", category=ImportWarning)
        import umap

    reducer = umap.UMAP(n_components=params.umap_components, n_neighbors=min(params.umap_neighbors, len(distinct) - 1),
                        min_dist=params.umap_min_dist, metric="cosine", random_state=seed, n_jobs=1)
    reduced = np.asarray(reducer.fit_transform(distinct), dtype=np.float64)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return reduced[rank[np.ravel(inverse)]]


def _hdbscan_labels(space: np.ndarray, params: ClusterParams) -> np.ndarray:
    """HDBSCAN's labels for the rows of `space` (deterministic: no randomness in it)."""
    from sklearn.cluster import HDBSCAN

    min_samples = min(params.min_samples or params.min_cluster_size, len(space) - 1)
    return HDBSCAN(min_cluster_size=params.min_cluster_size, min_samples=min_samples,
                   metric=params.metric, cluster_selection_method=params.cluster_selection_method,
                   allow_single_cluster=params.allow_single_cluster, copy=True).fit_predict(space)


def _core(x: np.ndarray, members: np.ndarray, floor: float) -> tuple[np.ndarray, float]:
    """The members at cosine similarity >= floor from the mean direction of those kept, peeled
    until none is left below it (each pass moves the centroid towards the core), and their mean
    similarity to it."""
    while len(members):
        centroid = x[members].mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        similarity = x[members] @ centroid
        kept = similarity >= floor
        if kept.all():
            return members, float(similarity.mean())
        members = members[kept]
    return members, 0.0


def _labels(x: np.ndarray, space: np.ndarray, params: ClusterParams) -> np.ndarray:
    """HDBSCAN's labels on `space` (x itself or its reduction), then, in x (unit rows), each
    cluster peeled to its core (params.min_similarity) and dissolved when what is left is too
    small or too loose (params.min_cluster_size, params.min_cohesion)."""
    raw = _hdbscan_labels(space, params)
    labels = np.full(len(raw), NOISE, dtype=int)
    for label in np.unique(raw):
        if label == NOISE:
            continue
        core, cohesion = _core(x, np.flatnonzero(raw == label), params.min_similarity)
        if len(core) >= params.min_cluster_size and cohesion >= params.min_cohesion:
            labels[core] = label
    return labels


def ctfidf_keywords(texts: Sequence[str], labels: np.ndarray, top: int = 6) -> dict[int, list[str]]:
    """The `top` terms of each cluster (label >= 0) by c-TF-IDF; the noise (-1) counts as one
    more class in the term frequencies across classes, but gets no keywords. Ties go to the
    alphabetically first term, so the result is deterministic."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    classes = sorted({int(label) for label in labels})
    if not any(c != NOISE for c in classes):
        return {}
    docs = [" ".join(texts[i] for i in np.flatnonzero(labels == c)) for c in classes]
    vectorizer = CountVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS - KEPT_WORDS), token_pattern=TOKEN_PATTERN,
                                 lowercase=True)
    try:
        counts = vectorizer.fit_transform(docs).toarray().astype(np.float64)
    except ValueError:  # nothing but stop words (or no words) in the batch
        return {c: [] for c in classes if c != NOISE}
    terms = vectorizer.get_feature_names_out()
    clustered = np.array([c != NOISE for c in classes])
    average_words = counts[clustered].sum() / clustered.sum()
    across = counts.sum(axis=0)  # > 0 for every term of the vocabulary
    scores = counts * np.log1p(average_words / across)
    order_alpha = np.argsort(terms, kind="stable")
    keywords: dict[int, list[str]] = {}
    for row, c in enumerate(classes):
        if c == NOISE:
            continue
        s = scores[row, order_alpha]
        best = order_alpha[np.argsort(-s, kind="stable")]
        keywords[c] = [str(terms[j]) for j in best[:top] if scores[row, j] > 0]
    return keywords


def _representatives(x: np.ndarray, members: np.ndarray, k: int) -> list[int]:
    """The k members closest (cosine) to the members' mean direction; ties to the earlier message."""
    centroid = x[members].mean(axis=0)
    norm = np.linalg.norm(centroid)
    if norm > 0:
        centroid = centroid / norm
    similarity = x[members] @ centroid
    order = np.lexsort((members, -similarity))
    return [int(members[i]) for i in order[:k]]


def cluster(texts: list[str], embeddings: np.ndarray, params: ClusterParams = ClusterParams(),
            seed: int = 0) -> ClusterResult:
    """Cluster `texts` by their `embeddings` (one row each; they are L2-normalised here).

    The same inputs, params and seed give the same result. Labels are renumbered so that 0 is
    the largest cluster (ties: the one whose first message comes first). Fewer messages than
    params.min_cluster_size: all noise, no clusters.
    """
    n = len(texts)
    x = np.asarray(embeddings, dtype=np.float64)
    if len(x) != n or (n and x.ndim != 2):
        raise ValueError(f"{n} texts need an (n, dimensions) array of as many embeddings, not {x.shape}")
    if n < max(params.min_cluster_size, 2):
        return ClusterResult(labels=np.full(n, NOISE, dtype=int))
    x = _unit_rows(x)

    seeds = range(seed, seed + (params.small_batch_seeds if n < params.small_batch else 1))
    runs = [_labels(x, _reduce(x, params, s), params) for s in seeds]
    raw = max(runs, key=lambda labels: int(np.sum(labels != NOISE)))  # the first of equals

    found = [label for label in np.unique(raw) if label != NOISE]
    found.sort(key=lambda label: (-int(np.sum(raw == label)), int(np.flatnonzero(raw == label)[0])))
    labels = np.full(n, NOISE, dtype=int)
    for new, old in enumerate(found):
        labels[raw == old] = new

    keywords = ctfidf_keywords(texts, labels, params.keywords)
    clusters = []
    for label in range(len(found)):
        members = np.flatnonzero(labels == label)
        clusters.append(Cluster(label=label, size=len(members), keywords=keywords.get(label, []),
                                representatives=_representatives(x, members, params.representatives)))
    return ClusterResult(labels=labels, clusters=clusters)
