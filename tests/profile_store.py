"""A small store holding every profile facet of a role, in the vocabulary the releases are
read into (wage distributions, outlook, education shares, tasks, tools, job titles, sectors,
employer types, a reporting line with its sentence, and "via" mappings, exact and close).

Two roles, role:alpha and role:beta, read through the same SOC code: they share one wage
distribution. role:alpha is read closely through O*NET 15-2051.00 and exactly through ROME M1405.
"""

from __future__ import annotations

from pyoxigraph import RdfFormat, Store

TRIG = """
@prefix career: <https://w3id.org/datacareers/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix role: <https://w3id.org/datacareers/role/> .
@prefix source: <https://w3id.org/datacareers/source/> .
@prefix mapping: <https://w3id.org/datacareers/mapping/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .

source:curated {
  role:alpha a career:Role ; skos:prefLabel "alpha analyst"@en, "analyste alpha"@fr .
  role:beta a career:Role ; skos:prefLabel "beta scientist"@en, "scientifique bêta"@fr .
  role:gamma a career:Role ; skos:prefLabel "gamma officer"@en, "directeur gamma"@fr .
  mapping:alpha-onet-15-2051.00 a career:Mapping ; career:mappedRole role:alpha ;
    career:mappedConcept <https://w3id.org/datacareers/onet/15-2051.00> ; career:matchKind skos:closeMatch ;
    career:reason "O*NET files Alpha Analyst under Data Scientists."@en,
                  "O*NET range Alpha Analyst sous Data Scientists."@fr .
  mapping:alpha-rome-M1405 a career:Mapping ; career:mappedRole role:alpha ;
    career:mappedConcept <https://w3id.org/datacareers/rome/M1405> ; career:matchKind skos:exactMatch ;
    career:reason "Same job."@en, "Même métier."@fr .
  mapping:gamma-rome-M1423 a career:Mapping ; career:mappedRole role:gamma ;
    career:mappedConcept <https://w3id.org/datacareers/rome/M1423> ; career:matchKind skos:exactMatch ;
    career:reason "Same job."@en, "Même métier."@fr .
  <https://w3id.org/datacareers/rome/secteur/96> skos:prefLabel "IT and telecommunications"@en .
  <https://w3id.org/datacareers/rome/structure/405348> skos:prefLabel "Companies and workplaces"@en .
}

source:bls-oews-2024 {
  role:alpha career:salary <https://w3id.org/datacareers/salary/oews-2024-15-2051> ;
    career:viaMapping mapping:alpha-onet-15-2051.00 .
  role:beta career:salary <https://w3id.org/datacareers/salary/oews-2024-15-2051> .
  <https://w3id.org/datacareers/salary/oews-2024-15-2051> a career:WageDistribution ;
    schema:percentile10 63650 ; schema:percentile25 83000 ; schema:median 112590 ;
    schema:percentile75 147000 ; schema:percentile90 194410 ; schema:currency "USD" ;
    schema:duration "P1Y"^^xsd:duration ; career:year "2024"^^xsd:gYear ; career:employment 202900 ;
    career:socCode "15-2051" .
}

source:bls-ep-2024 {
  role:alpha career:outlook <https://w3id.org/datacareers/outlook/ep-2024-15-2051> ;
    career:education <https://w3id.org/datacareers/education/ep-2024-15-2051> ;
    career:viaMapping mapping:alpha-onet-15-2051.00 .
  <https://w3id.org/datacareers/outlook/ep-2024-15-2051> a career:EmploymentOutlook ;
    career:baseYear "2024"^^xsd:gYear ; career:projectedYear "2034"^^xsd:gYear ;
    career:baseEmployment 245900 ; career:projectedEmployment 328300 ; career:employmentChange 82500 ;
    career:employmentChangePercent 33.5 ; career:annualOpenings 23400 ; career:socCode "15-2051" .
  <https://w3id.org/datacareers/education/ep-2024-15-2051> a career:EducationRequirement ;
    career:levelText "Bachelor's degree"@en ; career:eqfLevel 6 ; career:entryLevel true ;
    career:workExperience "None"@en .
}

source:onet-29.0 {
  role:alpha career:task <https://w3id.org/datacareers/task/onet-15-2051.00-21829>,
      <https://w3id.org/datacareers/task/onet-15-2051.00-21830> ;
    career:requiresSkill <https://w3id.org/datacareers/onet/technology/python>,
      <https://w3id.org/datacareers/onet/technology/sas> ;
    career:hotTechnology <https://w3id.org/datacareers/onet/technology/python> ;
    career:inDemandTechnology <https://w3id.org/datacareers/onet/technology/python> ;
    career:education <https://w3id.org/datacareers/education/onet-15-2051.00-6> ;
    skos:altLabel "Quantitative Analyst"@en ;
    career:viaMapping mapping:alpha-onet-15-2051.00 .
  <https://w3id.org/datacareers/task/onet-15-2051.00-21830> a career:Task ;
    career:text "Read scientific articles."@en ; career:taskCategory "supplemental" ; career:position 21830 ;
    skos:notation "15-2051.00" .
  <https://w3id.org/datacareers/task/onet-15-2051.00-21829> a career:Task ;
    career:text "Deliver presentations of the results."@en ; career:taskCategory "core" ; career:position 21829 ;
    skos:notation "15-2051.00" .
  <https://w3id.org/datacareers/onet/technology/python> skos:prefLabel "Python"@en .
  <https://w3id.org/datacareers/onet/technology/sas> skos:prefLabel "SAS"@en .
  <https://w3id.org/datacareers/education/onet-15-2051.00-6> a career:EducationRequirement ;
    career:levelText "Master's degree"@en ; career:share 41.5 ; career:eqfLevel 7 ;
    career:respondents 26 ; career:respondentGroup "Incumbent" ; dcterms:date "2016-07"^^xsd:gYearMonth .
}

source:rome-4.0 {
  role:alpha career:task <https://w3id.org/datacareers/task/rome-M1405-2> ;
    career:inSector <https://w3id.org/datacareers/rome/secteur/96> ;
    career:employedBy <https://w3id.org/datacareers/rome/structure/405348> ;
    skos:altLabel "Analyste alpha junior"@fr ;
    career:managedBy role:gamma ;
    career:viaMapping mapping:alpha-rome-M1405 .
  role:gamma career:viaMapping mapping:gamma-rome-M1423 .
  <https://w3id.org/datacareers/task/rome-M1405-2> a career:Task ;
    career:text "Transforme des données brutes en informations exploitables."@fr ; career:position 2 ;
    skos:notation "M1405" .
  <https://w3id.org/datacareers/rome/secteur/96> skos:prefLabel "Informatique et télécommunication"@fr .
  <https://w3id.org/datacareers/rome/structure/405348> skos:prefLabel "Entreprises et milieux professionnels"@fr .
  <https://w3id.org/datacareers/statement/rome-M1423-6-alpha-managedBy-gamma> a career:Statement ;
    career:subjectRole role:alpha ; career:relation career:managedBy ; career:objectRole role:gamma ;
    career:quote "Gère les équipes d'analystes alpha"@fr ; skos:notation "M1423" ; career:position 6 .
}
"""

ALPHA = "https://w3id.org/datacareers/role/alpha"
BETA = "https://w3id.org/datacareers/role/beta"
GAMMA = "https://w3id.org/datacareers/role/gamma"


def profile_store() -> Store:
    """A fresh store with the TriG above."""
    store = Store()
    store.load(TRIG.encode("utf-8"), format=RdfFormat.TRIG)
    return store
