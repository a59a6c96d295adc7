"""datacareers: an open, sourced knowledge graph of data careers.

Import what you need from the submodules; this package import stays light so the
command line starts fast.
"""

__version__ = "0.1.0"
