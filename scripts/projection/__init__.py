"""The shipped facts of scripts/generate_facts.py: the releases imported in memory by the
importers (:mod:`projection.releases`), projected onto the curated roles through the
crosswalk (:mod:`projection.project`), written as canonical Turtle (:mod:`projection.turtle`)."""
