"""One small exception hierarchy; the CLI turns each into one line on stderr.

Every error carries the exit code the command line should use: 1 for a failed check
(non-conforming data, no path), 2 for bad usage or bad input.

>>> raise UnknownRoleError("no role matches 'foo'")
Traceback (most recent call last):
datacareers.errors.UnknownRoleError: no role matches 'foo'
>>> UnknownRoleError("x").exit_code
2
"""


class DataCareersError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = 2


class BadInputError(DataCareersError):
    """Input we cannot use: a malformed file, a missing column, a wrong folder."""


class SourceDataError(BadInputError):
    """A shipped or imported RDF file that does not parse."""


class ImportFormatError(BadInputError):
    """An official release folder or file that is not what its importer expects."""


class QueryError(BadInputError):
    """A SPARQL query that is malformed or not allowed (updates are refused)."""


class RoleResolutionError(BadInputError):
    """A role name that names no role, or more than one."""


class UnknownRoleError(RoleResolutionError):
    """No role matches the name; the message suggests the closest ones."""


class AmbiguousRoleError(RoleResolutionError):
    """Several roles match the name; the message lists them, ``candidates`` holds their IRIs."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


class CheckFailedError(DataCareersError):
    """A check that ran and said no: SHACL non-conformance, no career path."""

    exit_code = 1


class NotConformingError(CheckFailedError):
    """The graph does not conform to ``ontology/shapes.ttl``."""


class NothingRecognisedError(CheckFailedError):
    """A text (``--have-text``) in which no skill label was found."""


class NoPathError(CheckFailedError):
    """No chain of career moves links the two roles."""
