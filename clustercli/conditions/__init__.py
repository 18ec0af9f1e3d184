"""The one condition language: parsed from data, checked against a question set, evaluated.

Question conditions (`when`), readiness levels, advice rules and routing rules all use it, so
there is one parser, one validator and one evaluator. It is data, never code: nothing here calls
`eval`. The forms:

    {question: ID, equals: VALUE}      {question: ID, in: [VALUES]}
    {question: ID, includes: KEY}      (multi)
    {question: ID, at_least: N}        {question: ID, at_most: N}
    {answered: ID}
    {dimension: ID, band: BAND}        {dimension: ID, at_least: N} / at_most  (score 0-100)
    {bands: BAND, at_least: N}         {bands: BAND, at_most: N}  (how many dimensions)
    {all: [...]}   {any: [...]}   {not: COND}

A question that is not answered (or whose answer is no longer active) makes every question term
false; `not` turns that into true, which is what "asked unless ..." needs.
"""

from clustercli.conditions.checking import CheckProblem, Domain, check, describe_values
from clustercli.conditions.evaluation import DimensionFact, evaluate
from clustercli.conditions.parsing import parse, questions_named, to_data
from clustercli.conditions.terms import (
    BANDS,
    COUNT_OPS,
    DIMENSION_OPS,
    QUESTION_OPS,
    UNKNOWN,
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    ConditionError,
    DimensionTerm,
    Not,
    QuestionTerm,
    show_value,
)

__all__ = [
    "BANDS", "COUNT_OPS", "DIMENSION_OPS", "QUESTION_OPS", "UNKNOWN", "All", "Answered",
    "AnyOf", "BandCount", "CheckProblem", "Condition", "ConditionError", "DimensionFact",
    "DimensionTerm", "Domain", "Not", "QuestionTerm", "check", "describe_values", "evaluate",
    "parse", "questions_named", "show_value", "to_data",
]
