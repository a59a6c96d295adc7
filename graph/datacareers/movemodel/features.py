"""Similarities between every two occupations, each an n x n matrix (row = from, column = to).

For each kind of item (ROME savoir-faire, savoirs, savoir-être, work contexts, sectors;
O*NET technologies, skills) an item weighs its IDF, log(n / occupations listing it):

- ``<kind>_cos``: cosine of the IDF-weighted sets (symmetric);
- ``<kind>_cover``: the share of the target's IDF weight the source already has
  (directional: A -> B is not B -> A);

and, over the whole text of each occupation, ``text_cos`` (TF-IDF cosine, word 1-2 grams,
accents stripped) with its rank among the source's targets (``text_rank_out``) and the
source's rank among the target's sources (``text_rank_in``); the same ranks for the
savoir-faire cosine; same domain / sub-domain, RIASEC (the target's major letter among the
source's letters) and levels (cadre or job zone: the source's, the target's, the rise).

>>> from datacareers.movemodel.releases import Occupations
>>> occ = Occupations(["A", "B", "C"], ["a", "b", "c"], {"skills": [{"x"}, {"x", "y"}, {"z"}]},
...                   ["data sql", "data sql python", "bread"], ["M", "M", "D"], ["M1", "M2", "D1"],
...                   ["IC", "CI", "R"], [1.0, 1.0, 0.0], {})
>>> f = similarities(occ)
>>> round(float(f["skills_cover"][0, 1]), 2), round(float(f["skills_cover"][1, 0]), 2)
(0.29, 1.0)
>>> float(f["same_domain"][0, 1]), float(f["same_domain"][0, 2])
(1.0, 0.0)
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from datacareers.movemodel.releases import Occupations


def _binary(sets: list[set[str]]) -> sparse.csr_matrix:
    vocabulary = {item: j for j, item in enumerate(sorted({i for s in sets for i in s}))}
    rows = [r for r, s in enumerate(sets) for _ in s]
    cols = [vocabulary[i] for s in sets for i in sorted(s)]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(sets), max(len(vocabulary), 1)))


def _dense(m) -> np.ndarray:
    return np.asarray(m.todense() if sparse.issparse(m) else m, dtype=np.float32)


def set_similarities(sets: list[set[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(IDF cosine, IDF coverage of the target by the source, Jaccard) of one kind of items."""
    x = _binary(sets)
    n = x.shape[0]
    df = np.asarray(x.sum(axis=0)).ravel()
    idf = np.log((n + 1) / (df + 1)).astype(np.float32) + 1e-6
    weighted = x.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    unit = sparse.diags(1 / norms) @ weighted
    cosine = _dense(unit @ unit.T)
    totals = np.asarray(weighted.sum(axis=1)).ravel()
    totals[totals == 0] = np.inf
    cover = _dense(x @ weighted.T) / totals[None, :]
    inter = _dense(x @ x.T)
    size = np.asarray(x.sum(axis=1)).ravel()
    union = size[:, None] + size[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return cosine, cover.astype(np.float32), jaccard


def text_similarity(texts: list[str]) -> np.ndarray:
    """TF-IDF cosine of the texts (scikit-learn's vectorizer: 1-2 grams, accents stripped; a term
    in one text only or in more than half of them is dropped, once there are 10 texts or more)."""

    many = len(texts) >= 10
    tfidf = TfidfVectorizer(strip_accents="unicode", ngram_range=(1, 2), min_df=2 if many else 1,
                            max_df=0.5 if many else 1.0,
                            sublinear_tf=True, dtype=np.float32).fit_transform(texts)
    return _dense(tfidf @ tfidf.T)


def ranks(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """1 / log2(1 + rank) of each target among the source's (row) and of each source among
    the target's (column), best = 1; the diagonal is left out."""
    s = scores.copy()
    np.fill_diagonal(s, -np.inf)
    out = np.empty_like(s)
    out[np.arange(s.shape[0])[:, None], np.argsort(-s, axis=1, kind="stable")] = np.arange(1, s.shape[1] + 1)
    into = np.empty_like(s)
    into[np.argsort(-s, axis=0, kind="stable"), np.arange(s.shape[1])[None, :]] = np.arange(1, s.shape[0] + 1)[:, None]
    return (1 / np.log2(1 + out)).astype(np.float32), (1 / np.log2(1 + into)).astype(np.float32)


def similarities(occ: Occupations) -> dict[str, np.ndarray]:
    """Every feature (and baseline) as an n x n float32 matrix, by name (see the module doc)."""
    n = len(occ.codes)
    out: dict[str, np.ndarray] = {}
    for kind, sets in occ.items.items():
        out[f"{kind}_cos"], out[f"{kind}_cover"], out[f"{kind}_jaccard"] = set_similarities(sets)
    skill_kinds = [k for k in ("savoir-faire", "savoirs", "technologies", "skills") if k in occ.items]
    merged = [set().union(*(occ.items[k][i] for k in skill_kinds)) for i in range(n)]
    out["skills_all_cos"], out["skills_all_cover"], out["skills_all_jaccard"] = set_similarities(merged)
    out["text_cos"] = text_similarity(occ.text)
    out["text_rank_out"], out["text_rank_in"] = ranks(out["text_cos"])
    out["skill_rank_out"], out["skill_rank_in"] = ranks(out["skills_all_cos"])
    domain, sub = np.array(occ.domain), np.array(occ.subdomain)
    out["same_domain"] = (domain[:, None] == domain[None, :]).astype(np.float32)
    out["same_subdomain"] = (sub[:, None] == sub[None, :]).astype(np.float32)
    parent = np.array(occ.parent or occ.subdomain)
    out["same_parent"] = (parent[:, None] == parent[None, :]).astype(np.float32)
    major = np.array([r[:1] for r in occ.riasec])
    letters = [set(r) for r in occ.riasec]
    out["riasec_same_major"] = ((major[:, None] == major[None, :]) & (major[:, None] != "")).astype(np.float32)
    out["riasec_target_in_source"] = np.array([[float(bool(m) and m in a) for m in major] for a in letters],
                                              dtype=np.float32)
    level = np.array([np.nan if v is None else v for v in occ.level], dtype=np.float32)
    known = ~np.isnan(level)
    filled = np.where(known, level, np.nanmean(level) if known.any() else 0).astype(np.float32)
    out["level_from"] = np.repeat(filled[:, None], n, axis=1)
    out["level_to"] = np.repeat(filled[None, :], n, axis=0)
    out["level_rise"] = out["level_to"] - out["level_from"]
    return out


#: The model's features (each a similarity above); the baselines are single matrices too.
def feature_names(occ: Occupations) -> list[str]:
    names = [f"{k}_{m}" for k in occ.items for m in ("cos", "cover")]
    return names + ["skills_all_cover", "text_cos", "text_rank_out", "text_rank_in", "skill_rank_out",
                    "skill_rank_in", "same_domain", "same_subdomain", "same_parent", "riasec_same_major",
                    "riasec_target_in_source", "level_from", "level_to", "level_rise"]
