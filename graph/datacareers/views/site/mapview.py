"""``map.html``: the HTML view of :mod:`datacareers.views.html`, made readable from its
address by ``assets/map.js`` (a focus on one role's direct neighbourhood, capped, the rest
behind "show more"; a path's steps in a row with what each adds; labels legible at the
opening zoom). The view itself is reused as it is; only its drawing is narrowed.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import ROLE
>>> page = map_page(shipped_store(), "en", {ROLE["data-analyst"]: "data-analyst"}, {"nav": {}, "map": {}})
>>> b"window.datacareersSite" in page and b"vis.Network" in page
True
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.i18n import LANGS, LANGUAGE_NAMES
from datacareers.views.html.page import json_for_script, render_html
from datacareers.views.site.assets_files import asset_text

#: At most this many nodes around a focused role at first; "show more" adds as many again.
FOCUS_CAP = 60

#: The smallest zoom the map opens at (role labels are 16 px at zoom 1).
MIN_SCALE = 0.8


def map_page(store: Store, lang: str, slugs: dict[str, str], words: dict) -> bytes:
    """The map page in *lang*; *slugs* maps role IRIs to the slugs addresses use."""
    other = next(x for x in LANGS if x != lang)
    site = {"roles": {slug: iri for iri, slug in sorted(slugs.items())}, "cap": FOCUS_CAP, "minScale": MIN_SCALE,
            "other": other, "otherName": LANGUAGE_NAMES[other], "words": {"nav": words["nav"], **words["map"]}}
    script = "window.datacareersSite = " + json_for_script(site) + ";\n" + asset_text("dom.js") + asset_text("map.js")
    title = " — ".join(x for x in (words.get("site"), words["nav"].get("map")) if x) or None
    return render_html(store, lang=lang, title=title, before_script=script).encode("utf-8")
