"""The transition model behind the shipped inferred moves (generation time only).

- :mod:`movemodel.releases`: ROME 4.0 fiches (skills, knowledge, contexts, text, domains,
  sectors, RIASEC, level) and mobilités; O*NET 29.0 occupations and Related Occupations;
- :mod:`movemodel.features`: directional similarities between two occupations;
- :mod:`movemodel.fit`: the split by occupation, the fitted and calibrated model, the
  held-out figures beside the baselines.

``scripts/evaluate_moves.py`` prints the figures; ``scripts/generate_moves.py`` writes the
moves and the model's description from them. scikit-learn (the ``model`` extra) is needed
here, never at run time.
"""
