"""The SHACL shapes of the French figures catch what they are for: a FAP code of the wrong
shape or a broader family that is not its parent, a tension category outside 1-5, a
period whose first year is not before its last, a share over 100 %, a figure with no place."""

import pytest
from pyoxigraph import RdfFormat, Store

from datacareers.constants import VOCABULARY_FILE, VOCABULARY_GRAPH
from datacareers.store.validate import validate_store

PREFIXES = """
@prefix career: <https://w3id.org/datacareers/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix fap: <https://w3id.org/datacareers/fap/> .
@prefix geo: <https://w3id.org/datacareers/geo/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix source: <https://w3id.org/datacareers/source/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
GOOD = PREFIXES + """
source:t a career:Source ; dcterms:title "t"@en ; dcterms:publisher "Dares" ; dcterms:rights "reuse"@en .
fap:M a career:FapFamily ; career:fapCode "M" .
fap:M2Z a career:FapFamily ; career:fapCode "M2Z" ; skos:broader fap:M .
fap:M2Z90 a career:FapFamily ; career:fapCode "M2Z90" ; skos:broader fap:M2Z ; skos:prefLabel "Ingénieurs"@fr ;
    career:tension <https://w3id.org/datacareers/tension/t> ; career:salary <https://w3id.org/datacareers/salary/t> .
geo:fr a schema:AdministrativeArea ; skos:notation "FR" .
<https://w3id.org/datacareers/tension/t> a career:HiringTension ; schema:value 2.4 ; career:tensionCategory 5 ;
    career:hiringIntensity 5 ; career:year "2019"^^xsd:gYear ; career:geography geo:fr ; career:fapCode "M2Z90" ;
    dcterms:source source:t .
<https://w3id.org/datacareers/salary/t> a career:WageDistribution, schema:MonetaryAmountDistribution ;
    schema:median 3100 ; schema:currency "EUR" ; schema:duration "P1M"^^xsd:duration ; career:gross false ;
    career:periodStart "2017"^^xsd:gYear ; career:periodEnd "2019"^^xsd:gYear ; career:fapCode "M2Z90" ;
    dcterms:source source:t .
<https://w3id.org/datacareers/share/t> a career:WorkforceShare ; career:percentage 45.2 ;
    career:periodStart "2017"^^xsd:gYear ; career:periodEnd "2019"^^xsd:gYear ; career:population career:employees ;
    career:fapCode "M2Z90" ; dcterms:source source:t .
"""


def report(text: str):
    store = Store()
    store.load(path=str(VOCABULARY_FILE), format=RdfFormat.TURTLE, to_graph=_node(VOCABULARY_GRAPH))
    store.load(input=text, format=RdfFormat.TURTLE, to_graph=_node("https://w3id.org/datacareers/source/t"))
    return validate_store(store)


def _node(iri):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def test_the_good_figures_conform():
    result = report(GOOD)
    assert result.conforms, result.text()


@pytest.mark.parametrize(("old", "new", "message"), [
    ('career:fapCode "M2Z90" ; skos:broader', 'career:fapCode "M2Z9" ; skos:broader', "a FAP code is a domain letter"),
    ("skos:broader fap:M2Z ; skos:prefLabel", "skos:broader fap:M ; skos:prefLabel", "its code cut to the level above"),
    ("fap:M2Z a career:FapFamily ; career:fapCode \"M2Z\" ; skos:broader fap:M .",
     "fap:M2Z a career:FapFamily ; career:fapCode \"M2Z\" .", "names its broader family"),
    ("career:tensionCategory 5", "career:tensionCategory 6", "a tension category is an integer from 1 to 5"),
    ("career:hiringIntensity 5", "career:hiringIntensity 0", "a tension component is an integer from 1 to 5"),
    ("career:geography geo:fr ;", "", "a hiring tension is for one place"),
    ('career:periodStart "2017"^^xsd:gYear ; career:periodEnd "2019"^^xsd:gYear ; career:fapCode "M2Z90" ;\n'
     '    dcterms:source source:t .\n<https://w3id.org/datacareers/share/t>',
     'career:periodStart "2019"^^xsd:gYear ; career:periodEnd "2017"^^xsd:gYear ; career:fapCode "M2Z90" ;\n'
     '    dcterms:source source:t .\n<https://w3id.org/datacareers/share/t>', "first year comes before its last"),
    ("career:percentage 45.2", "career:percentage 145.2", "a percentage is from 0 to 100"),
    ("career:population career:employees ;", "", "a share says who it counts"),
    ("career:gross false ;", "career:gross false, true ;", "pay is gross or net"),
])
def test_a_bad_figure_is_named(old, new, message):
    assert old in GOOD
    result = report(GOOD.replace(old, new, 1))
    assert not result.conforms
    assert any(message in v.message for v in result.results), result.text()
