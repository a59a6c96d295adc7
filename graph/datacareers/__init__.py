"""datacareers: an open, sourced knowledge graph of data careers.

The Python API (:mod:`datacareers.api`) is here too, loaded on first use so that this
package import stays light and the command line starts fast:

>>> import datacareers
>>> datacareers.profile("analyste de données", lang="fr")["slug"]
'data-analyst'
"""

import importlib

__version__ = "0.1.0"

#: The Python API's entry points (see :mod:`datacareers.api`).
API = ("roles", "profile", "paths", "query")

__all__ = ["__version__", *API]


def __getattr__(name: str):
    """``datacareers.roles`` and the rest: the API, imported when first asked for."""
    if name in API:
        return getattr(importlib.import_module("datacareers.api"), name)
    raise AttributeError(f"module 'datacareers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *API})
