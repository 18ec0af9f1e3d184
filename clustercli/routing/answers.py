"""The answers the organisation data reads, held against a question set: each must be a
question of the same type with the option keys the data names, and a sub-sector question must be
asked only after the sectors it follows. `clustercli questions check` runs it on the shipped set.
"""

from __future__ import annotations

from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.routing.model import RoutingData


def check_against_question_set(data: RoutingData, qset: Any) -> list[Problem]:
    """Where the answers and dimensions the data reads do not exist in `qset` as declared.

    `qset` is a loaded QuestionSet; a problem names the routing answer and what the set has.
    """
    problems: list[Problem] = []
    for answer, spec in data.answers.items():
        question = qset.by_id.get(answer)
        field = f"answers[{answer}]"
        if question is None:
            problems.append(Problem("routing.load.answer_not_in_set", {"question": answer},
                                    field=field))
            continue
        if question.type != spec.type:
            problems.append(Problem("routing.load.answer_type_differs",
                                    {"question": answer, "declared": spec.type,
                                     "actual": question.type}, field=field))
            continue
        missing = [key for key in spec.keys if key not in question.option_keys]
        if missing:
            problems.append(Problem("routing.load.answer_keys_missing",
                                    {"question": answer, "keys": ", ".join(missing),
                                     "count": len(missing)},
                                    field=field))
        if spec.follows and _asked_after(question.when) != set(spec.follows):
            problems.append(Problem("routing.load.follow_up_differs",
                                    {"question": answer, "sectors": ", ".join(spec.follows)},
                                    field=field))
    for dimension in data.dimensions:
        if dimension not in qset.dimension_by_id:
            problems.append(Problem("routing.load.dimension_not_in_set",
                                    {"dimension": dimension}, field="dimensions"))
    return problems


def _asked_after(when: Any) -> set[str] | None:
    """The sectors a follow-up's `when` asks it for, if it is {question: sector, equals|in}."""
    match when:
        case conditions.QuestionTerm("sector", "equals", value):
            return {value}
        case conditions.QuestionTerm("sector", "in", values):
            return set(values)
    return None
