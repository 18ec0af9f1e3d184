"""The interview's logic, with no terminal and no storage: what to ask, in which order.

Questions come in file order; a question applies when its `when` holds on the active answers.
Because a `when` may only name earlier questions, one pass in file order settles everything:
which questions apply, which answers have stopped applying, and what comes next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clustercli import conditions
from clustercli.questionset.model import Question, QuestionSet

OTHER_GROUP = "_profile"  # review group of the questions that count towards no dimension


@dataclass(frozen=True)
class Progress:
    number: int  # 1-based position among the questions that apply now
    total: int


@dataclass(frozen=True)
class ReviewGroup:
    dimension: str  # a dimension id, or OTHER_GROUP
    questions: tuple[Question, ...]


class Interview:
    """A view of a question set against a set of active answers (question id -> value)."""

    def __init__(self, qset: QuestionSet, answers: Mapping[str, Any]) -> None:
        self.qset = qset
        self.answers = dict(answers)

    def applicable(self) -> list[Question]:
        return [q for q in self.qset.questions if self._applies(q)]

    def _applies(self, q: Question) -> bool:
        return q.when is None or conditions.evaluate(q.when, self.answers)

    def next_unanswered(self) -> Question | None:
        """The first question that applies and has no answer: where to continue."""
        return next((q for q in self.applicable() if q.id not in self.answers), None)

    def missing_required(self) -> list[Question]:
        return [q for q in self.applicable() if q.id not in self.answers and q.required]

    def progress(self, question_id: str) -> Progress:
        ids = [q.id for q in self.applicable()]
        number = ids.index(question_id) + 1 if question_id in ids else len(ids)
        return Progress(number, len(ids))

    def previous(self, question_id: str | None) -> Question | None:
        """The applicable question before `question_id` (None: before the review, so the last
        one); None when `question_id` is the first."""
        applicable = self.applicable()
        if question_id is None:
            return applicable[-1] if applicable else None
        order = [q.id for q in self.qset.questions]
        position = order.index(question_id)
        earlier = [q for q in applicable if order.index(q.id) < position]
        return earlier[-1] if earlier else None

    def no_longer_applicable(self) -> list[str]:
        """Active answers whose question stopped applying, in file order.

        Walk in order and drop as we go: dropping an earlier answer can make a later question
        stop applying too (e.g. `cooperates` -> `cooperates_regionally` -> `wants_regional`).
        """
        remaining = dict(self.answers)
        dropped = []
        for q in self.qset.questions:
            if q.id in remaining and q.when is not None and \
                    not conditions.evaluate(q.when, remaining):
                dropped.append(q.id)
                del remaining[q.id]
        return dropped

    def review_groups(self) -> list[ReviewGroup]:
        """Answered, applicable questions grouped by dimension (set order), the others first."""
        answered = [q for q in self.applicable() if q.id in self.answers]
        groups = [ReviewGroup(OTHER_GROUP, tuple(q for q in answered if q.dimension is None))]
        groups += [ReviewGroup(d.id, tuple(q for q in answered if q.dimension == d.id))
                   for d in self.qset.dimensions]
        return [group for group in groups if group.questions]
