"""The study as a mirror: where the firm stands beside the figures of the EIM study (2001).

Only the figures the study gives (study-findings.md), and only where they apply to the firm: F3
one third to one half of cooperating SMEs cooperate in regional clusters (for a firm that
cooperates: one that works with firms nearby is held beside that figure, never said to be in a
cluster); F4 almost a third of those who do not cooperate regionally would like to (for a firm
that does not); F5 the important motives a majority named (for a firm that chose a motive); F9
almost three quarters find stimulation important. Each line carries its source and the year;
the report says once, with the study, that its figures describe Dutch SMEs around 2000.
A line needs the reserved question it reads (`cooperates`, `cooperates_regionally`,
`wants_regional`, `motives`, `stimulation_important`); a set without it gets no such line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clustercli.conditions import UNKNOWN
from clustercli.i18n import pick, t
from clustercli.questionset.model import QuestionSet

STUDY_YEAR = 2001
MAJORITY_MOTIVES = ("market_position", "new_products", "quality")  # F5
# The reserved questions the lines read, each with the type the set must give it (a declaration,
# as routing's answers are): a set whose question of that id has another type gets no line from it.
READS = {"cooperates": "yesno", "cooperates_regionally": "choice", "wants_regional": "yesno",
         "motives": "multi", "stimulation_important": "scale"}


@dataclass(frozen=True)
class Message:
    """A catalogue key with parameters; a parameter may be a text per language, or a list."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return t(self.key, lang, **{name: _resolve(value, lang)
                                    for name, value in self.params.items()})


def _resolve(value: Any, lang: str) -> Any:
    """A text per language (or a message) in `lang`; a list as words in a sentence: "a, b en
    c"."""
    if isinstance(value, dict):
        return pick(value, lang)
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, list | tuple):
        items = [str(_resolve(item, lang)) for item in value]
        if len(items) < 2:
            return "".join(items)
        return t("profile.mirror.and", lang).join([", ".join(items[:-1]), items[-1]])
    return value


@dataclass(frozen=True)
class MirrorLine:
    finding: str
    figure: Message  # what the study found
    position: Message  # where this firm stands beside it
    source: Message  # source, year and the "around 2000" note
    year: int = STUDY_YEAR

    def render(self, lang: str) -> str:
        return " ".join(part.render(lang) for part in (self.figure, self.position, self.source))


def _line(finding: str, position: str, **params: Any) -> MirrorLine:
    code = finding.lower()
    return MirrorLine(finding, Message(f"profile.mirror.{code}_figure"),
                      Message(f"profile.mirror.{code}_{position}", params),
                      Message("profile.mirror.source", {"finding": finding,
                                                        "year": STUDY_YEAR}))


def mirror(qset: QuestionSet, answers: Mapping[str, Any]) -> tuple[MirrorLine, ...]:
    """The mirror lines for these active answers."""
    read = {question: _answer(qset, answers, question) for question in READS}
    lines = [line for line in (_f3(read), _f4(read), _f5(qset, read), _f9(qset, read))
             if line is not None]
    return tuple(lines)


def _answer(qset: QuestionSet, answers: Mapping[str, Any], question: str) -> Any:
    """The answer to a reserved question; None where the set has no such question of the
    declared type, where it was not answered, or "unknown"."""
    found = qset.by_id.get(question)
    if found is None or found.type != READS[question]:
        return None
    value = answers.get(question)
    return None if value == UNKNOWN else value


def _f3(read: Mapping[str, Any]) -> MirrorLine | None:
    """Only for a firm that cooperates: the figure is about cooperating SMEs."""
    cooperates, regionally = read["cooperates"], read["cooperates_regionally"]
    if cooperates is True and regionally in ("yes", "partly", "no"):
        return _line("F3", regionally)
    return None


def _f4(read: Mapping[str, Any]) -> MirrorLine | None:
    wants = read["wants_regional"]
    return None if wants is None else _line("F4", "wants" if wants else "does_not_want")


def _f5(qset: QuestionSet, read: Mapping[str, Any]) -> MirrorLine | None:
    motives = read["motives"]
    if motives is None:
        return None
    question = qset.question("motives")
    majority = [key for key in MAJORITY_MOTIVES if key in question.option_keys]
    if not majority:
        return None
    # named as the figure names them: "een betere marktpositie en nieuwe producten"
    shared = [Message(f"profile.mirror.motive.{key}") for key in majority if key in motives]
    if len(shared) == len(majority):
        return _line("F5", "all")
    if shared:
        return _line("F5", "some", shared=shared)
    # "other motives" only when others were chosen; no motive at all compares with nothing
    return _line("F5", "none") if motives else None


def _f9(qset: QuestionSet, read: Mapping[str, Any]) -> MirrorLine | None:
    value = read["stimulation_important"]
    if value is None:
        return None
    question = qset.question("stimulation_important")
    middle = ((question.min or 0) + (question.max or 0)) / 2
    position = "agree" if value > middle else "disagree" if value < middle else "neutral"
    return _line("F9", position)
