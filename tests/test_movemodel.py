"""The transition model on a small synthetic release: the split is by occupation and
deterministic, a held-out occupation's moves never reach the fit, the model beats the
single measures it combines when the moves depend on two of them, and its probabilities
are calibrated ones (between 0 and 1, rising with the score)."""

from __future__ import annotations

import random

import numpy as np
import pytest

pytest.importorskip("sklearn", reason="the model extra (scikit-learn) fits the transition model")

from datacareers.movemodel.evaluate import fit_and_measure  # noqa: E402
from datacareers.movemodel.fit import neighbour_vote, split_codes  # noqa: E402
from datacareers.movemodel.releases import Occupations  # noqa: E402

WORDS = [f"w{i}" for i in range(40)]


def _release(n: int = 90, seed: int = 3) -> Occupations:
    """Occupations in 6 families; each moves to the families' members it shares most words
    and skills with, in its own domain: text alone or skills alone rank them only in part."""
    rng = random.Random(seed)
    codes = [f"X{i:03d}" for i in range(n)]
    family = [i % 6 for i in range(n)]
    words = [set(rng.sample(WORDS[f * 6:f * 6 + 10], 5)) | set(rng.sample(WORDS, 3)) for f in family]
    skills = [{f"s{f}-{rng.randrange(8)}" for _ in range(5)} | {f"t{rng.randrange(30)}"} for f in family]
    moves = {}
    for a in range(n):
        score = sorted(((len(words[a] & words[b]) + len(skills[a] & skills[b]), b) for b in range(n)
                        if b != a and family[b] == family[a]), reverse=True)
        for rank, (_, b) in enumerate(score[:4], 1):
            moves[codes[a], codes[b]] = rank
    return Occupations(codes, codes, {"skills": skills}, [" ".join(sorted(w)) for w in words],
                       [f"D{f % 3}" for f in family], [f"D{f}" for f in family], ["IC"] * n,
                       [float(i % 3) for i in range(n)], moves)


def test_split_is_by_occupation_fixed_and_keeps_forced_codes_held_out():
    codes = [f"c{i}" for i in range(50)]
    first, again = split_codes(codes, {"c7"}), split_codes(codes, {"c7"})
    assert first == again and "c7" in first["test"]
    assert set().union(*first.values()) == set(codes)
    assert sum(len(v) for v in first.values()) == len(codes)


def test_held_out_moves_never_vote():
    occ = _release()
    features = {"text_cos": np.ones((len(occ.codes), len(occ.codes)), dtype=np.float32)}
    fitted = set(range(0, len(occ.codes), 2))
    vote = neighbour_vote(features, fitted, occ.pairs(), k=5)
    held_targets = sorted(set(range(len(occ.codes))) - fitted)
    assert not vote[:, held_targets].any()


def test_model_beats_its_parts_on_held_out_occupations_and_is_calibrated():
    result = fit_and_measure(_release(), set())
    held = result.figures["held-out"]
    assert held["model"]["auc"] > max(held["text_cos"]["auc"], held["skills_all_cos"]["auc"]), held
    assert held["model"]["p5"] >= held["domain_score"]["p5"], held
    predicted = [row["predicted"] for row in result.calibration]
    assert all(0 <= p <= 1 for p in predicted) and predicted == sorted(predicted)
    assert result.threshold["threshold"] > 0 and set(result.weights) == set(result.model.names)
