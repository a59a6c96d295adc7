"""Our own terms as a closed rdflib ``DefinedNamespace``: a typo fails loudly.

>>> from datacareers.namespace import CAREER
>>> str(CAREER.canBecome)
'https://w3id.org/datacareers/ontology#canBecome'
>>> CAREER.canBecom  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'canBecom' not in namespace
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from datacareers.constants import CAREER as _CAREER_IRI


class CAREER(DefinedNamespace):
    """The datacareers vocabulary (``ontology/careers.ttl`` defines every term)."""

    _NS = Namespace(str(_CAREER_IRI))
    _fail = True

    # classes
    Role: URIRef
    Skill: URIRef
    SkillKind: URIRef
    Sector: URIRef
    EmployerType: URIRef
    SalaryRange: URIRef
    Seniority: URIRef
    EducationRequirement: URIRef
    Transition: URIRef
    Mapping: URIRef
    ConceptScope: URIRef
    Source: URIRef
    NamedGraph: URIRef

    # role -> role
    managedBy: URIRef
    worksWith: URIRef
    canBecome: URIRef

    # role -> other
    requiresSkill: URIRef
    essentialSkill: URIRef
    optionalSkill: URIRef
    inSector: URIRef
    employedBy: URIRef
    salary: URIRef
    education: URIRef
    mission: URIRef

    # skills
    skillKind: URIRef
    hard: URIRef
    soft: URIRef
    knowledge: URIRef

    # salary ranges
    seniority: URIRef
    junior: URIRef
    intermediate: URIRef
    senior: URIRef
    year: URIRef
    gross: URIRef

    # education
    levelText: URIRef
    eqfLevel: URIRef

    # transitions (a qualified career:canBecome)
    fromRole: URIRef
    toRole: URIRef
    rank: URIRef

    # crosswalk to the official classifications
    romeCode: URIRef
    onetCode: URIRef
    iscoCode: URIRef
    mappedRole: URIRef
    mappedConcept: URIRef
    matchKind: URIRef
    reason: URIRef
    conceptScope: URIRef
    broaderConcept: URIRef
    narrowerConcept: URIRef
    neighbourConcept: URIRef
    residualGroup: URIRef

    # sources
    attribution: URIRef
    version: URIRef

    # terms for imported sources
    reuseLevel: URIRef
    jobZone: URIRef
    jobZoneRating: URIRef
    JobZoneRating: URIRef
    relatednessTier: URIRef
    hotTechnology: URIRef
    inDemandTechnology: URIRef

    # role profiles (pay, outlook, education, tasks, reporting lines)
    WageDistribution: URIRef
    EmploymentOutlook: URIRef
    topCoded: URIRef
    atOrAbove: URIRef
    Task: URIRef
    Statement: URIRef
    outlook: URIRef
    socCode: URIRef
    employment: URIRef
    baseYear: URIRef
    projectedYear: URIRef
    baseEmployment: URIRef
    projectedEmployment: URIRef
    employmentChange: URIRef
    employmentChangePercent: URIRef
    annualOpenings: URIRef
    share: URIRef
    respondents: URIRef
    respondentGroup: URIRef
    recommendSuppress: URIRef
    entryLevel: URIRef
    workExperience: URIRef
    task: URIRef
    text: URIRef
    taskCategory: URIRef
    position: URIRef
    viaMapping: URIRef
    subjectRole: URIRef
    relation: URIRef
    objectRole: URIRef
    quote: URIRef

    # evidence of moves
    EvidenceKind: URIRef
    stated: URIRef
    related: URIRef
    inferred: URIRef
    evidence: URIRef
    relatedMove: URIRef
    inferredMove: URIRef
    similarity: URIRef
    probability: URIRef
    outOf: URIRef
    fromConcept: URIRef
    toConcept: URIRef
    threshold: URIRef
    partialCredit: URIRef
    optionalWeight: URIRef
    maxMoves: URIRef

    # French labour-market figures (Dares)
    FapFamily: URIRef
    fapCode: URIRef
    Population: URIRef
    fullTimeEmployees: URIRef
    employees: URIRef
    peopleInEmployment: URIRef
    youngGraduates: URIRef
    population: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    PayBand: URIRef
    band: URIRef
    percentage: URIRef
    proportion: URIRef
    thousands: URIRef
    EmploymentEstimate: URIRef
    employmentEstimate: URIRef
    WorkforceShare: URIRef
    shareOf: URIRef
    womenShare: URIRef
    diplomaShare: URIRef
    fieldShare: URIRef
    sectorShare: URIRef
    employerShare: URIRef
    HiringTension: URIRef
    tension: URIRef
    tensionCategory: URIRef
    hiringIntensity: URIRef
    trainingEmploymentLink: URIRef
    labourShortage: URIRef
    jobNonDurability: URIRef
    workingConditions: URIRef
    geographicMismatch: URIRef
    geography: URIRef
