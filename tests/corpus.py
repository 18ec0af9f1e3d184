"""A corpus of completed self-checks on the shipped question set: the reports' test bed.

`generate(qset)` gives CORPUS_SIZE varied answer sets plus the edge profiles, deterministically
(seeded): the same set of questions always gives the same corpus. It walks the question set
generically, the way the engine asks: in order, a question only when its `when` holds given the
answers so far, a value picked by the question's type. So a question someone adds later is
answered too, without a change here.

Stratified: every unscored choice and yes/no question (sector, province, employees, cooperating,
wanting regional cooperation, own R&D, international, and any added later) takes each of its
values about equally often among the firms that are asked it: its values are dealt from a
shuffled deck, one per firm that gets the question. Scored statements follow a tilt per area
(low, middle, high, mixed, or now and then "weet niet" throughout), so every band and most mixes
of bands turn up. Multiple-choice questions get a random selection (empty where allowed),
numbers a value in range, free text a short answer.

Edge profiles (EDGES): one answer throughout, "helemaal eens" (for a firm that cooperates and for
one that does not), "weet niet", "neutraal" and "helemaal oneens"; reverse-worded statements get
the same answer, as a hurried user would give.

Used by the `corpus` fixture (tests/conftest.py), the corpus tests and bench/report_corpus.py,
which also reads `figures` for the distributions it prints.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from clustercli.conditions import UNKNOWN
from clustercli.questionset.loader import content_hash
from clustercli.questionset.model import Question, QuestionSet, possible_value
from clustercli.records import Answer, Assessment, SetRef
from clustercli.textwidth import wrap

CORPUS_SIZE = 240
SEED = 2001
STAMP = "2026-11-20T09:00:00.000000Z"
TILTS = ("low", "low", "mid", "high", "high", "mixed", "mixed", "unknown")
UNKNOWN_NOW_AND_THEN = 0.06  # a single "weet niet" in an otherwise answered area
WIDTH = 80  # columns of the terminal the plain report is measured on


@dataclass(frozen=True)
class Case:
    name: str
    answers: dict[str, Any]
    tags: tuple[str, ...] = ()  # what the case stands for: "edge", "agree", ...


Chooser = Callable[[Question, dict[str, Any]], Any]


def walk(qset: QuestionSet, choose: Chooser) -> dict[str, Any]:
    """Ask the set in order: each question that applies gets `choose(question, so_far)`."""
    answers: dict[str, Any] = {}
    for question in qset.questions:
        if qset.applies(question, answers):
            answers[question.id] = choose(question, answers)
    return answers


def _known(question: Question) -> list[Any]:
    """The real answers a choice, yes/no or scale question can take (not "weet niet")."""
    if question.type == "choice":
        return list(question.option_keys)
    if question.type == "yesno":
        return [True, False]
    return list(question.scale_points())


class _Decks:
    """Per question a shuffled deck of its values, dealt one per firm asked it: each value
    turns up about equally often, in no fixed pattern against the other questions."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.decks: dict[str, list[Any]] = {}
        self.rounds: Counter[str] = Counter()

    def deal(self, question: Question, values: list[Any]) -> Any:
        deck = self.decks.setdefault(question.id, [])
        if not deck:
            self.rounds[question.id] += 1
            deck.extend(values)
            random.Random(f"{self.seed}:{question.id}:{self.rounds[question.id]}").shuffle(deck)
        return deck.pop()


def _free(question: Question, rng: random.Random) -> Any:
    """An answer to a question that is neither scored nor dealt from a deck."""
    if question.type == "multi":
        keys = list(question.option_keys)
        picked = [key for key in keys if rng.random() < 0.4]
        if not picked and (question.required or rng.random() < 0.5):
            picked = [rng.choice(keys)]
        return picked
    if question.type == "number":
        low = int(question.min) if question.min is not None else 0
        high = int(question.max) if question.max is not None else low + 100
        return rng.randint(low, high)
    if question.type == "text":
        return "" if not question.required and rng.random() < 0.5 else "Antwoord"
    raise ValueError(question.type)


def _scored(question: Question, tilt: str, rng: random.Random) -> Any:
    """A scored answer in the area's tilt, as agreement (reverse-worded ones mirrored)."""
    known = _known(question)
    if question.allow_unknown and (tilt == "unknown" or rng.random() < UNKNOWN_NOW_AND_THEN):
        return UNKNOWN
    if tilt in ("mixed", "unknown"):
        return rng.choice(known)
    third = max(1, len(known) // 3)
    part = {"low": known[:third + 1], "mid": known[third:-third] or known,
            "high": known[-third - 1:]}[tilt]
    value = rng.choice(part)
    if question.reverse and question.type == "scale":  # "high" means a strong answer
        value = known[-1] + known[0] - value
    return value


def random_chooser(index: int, decks: _Decks, seed: int) -> Chooser:
    rng = random.Random(f"{seed}:{index}")
    tilts: dict[str, str] = {}

    def choose(question: Question, _: dict[str, Any]) -> Any:
        if question.dimension is not None:
            tilt = tilts.setdefault(question.dimension, rng.choice(TILTS))
            return _scored(question, tilt, rng)
        if question.type in ("choice", "yesno", "scale"):
            values = _known(question)
            if question.allow_unknown and question.type == "scale":
                values.append(UNKNOWN)
            return decks.deal(question, values)
        return _free(question, rng)

    return choose


# --- the edge profiles ---------------------------------------------------------------------

# (name, value for every scale question: a scale point by position or "unknown", cooperates)
EDGES = (
    ("agree-cooperating", "max", True),
    ("agree-not-cooperating", "max", False),
    ("unknown", UNKNOWN, True),
    ("neutral", "middle", True),
    ("disagree", "min", False),
)


def edge_chooser(throughout: str, cooperates: bool, index: int) -> Chooser:
    """The same answer to every statement; a firm that cooperates with firms in its region
    (or does not cooperate and would like to); other facts varied by `index`."""

    def choose(question: Question, _: dict[str, Any]) -> Any:
        if question.id == "cooperates":
            return cooperates
        if question.type == "scale":
            points = question.scale_points()
            if throughout == UNKNOWN:
                return UNKNOWN if question.allow_unknown else points[len(points) // 2]
            return {"max": points[-1], "min": points[0],
                    "middle": points[len(points) // 2]}[throughout]
        if question.type == "yesno":
            return True
        if question.type == "choice":
            keys = question.option_keys
            return keys[(index * 5 + len(question.id)) % len(keys)]
        if question.type == "multi":
            keys = list(question.option_keys)
            return keys if throughout == "max" else [] if not question.required else keys[:1]
        return _free(question, random.Random(index))

    return choose


# --- the corpus ----------------------------------------------------------------------------


def generate(qset: QuestionSet, size: int = CORPUS_SIZE, seed: int = SEED) -> list[Case]:
    """`size` stratified random firms, then the edge profiles."""
    decks = _Decks(seed)
    cases = [Case(f"r{index:03d}", walk(qset, random_chooser(index, decks, seed)))
             for index in range(size)]
    for index, (name, throughout, cooperates) in enumerate(EDGES):
        tags = ("edge", str(throughout), "cooperating" if cooperates else "not-cooperating")
        cases.append(Case(f"edge-{name}", walk(qset, edge_chooser(throughout, cooperates,
                                                                  index)), tags))
    for case in cases:
        for question_id, value in case.answers.items():
            assert possible_value(qset.question(question_id), value), (case.name, question_id)
    return cases


def record(qset: QuestionSet, case: Case, index: int, lang: str = "nl") -> Assessment:
    """The case as a completed assessment, with a fixed id and timestamps."""
    return Assessment(
        id=f"{index:08x}-0000-4000-8000-{index:012x}",
        question_set=SetRef(qset.id, qset.version, content_hash(qset)), language=lang,
        client=f"Corpus {case.name}", respondent="", created=STAMP, updated=STAMP,
        completed=STAMP, status="completed",
        answers={q: Answer(value, STAMP) for q, value in case.answers.items()})


# --- figures over the reports --------------------------------------------------------------


def wrapped_lines(text: str, width: int = WIDTH) -> int:
    """Lines on a terminal `width` columns wide, each line wrapped as clustercli wraps."""
    return len(wrap(text.rstrip("\n"), width))


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


@dataclass
class Figures:
    """Per report: the numbers the bench prints and the corpus test holds loosely."""

    lines: list[int] = field(default_factory=list)
    raw_lines: list[int] = field(default_factory=list)  # as printed, before any wrapping
    words: list[int] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    advice: list[int] = field(default_factory=list)
    actions: list[int] = field(default_factory=list)
    kvk: list[int] = field(default_factory=list)  # times KVK is named in the plain report
    study: list[int] = field(default_factory=list)  # times the study is named ("EIM")
    levels: Counter[str] = field(default_factory=Counter)
    levels_of: list[str] = field(default_factory=list)  # per report, in order

    def add(self, report: Any, plain: str) -> None:
        self.lines.append(wrapped_lines(plain))
        self.raw_lines.append(plain.rstrip("\n").count("\n") + 1)
        self.words.append(words(plain))
        self.organisations.append(len(report.organisations))
        self.advice.append(len(report.advice))
        self.actions.append(len(report.actions))
        self.kvk.append(len(re.findall(r"\bKVK\b|Kamer van Koophandel|Chamber of Commerce",
                                       plain)))
        self.study.append(len(re.findall(r"\bEIM\b", plain)))
        level = report.level.id if report.level is not None else "(none)"
        self.levels[level] += 1
        self.levels_of.append(level)

    def rows(self) -> list[tuple[str, float, int, int]]:
        """(what, median, min, max) per distribution."""
        return [(name, statistics.median(values), min(values), max(values))
                for name, values in (("lines at 80 columns", self.lines),
                                     ("lines unwrapped", self.raw_lines),
                                     ("words", self.words),
                                     ("organisations", self.organisations),
                                     ("advice bullets", self.advice),
                                     ("actions", self.actions),
                                     ("KVK named", self.kvk), ("EIM named", self.study))]


def figures(reports: Iterable[tuple[Any, str]]) -> Figures:
    """Figures over (report, its plain rendering) pairs."""
    found = Figures()
    for report, plain in reports:
        found.add(report, plain)
    return found
