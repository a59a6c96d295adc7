"""The static, offline, bilingual site: :func:`render_site` builds every page in memory,
:func:`write_site` puts them in a folder at once (staged, then swapped in)."""

from datacareers.views.site.build import render_site
from datacareers.views.site.write import write_site

__all__ = ["render_site", "write_site"]
