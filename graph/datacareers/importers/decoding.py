"""Deciding how a release file is encoded, with real decoders, and refusing a file whose
accents did not survive a conversion.

Some publishers (Dares) ship files in different encodings: some UTF-8, some Windows-1252
(where ``€`` is the byte 0x80 and ``œ`` 0x9C). A file is read as **strict UTF-8** first;
only a file its release documents as Windows-1252 falls back to a **strict Windows-1252**
decoder (which refuses the five bytes that encoding leaves undefined). Either way the
decoded text must still hold its accents:

- no C1 control character (U+0080 to U+009F): a Windows-1252 file opened as ISO-8859-1 and
  saved as UTF-8 turns ``€`` into U+0080 and ``œ`` into U+009C;
- no replacement character (U+FFFD): a converter that met a byte it could not read;
- no UTF-8 read as Windows-1252 (``Ã©`` for ``é``, ``â‚¬`` for ``€``): a file converted
  twice.

A file that fails is refused in one line naming it and what was found, never imported
with its accents lost.

>>> decide(b"Cat\\xc3\\xa9gorie", "x.csv", ("utf-8",))
'utf-8'
>>> decide(b"De 1250 \\x80", "x.csv", ("utf-8", "cp1252"))
'cp1252'
>>> decide(b"Cat\\xe9gorie", "x.csv", ("utf-8",))
Traceback (most recent call last):
datacareers.errors.ImportFormatError: x.csv: not UTF-8 text (byte 0xe9 at offset 3): ...
>>> decide("CatÃ©gorie".encode(), "x.csv", ("utf-8",))
Traceback (most recent call last):
datacareers.errors.ImportFormatError: x.csv: line 1: 'Ã©' where an accented letter should be: ...
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from datacareers.errors import ImportFormatError

#: The names people know the encodings by, for messages.
NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}

_C1 = re.compile("[\u0080-\u009f\ufffd]")
#: UTF-8's lead bytes of Latin letters and symbols (Â Ã Å â) read as Windows-1252, then a
#: continuation byte read the same way: what ``é``, ``è``, ``œ``, ``€`` become.
_TWICE = re.compile("[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
                    "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
                    "\u0161\u203a\u0153\u017e\u0178]")


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_accents(text: str, name: str) -> None:
    """Refuse *text* if a conversion damaged its accents (see the module docstring)."""
    found = _C1.search(text)
    if found:
        char = found.group()
        what = "a replacement character (U+FFFD)" if char == "\ufffd" else f"the control character U+{ord(char):04X}"
        raise ImportFormatError(f"{name}: line {_line(text, found.start())}: {what} where an accented letter "
                                "or a symbol should be: the file was re-encoded (opened in the wrong encoding "
                                "and saved)")
    found = _TWICE.search(text)
    if found:
        raise ImportFormatError(f"{name}: line {_line(text, found.start())}: {found.group()!r} where an accented "
                                "letter should be: the file was converted twice (UTF-8 read as Windows-1252)")


def decide(data: bytes, name: str, allowed: Sequence[str]) -> str:
    """The encoding of *data* among *allowed* (strict UTF-8 first), its accents checked."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if "cp1252" not in allowed:
            raise ImportFormatError(f"{name}: not UTF-8 text (byte 0x{body[exc.start]:02x} at offset {exc.start}): "
                                    "a UTF-8 file of the release re-encoded?") from None
        try:
            text = body.decode("cp1252")
        except UnicodeDecodeError as exc2:
            raise ImportFormatError(f"{name}: neither UTF-8 nor Windows-1252 text (byte 0x{body[exc2.start]:02x} "
                                    f"at offset {exc2.start})") from None
        encoding = "cp1252"
    check_accents(text, name)
    return encoding


def decide_file(path: Path, allowed: Sequence[str]) -> str:
    """:func:`decide` for a file (read whole: the files this is for are a few MB at most)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    return decide(data, path.name, allowed)
