"""The transition model behind the inferred moves.

- :mod:`datacareers.movemodel.releases`: ROME 4.0 fiches (skills, knowledge, contexts, text, domains,
  sectors, RIASEC, level) and mobilités; O*NET 29.0 occupations and Related Occupations;
- :mod:`datacareers.movemodel.features`: directional similarities between two occupations;
- :mod:`datacareers.movemodel.fit`: the split by occupation, the fitted and calibrated model, the
  held-out figures beside the baselines.

``scripts/evaluate_moves.py`` prints the figures; ``scripts/generate_moves.py`` writes the
shipped moves and the model's description from them; ``datacareers import inferred
--method model`` computes the moves of a whole ROME release (:mod:`datacareers.importers.
inferred_model`). It needs scikit-learn (the ``model`` extra), imported only when fitting;
it reads nothing of the rest of the package (the base layer).
"""
