"""The site's bundled files (CSS, JavaScript), read once from the package.

>>> "stepCost" in asset_text("path.js")
True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"


@cache
def asset_text(name: str) -> str:
    """An asset's text, checked so that it cannot end the element it is inlined in."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"asset {name} contains a closing tag")
    return text
