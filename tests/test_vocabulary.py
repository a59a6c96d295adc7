"""The vocabulary: every term of the closed namespace is declared in careers.ttl, with
French and English labels and definitions, and nothing is declared that code cannot use."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from datacareers.constants import CAREER as CAREER_IRI
from datacareers.constants import VOCABULARY_FILE
from datacareers.namespace import CAREER

VOCABULARY = Graph().parse(VOCABULARY_FILE, format="turtle")
TERMS = sorted(name for name in CAREER.__annotations__ if not name.startswith("_"))
DECLARED = sorted(
    str(s)[len(CAREER_IRI):] for s in set(VOCABULARY.subjects())
    if isinstance(s, URIRef) and str(s).startswith(CAREER_IRI) and str(s) != CAREER_IRI
)


def test_namespace_and_vocabulary_declare_the_same_terms():
    assert set(TERMS) == set(DECLARED), {
        "in namespace.py only": sorted(set(TERMS) - set(DECLARED)),
        "in careers.ttl only": sorted(set(DECLARED) - set(TERMS)),
    }


@pytest.mark.parametrize("term", DECLARED)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_term_has_label_and_definition(term, lang):
    subject = URIRef(CAREER_IRI + term)
    labels = [o for o in VOCABULARY.objects(subject, RDFS.label) if o.language == lang]
    definitions = [o for o in VOCABULARY.objects(subject, SKOS.definition) if o.language == lang]
    assert len(labels) == 1, f"career:{term} needs one rdfs:label @{lang}"
    assert len(definitions) == 1, f"career:{term} needs one skos:definition @{lang}"


def test_closed_namespace_refuses_typos():
    with pytest.raises(AttributeError):
        CAREER.canBecom  # noqa: B018
