"""The shape of the organisation data (pydantic): the facts it rests on, the answers it reads,
and the entries, each with its scope and its routes.

An entry is recommended only inside its `scope` (every field given must hold) and only when at
least one of its `routes` holds too; a route says why, on what basis, and how well it fits.
What the fields mean as conditions is in `scope.py`; what must hold beyond the shape, in
`checks.py`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from clustercli.conditions import Domain
from clustercli.questionset.model import SLUG_PATTERN
from clustercli.questionset.schema import ParsedCondition
from clustercli.questionset.types import QuestionType, domain_of, named

DATA_FILE = "organisations.yaml"

# What a recommendation can be; the order is only for listing them.
Kind = Literal["chamber", "branch_association", "rom", "cluster", "government_programme",
               "knowledge_institution", "topsector", "regional_board", "employers_association",
               "een"]
FactsFile = Literal["organisations.md", "regional-clusters.md"]
# The types of question whose answers the data may read (a declaration the question set is held
# against: answers.py).
AnswerType = Literal["choice", "multi", "yesno"]
KINDS: tuple[str, ...] = get_args(Kind)
CONFIDENCES = ("H", "M")
FACT_FILES: tuple[str, ...] = get_args(FactsFile)
ANSWER_TYPES: tuple[str, ...] = get_args(AnswerType)
_VERIFIED = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$")

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]
# A sector key ("metal"), a sector and one answer to its follow-up question
# ("metal/automotive"), or the name of a group under `sector_groups`.
SectorRef = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$",
                                 max_length=100)]
Name = Annotated[str, Field(min_length=1, max_length=120)]
LocalText = dict[str, str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Facts(_Model):
    """What one facts file confirms, copied from it so that the loader can hold every entry
    against it (the facts files themselves are not shipped)."""

    names: list[Name] = Field(min_length=1)  # every name, former name and full name it gives
    websites_seen: list[str] = Field(default_factory=list)  # "Websites seen in the sources"
    confidence_m: list[Name] = Field(default_factory=list)  # names given with a caveat
    do_not_name: list[Name] = Field(default_factory=list)  # must appear in no text
    not_associations: list[Name] = Field(default_factory=list)  # never a branch association


class AnswerSpec(_Model):
    """An answer the data reads, as the question set defines it."""

    type: AnswerType
    keys: list[Slug] = Field(default_factory=list)
    # For a sub-sector question: the sectors it follows (asked only for these).
    follows: list[Slug] = Field(default_factory=list)

    @property
    def kind(self) -> QuestionType:
        return named(self.type)

    def domain(self) -> Domain:
        return domain_of(self.type, self.keys)


class Scope(_Model):
    """Where something applies. Every field that is given must hold:

    sectors      the firm's sector is one of these (a sector, "sector/sub-sector", or a group);
    sub_sector_answered  true: the follow-up question of the firm's sector (if it has one) was
                 answered; false: it has one and it was left open;
    provinces    the firm is based in one of these;
    employees    the firm's size is one of these (an unanswered size excludes nothing);
    mkb_only     not for a firm of 250 or more (an SME scheme or association);
    own_rnd      the firm does (true) or does not (false) do its own R&D;
    international  the firm does business abroad (true) or not (false);
    regional     not for a firm that said it does not want to cooperate in its region;
    motives      the firm chose at least one of these motives;
    when         anything else, in the condition language.
    """

    sectors: list[SectorRef] | None = Field(default=None, min_length=1)
    sub_sector_answered: bool | None = None
    provinces: list[Slug] | None = Field(default=None, min_length=1)
    employees: list[Slug] | None = Field(default=None, min_length=1)
    mkb_only: bool = False
    own_rnd: bool | None = None
    international: bool | None = None
    regional: bool = False
    motives: list[Slug] | None = Field(default=None, min_length=1)
    when: ParsedCondition = None


class Route(Scope):
    """One reason to recommend an entry: when it holds (within the entry's scope), why, on what
    basis, and how well it fits (0-100; the list is ranked by it)."""

    id: Slug
    # Said only if no entry of these kinds made the list (e.g. "no association known").
    unless_found: list[Kind] = Field(default_factory=list)
    why: Slug  # a key of `reasons`
    source: list[str]
    fit: int = Field(ge=0, le=100)


class Organisation(_Model):
    """One organisation, cluster, campus, network or programme, exactly as the facts name it,
    with where it applies (`scope`) and why it is recommended (`routes`)."""

    id: Slug
    name: Name
    aka: list[Name] = Field(default_factory=list)  # former, full or related names, shown too
    via: Name | None = None  # the body that runs a programme (e.g. RVO)
    kind: Kind
    facts: FactsFile
    confidence: Literal["H", "M"]
    verified: str
    website: str | None = None  # a bare domain from the facts' websites_seen
    national: bool = False  # works across the country: no province in its scope
    about: LocalText
    caveat: LocalText | None = None
    scope: Scope
    routes: list[Route] = Field(min_length=1)

    @property
    def url(self) -> str | None:
        return f"https://{self.website}" if self.website else None


class RoutingData(_Model):
    id: Slug
    version: Annotated[str, Field(min_length=1, max_length=40)]
    gathered: str
    facts: dict[FactsFile, Facts]
    answers: dict[str, AnswerSpec]
    sector_groups: dict[Slug, list[SectorRef]] = Field(default_factory=dict)
    dimensions: list[Slug]
    reasons: dict[str, LocalText]
    organisations: list[Organisation] = Field(min_length=1)

    def organisation(self, org_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == org_id)

    @property
    def websites_seen(self) -> list[str]:
        return [site for facts in self.facts.values() for site in facts.websites_seen]

    @property
    def routes(self) -> list[tuple[Organisation, Route]]:
        """Every route, with its entry, in the order of the file."""
        return [(org, route) for org in self.organisations for route in org.routes]

    def follow_up(self, sector: str) -> str | None:
        """The sub-sector question asked after `sector`, if there is one."""
        return next((answer for answer, spec in self.answers.items()
                     if sector in spec.follows), None)
