"""Emerging irritants (voc.clusters): complaints that say the same thing end up together, with
keywords an analyst can read; what resembles nothing stays noise; tiny batches and repeated runs
behave. The complaint tests use the real bundled MiniLM (it loads in seconds, no download); the
algorithm's edge cases use synthetic embeddings."""

from __future__ import annotations

import math

import numpy as np
import pytest

from voc.clusters import NOISE, Cluster, ClusterParams, ClusterResult, Embedder, cluster, ctfidf_keywords

WET_PARCEL = [
    "My parcel arrived completely soaking wet",
    "The package was left in the rain and everything inside is soaked",
    "Delivery came drenched, the box was falling apart from the water",
    "Why was my parcel soaking wet when it got here?",
    "The courier left my package out in the rain and it's ruined",
    "Box turned up wet through, the contents are damaged by water",
    "My order arrived waterlogged, the parcel was sodden",
    "Parcel was dripping wet on my doorstep, really annoyed",
    "The package got soaked in the rain because the driver left it outside",
    "Received a soggy wet parcel, the cardboard had turned to mush",
]
APP_CRASH = [
    "The app crashes every time I try to log in",
    "Your app keeps crashing on the login screen",
    "I can't sign in, the app just closes itself",
    "App freezes and shuts down as soon as I enter my password",
    "Every login attempt makes the mobile app crash",
    "The application crashes right after I tap log in",
    "Since the update the app crashes when I try to sign in",
    "Logging in to the app is impossible, it crashes immediately",
    "The app quits the moment I put in my login details",
    "App keeps force closing when I try to log into my account",
]
VOUCHER = [
    "My voucher code was rejected at checkout",
    "The discount code you sent me doesn't work",
    "Checkout says my promo code is invalid",
    "Your voucher isn't being accepted when I pay",
    "I entered the voucher code and it said it was not valid",
    "The gift voucher code keeps getting declined at the checkout",
    "Promo code rejected even though it hasn't expired",
    "Why won't the site accept my discount voucher?",
    "Voucher code invalid error when I try to use it",
    "The coupon code from your email is refused at payment",
]
GROUPS = {"wet parcel": WET_PARCEL, "app crash": APP_CRASH, "voucher": VOUCHER}
# Complaints about other things: each resembles no paraphrase above (cosine similarity below 0.3,
# checked below) nor the others. (A complaint nearer a group than the groups are to one another,
# such as "charged twice for my subscription" beside the vouchers, joins that group: HDBSCAN
# decides by density, and in a batch this small the groups are sparse.)
ODD_ONES = [
    "The cashier at your Leeds store was rude to my elderly mother",
    "Your hold music is unbearably loud and it loops every ten seconds",
    "The cafe in your store only ever serves lukewarm coffee",
    "Nobody answers the phone at your head office",
    "Your television advert is offensive and should be taken off air",
]
# More one-off complaints, each about something else: with ODD_ONES, 20 that share no topic
ONE_OFFS = ODD_ONES + [
    "The car park at your superstore is always full by nine",
    "Your newsletter arrives three times a week, far too often",
    "The fitting rooms in the Bristol branch were filthy",
    "My loyalty points from last year have disappeared",
    "The instructions for the bookcase were missing two pages",
    "The self-checkout machines keep asking for assistance",
    "Your website's font is too small to read on a tablet",
    "The replacement kettle leaks just like the first one",
    "Your engineer turned up four hours late for the boiler service",
    "I was overcharged for delivery on a small order",
    "The sofa colour looks nothing like the photo online",
    "Your store closes far too early on Sundays",
    "The security guard followed me around the shop",
    "My warranty claim has been ignored for a month",
    "The password rules on your site are absurd",
]
# Words that say what each group is about: each cluster's keywords must hold one of them
GROUP_WORDS = {"wet parcel": {"parcel", "wet", "soaked", "soaking", "rain", "package", "water"},
               "app crash": {"app", "crashes", "crash", "crashing", "login", "log"},
               "voucher": {"voucher", "code", "promo", "discount", "checkout"}}


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def complaints(embedder):
    texts = [t for group in GROUPS.values() for t in group] + ODD_ONES
    groups = [name for name, group in GROUPS.items() for _ in group] + ["odd"] * len(ODD_ONES)
    return texts, groups, embedder.encode(texts)


def test_embedder_gives_one_unit_vector_per_text(embedder, complaints):
    texts, _, x = complaints
    assert x.shape == (len(texts), 384) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert embedder.encode([]).shape == (0, 384)


def test_three_complaint_groups_come_out_as_three_clusters(complaints):
    texts, groups, x = complaints
    result = cluster(texts, x)
    assert len(result.clusters) == 3
    found = {}
    for c in result.clusters:
        members = np.flatnonzero(result.labels == c.label)
        names = {groups[i] for i in members}
        assert len(names) == 1, f"cluster {c.keywords} mixes {names}"
        name = names.pop()
        found[name] = c
        assert c.size == len(members) >= len(GROUPS[name]) - 2  # at most two paraphrases left as noise
        assert set(c.keywords) & GROUP_WORDS[name], f"{name}: keywords {c.keywords}"
        assert not set(c.keywords) & {w for other, words in GROUP_WORDS.items() if other != name for w in words}
        assert 1 <= len(c.representatives) <= 3
        assert all(result.labels[i] == c.label for i in c.representatives)
    assert set(found) == set(GROUPS)


def test_keywords_are_the_distinctive_words(complaints):
    texts, groups, x = complaints
    result = cluster(texts, x)
    for c in result.clusters:
        name = groups[c.representatives[0]]
        assert c.keywords[0] in GROUP_WORDS[name], f"{name}: top keyword {c.keywords[0]!r}"
        assert len(c.keywords) == 6
        assert not set(c.keywords) & {"the", "my", "is", "it", "when", "i"}  # stop words removed


def test_unrelated_complaints_stay_noise(complaints):
    texts, groups, x = complaints
    result = cluster(texts, x)
    odd = [i for i, g in enumerate(groups) if g == "odd"]
    similarity = x[odd] @ x.T
    similarity[np.arange(len(odd)), odd] = 0
    assert similarity.max() < 0.3  # the premise: they resemble nothing else in the batch
    assert all(result.labels[i] == NOISE for i in odd), [result.labels[i] for i in odd]
    assert result.noise_share >= len(odd) / len(texts)


def test_one_irritant_among_one_offs_is_one_cluster(embedder):
    """The early sign this module is for: a single new irritant, among complaints about other
    things (HDBSCAN alone would want a second group to contrast it with)."""
    texts = WET_PARCEL + ODD_ONES
    result = cluster(texts, embedder.encode(texts))
    assert len(result.clusters) == 1
    assert result.clusters[0].size >= 6 and set(result.clusters[0].keywords) & GROUP_WORDS["wet parcel"]
    assert (result.labels[: len(WET_PARCEL)] == 0).sum() >= 6
    assert (result.labels[len(WET_PARCEL):] == NOISE).all()


def test_a_small_batch_does_not_depend_on_the_seed(embedder):
    texts = WET_PARCEL + ODD_ONES
    x = embedder.encode(texts)
    for seed in range(5):
        labels = cluster(texts, x, seed=seed).labels
        assert (labels[: len(WET_PARCEL)] == 0).sum() >= 6 and (labels[len(WET_PARCEL):] == NOISE).all(), seed


def test_one_offs_alone_make_no_cluster(embedder):
    result = cluster(ONE_OFFS, embedder.encode(ONE_OFFS))
    assert result.clusters == [] and (result.labels == NOISE).all()


def test_the_same_complaint_pasted_many_times_is_one_cluster(embedder):
    texts = [WET_PARCEL[0]] * 8 + [APP_CRASH[0]] * 8 + ODD_ONES
    result = cluster(texts, embedder.encode(texts))
    assert result.labels.tolist() == [0] * 8 + [1] * 8 + [NOISE] * len(ODD_ONES)
    assert "wet" in result.clusters[0].keywords and "crashes" in result.clusters[1].keywords


def test_a_batch_of_one_complaint_only_is_one_cluster(embedder):
    texts = [VOUCHER[0]] * 12  # nothing to contrast it with: HDBSCAN alone would call it all noise
    result = cluster(texts, embedder.encode(texts))
    assert result.labels.tolist() == [0] * 12 and result.clusters[0].size == 12
    assert result.clusters[0].representatives == [0, 1, 2]  # ties go to the earlier message


def test_representatives_are_closest_to_the_centroid(complaints):
    texts, _, x = complaints
    result = cluster(texts, x)
    for c in result.clusters:
        members = np.flatnonzero(result.labels == c.label)
        centroid = x[members].mean(axis=0)
        similarity = {int(i): float(x[i] @ centroid) for i in members}
        ranked = sorted(similarity, key=lambda i: -similarity[i])
        assert c.representatives == ranked[:3]


# --- synthetic embeddings: the algorithm itself -------------------------------------------------

def blobs(seed: int = 0, per_blob: int = 12, outliers: int = 5, dim: int = 32):
    """Three tight groups of unit vectors around orthogonal directions, and `outliers` vectors
    each along a direction of its own: texts say which group (or none) each row belongs to."""
    rng = np.random.default_rng(seed)
    rows, texts, truth = [], [], []
    for g, word in enumerate(("soaking parcel", "crashing app", "rejected voucher")):
        centre = np.eye(dim)[g]
        for k in range(per_blob):
            rows.append(centre + rng.normal(0, 0.03, dim))
            texts.append(f"{word} complaint number {k}")
            truth.append(g)
    for k in range(outliers):
        rows.append(np.eye(dim)[3 + k] + rng.normal(0, 0.03, dim))
        texts.append(f"unrelated grievance {k}")
        truth.append(NOISE)
    return texts, np.array(rows), np.array(truth)


def test_separated_groups_and_outliers_on_synthetic_embeddings():
    texts, x, truth = blobs()
    result = cluster(texts, x)
    assert (result.labels[truth == NOISE] == NOISE).all()
    for g in range(3):
        assert len(set(result.labels[truth == g].tolist())) == 1  # each group whole...
    assert len({result.labels[truth == g][0] for g in range(3)} - {NOISE}) == 3  # ...and apart
    assert [c.size for c in result.clusters] == [12, 12, 12]
    assert {c.keywords[0] for c in result.clusters} <= {"soaking", "parcel", "crashing", "app", "rejected", "voucher"}
    assert all("complaint" not in c.keywords[:2] for c in result.clusters)  # in every cluster: not distinctive


def test_labels_are_numbered_largest_first():
    texts, x, truth = blobs(per_blob=14)
    rows = np.arange(len(truth))
    keep = np.concatenate([rows[truth == 0][:10], rows[truth == 1][:14], rows[truth == 2][:12]])  # 10, 14, 12
    result = cluster([texts[i] for i in keep], x[keep])
    assert [c.size for c in result.clusters] == [14, 12, 10]
    assert [c.label for c in result.clusters] == [0, 1, 2]
    assert result.labels.tolist() == [2] * 10 + [0] * 14 + [1] * 12


def test_the_same_seed_gives_the_same_result():
    texts, x, _ = blobs(seed=3)
    first, second = cluster(texts, x, seed=5), cluster(texts, x, seed=5)
    assert np.array_equal(first.labels, second.labels)
    assert first.clusters == second.clusters


def test_umap_variant_is_deterministic_for_a_seed():
    pytest.importorskip("umap")
    texts, x, _ = blobs(seed=4)
    params = ClusterParams(umap_components=5, umap_neighbors=10)
    first, second = cluster(texts, x, params, seed=1), cluster(texts, x, params, seed=1)
    assert np.array_equal(first.labels, second.labels) and first.clusters == second.clusters
    assert len(first.clusters) == 3


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_batches_are_all_noise(n):
    texts, x, _ = blobs()
    result = cluster(texts[:n], x[:n])
    assert isinstance(result, ClusterResult)
    assert result.clusters == [] and result.labels.tolist() == [NOISE] * n


def test_a_batch_just_big_enough_still_runs():
    texts, x, _ = blobs(per_blob=5, outliers=0)
    params = ClusterParams(min_cluster_size=5, min_samples=4)
    result = cluster(texts[:5], x[:5], params)  # one group, exactly min_cluster_size messages
    assert len(result.labels) == 5  # HDBSCAN finds no split of a single group: noise, no error


def test_embeddings_must_match_the_texts():
    texts, x, _ = blobs()
    with pytest.raises(ValueError):
        cluster(texts, x[:-1])


def test_params_are_checked():
    with pytest.raises(ValueError):
        ClusterParams(min_cluster_size=1)
    with pytest.raises(ValueError):
        ClusterParams(cluster_selection_method="best")  # type: ignore[arg-type]


def test_ctfidf_follows_the_formula():
    texts = ["apple apple banana", "apple cherry", "cherry cherry date", "banana"]
    labels = np.array([0, 0, 1, NOISE])
    # counts (stop words none here): cluster 0: apple 3, banana 1, cherry 1; cluster 1: cherry 2, date 1;
    # noise: banana 1. Across all: apple 3, banana 2, cherry 3, date 1. A = (5 + 3) / 2 = 4 words per cluster.
    score = lambda tf, f: tf * math.log(1 + 4 / f)  # noqa: E731
    assert score(3, 3) > score(1, 2) > score(1, 3)
    assert ctfidf_keywords(texts, labels, top=3) == {0: ["apple", "banana", "cherry"], 1: ["cherry", "date"]}
    assert score(2, 3) > score(1, 1)  # cherry before date in cluster 1
    assert ctfidf_keywords(texts, labels, top=1) == {0: ["apple"], 1: ["cherry"]}
    assert ctfidf_keywords(texts, np.array([NOISE] * 4)) == {}


def test_ctfidf_prefers_words_peculiar_to_a_cluster():
    texts = ["card declined again", "card declined twice", "card lost yesterday", "card lost abroad"]
    keywords = ctfidf_keywords(texts, np.array([0, 0, 1, 1]), top=1)
    assert keywords == {0: ["declined"], 1: ["lost"]}  # "card" is as frequent, but everywhere
