"""The shape of the organisation data: entries, rules, and the file as a whole (pydantic)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from clustercli.conditions import Domain
from clustercli.questionset.model import SLUG_PATTERN
from clustercli.questionset.schema import ParsedCondition
from clustercli.questionset.types import domain_of

DATA_FILE = "organisations.yaml"

# What a recommendation can be; the order is only for listing them.
KINDS = ("chamber", "branch_association", "rom", "cluster", "government_programme",
         "knowledge_institution", "topsector", "regional_board", "employers_association",
         "een")
CONFIDENCES = ("H", "M")
FACT_FILES = ("organisations.md", "regional-clusters.md")
ANSWER_TYPES = ("choice", "multi", "yesno")
_VERIFIED = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$")

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]
Name = Annotated[str, Field(min_length=1, max_length=120)]
LocalText = dict[str, str]
Kind = Literal["chamber", "branch_association", "rom", "cluster", "government_programme",
               "knowledge_institution", "topsector", "regional_board", "employers_association",
               "een"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AnswerSpec(_Model):
    """An answer the rules read, as the question set defines it."""

    type: Literal["choice", "multi", "yesno"]
    keys: list[Slug] = Field(default_factory=list)

    def domain(self) -> Domain:
        return domain_of(self.type, self.keys)


class Organisation(_Model):
    """One organisation, cluster, campus, network or programme, exactly as the facts name it."""

    id: Slug
    name: Name
    aka: list[Name] = Field(default_factory=list)  # former, full or related names, shown too
    via: Name | None = None  # the body that runs a programme (e.g. RVO)
    kind: Kind
    facts: Literal["organisations.md", "regional-clusters.md"]
    confidence: Literal["H", "M"]
    verified: str
    website: str | None = None  # a bare domain from `websites_seen`
    about: LocalText
    caveat: LocalText | None = None

    @property
    def url(self) -> str | None:
        return f"https://{self.website}" if self.website else None


class Rule(_Model):
    """A condition -> the entries it recommends, with the reason why."""

    id: Slug
    when: ParsedCondition = None  # absent: always
    unless_kind: Kind | None = None  # only if no rule above recommended an entry of this kind
    recommend: list[Slug] = Field(default_factory=list)
    to_kind: Kind | None = None  # instead of `recommend`: the entries of this kind above
    why: Slug  # a key of `reasons`
    source: list[str]


class RoutingData(_Model):
    id: Slug
    version: Annotated[str, Field(min_length=1, max_length=40)]
    gathered: str
    websites_seen: list[str]
    answers: dict[str, AnswerSpec]
    dimensions: list[Slug]
    reasons: dict[str, LocalText]
    organisations: list[Organisation] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)

    def organisation(self, org_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == org_id)
