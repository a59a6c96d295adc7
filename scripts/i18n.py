#!/usr/bin/env python3
"""Keep the translation catalogues in step with the code (Babel's extract / update / compile).

    python scripts/i18n.py            # extract messages, update locale/fr/...po, compile .mo
    python scripts/i18n.py --check    # exit 1 if a message lacks a French translation or a
                                      # compiled .mo is stale (tests/test_i18n.py does the same)

"Stale" compares what gettext reads from the .mo (every message, its translations and the
plural rule) with what the .po says, not bytes: another Babel release may lay the same
catalogue out differently.

Messages are the English strings the code marks with ``_()``, ``ngettext()`` and ``N_()``.
Translate new ones in graph/datacareers/locale/fr/LC_MESSAGES/datacareers.po (msgstr),
then run this script again to compile.
"""

from __future__ import annotations

import argparse
import datetime
import io
import struct
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graph" / "datacareers"
LOCALES = PACKAGE / "locale"
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
#: Fixed dates in the headers, so re-running on the same code writes the same bytes.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
METHODS = [("**.py", "python")]


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "datacareers.po"


def extract() -> Catalog:
    """Every message the code marks, with where it is used."""
    template = Catalog(project="datacareers", charset="utf-8", creation_date=STAMP, revision_date=STAMP)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(f"graph/datacareers/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def readable(mo: bytes) -> tuple[set, str]:
    """What compiled catalogue *mo* holds for a reader: each message (context, id, plural
    id) with its translations, and the plural rule; the rest of the header (dates, the
    generator's name) is left out."""
    catalog = read_mo(io.BytesIO(mo))
    messages = {(m.context, *((m.id,) if isinstance(m.id, str) else m.id),
                 *((m.string,) if isinstance(m.string, str) else m.string))
                for m in catalog if m.id}
    return messages, " ".join(catalog.plural_forms.split())


def stale(mo: Path, catalog: Catalog) -> bool:
    """True when the compiled *mo* does not give what *catalog* (the .po) says."""
    if not mo.is_file():
        return True
    try:
        return readable(mo.read_bytes()) != readable(compiled(catalog))
    except (OSError, ValueError, IndexError, struct.error):  # a damaged .mo
        return True


def problems(lang: str = "fr") -> list[str]:
    """What is wrong with *lang*'s catalogue, one line per message (empty when all is well)."""
    catalog = read(lang)
    found = []
    for message in extract():
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        if entry is None:
            found.append(f"missing from {lang}.po: {msgid!r}")
        elif entry.fuzzy or not entry.string or (not isinstance(entry.string, str) and not all(entry.string)):
            found.append(f"not translated in {lang}.po: {msgid!r}")
    for message, errors in catalog.check():
        for error in errors:
            found.append(f"{lang}.po: {message.id!r}: {error}")
    mo = po_path(lang).with_suffix(".mo")
    if stale(mo, catalog):
        found.append(f"{mo.relative_to(ROOT)} is stale: run python scripts/i18n.py")
    return found


def update(lang: str = "fr") -> None:
    catalog = (read(lang) if po_path(lang).is_file()
               else Catalog(locale=lang, project="datacareers", creation_date=STAMP, revision_date=STAMP))
    catalog.update(extract(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    po_path(lang).parent.mkdir(parents=True, exist_ok=True)
    with po_path(lang).open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False)
    po_path(lang).with_suffix(".mo").write_bytes(compiled(read(lang)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args()
    if not args.check:
        update("fr")
    issues = problems("fr")
    for line in issues:
        print(line, file=sys.stderr)
    return 1 if issues and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
