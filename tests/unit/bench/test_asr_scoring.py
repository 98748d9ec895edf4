"""bench.asr's scoring: word error rate, spoken digits and their homophones."""

import ast
from pathlib import Path

import pytest

import speech
from bench.asr import edit_distance, has_words, reference_words, spoken_digit, word_error_rate

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("ref, hyp, distance", [
    ("", "", 0),
    ("a b c", "a b c", 0),
    ("a b c", "a x c", 1),  # substitution
    ("a b c", "a c", 1),  # deletion
    ("a b c", "a b c d", 1),  # insertion
    ("a b c", "", 3),
    ("", "a b", 2),
    ("ask not what your country", "ask what your country not", 2),
])
def test_edit_distance(ref, hyp, distance):
    assert edit_distance(ref.split(), hyp.split()) == distance


def test_wer_counts_errors_over_the_whole_corpus():
    refs = ["the cat sat", "on the mat today"]
    hyps = ["the cat sat", "on a mat"]
    assert word_error_rate(refs, hyps) == pytest.approx(2 / 7)  # not the mean of per-sentence rates
    assert reference_words(refs) == 7


def test_wer_normalises_both_sides_first():
    from whisper.normalizers import EnglishTextNormalizer

    normalise = EnglishTextNormalizer()
    assert word_error_rate(["NOR IS MISTER QUILTER'S MANNER"], ["Nor is Mr. Quilter's manner."], normalise) == 0
    assert word_error_rate(["about fourteen fifty-five"], ["about 1455"], normalise) == 0
    with pytest.raises(ValueError):
        word_error_rate(["a"], ["a", "b"])


@pytest.mark.parametrize("text, digit", [
    ("Seven.", "7"), ("7", "7"), (" seven ", "7"), ("Zero.", "0"), ("Oh.", "0"), ("Nine!", "9"),
    ("to", None), ("Thank you.", None), ("10", None), ("Two. Two.", None), ("", None), ("five six", None),
])
def test_a_single_spoken_digit(text, digit):
    assert spoken_digit(text) == digit


@pytest.mark.parametrize("text, digit", [
    ("to", "2"), ("Too.", "2"), ("For.", "4"), ("fore", "4"), ("Won.", "1"), ("ate", "8"), ("O.", "0"),
    ("Seven.", "7"), ("Thank you.", None), ("to be", None),
])
def test_homophones_count_only_when_asked_for(text, digit):
    assert spoken_digit(text, homophones=True) == digit


def test_has_words():
    assert has_words("Thank you.") and has_words("7")
    assert not has_words("") and not has_words(" . ") and not has_words("...")


def test_bench_uses_only_the_public_speech_surface():
    for name in ("asr.py", "asr_data.py"):
        for node in ast.walk(ast.parse((REPO / "bench" / name).read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("speech"):
                assert node.module == "speech", f"{name} imports {node.module}; use `from speech import ...`"
                assert {a.name for a in node.names} <= set(speech.__all__), name
