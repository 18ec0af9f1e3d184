"""The summary a completed assessment keeps: its level, scores, bands and a few answers.

The profile works it out (`profile.build.summarise`) from the answers as stored; the record and
the index keep it, so that `list`, `clients`, `stats` and the CSV export read 10,000 of them
without building 10,000 profiles. Plain data with a JSON form (`to_data`, `from_data`), the
form records and index files have held since the summary was first kept.

This module imports nothing of the tool, so that the records (and the store that keeps them)
can hold a summary without loading the profile's machinery or the question-set models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Answers kept beside the scores, so that `stats` can count 10,000 assessments without opening
# each file (the reserved ids of the shipped set; a set without them keeps none).
SUMMARY_ANSWERS = ("sector", "province", "employees", "cooperates", "cooperates_regionally",
                   "wants_regional", "motives", "stimulation_important", "support_wanted")

_KEYS = frozenset(("level", "scores", "bands", "answers"))
_NUMBERS = (int, float)


class BadSummary(ValueError):
    """Data that is not a summary we wrote; `args[0]` names the field at fault ("scores.trust",
    or "" for the whole)."""


@dataclass(frozen=True)
class Summary:
    level: str | None  # the readiness level's id; None for a set without levels
    # dimension id -> score 0-100 rounded down to one decimal (None: too few answers), in the
    # set's order
    scores: dict[str, float | None]
    bands: dict[str, str]  # dimension id -> band ("sterk", ..., "insufficient")
    answers: dict[str, Any]  # the answers of SUMMARY_ANSWERS that were given, as stored

    def to_data(self) -> dict[str, Any]:
        """The JSON form (fresh dicts: changing them leaves the summary as it is)."""
        return {"level": self.level, "scores": dict(self.scores), "bands": dict(self.bands),
                "answers": dict(self.answers)}

    @classmethod
    def from_data(cls, data: Any) -> Summary:
        """The summary in `data`; `BadSummary` naming the first field that is wrong. Every key
        must be there and no other: one we do not know would be lost on the next write."""
        if type(data) is not dict:
            raise BadSummary("")
        if data.keys() != _KEYS:
            raise BadSummary(sorted(data.keys() ^ _KEYS)[0])
        level, scores, bands, answers = (data["level"], data["scores"], data["bands"],
                                         data["answers"])
        if level is not None and type(level) is not str:
            raise BadSummary("level")
        if type(scores) is not dict:
            raise BadSummary("scores")
        for key, score in scores.items():
            # bool is an int in Python, but not a score
            if score is not None and (type(score) not in _NUMBERS or score != score):
                raise BadSummary(f"scores.{key}")
        if type(bands) is not dict:
            raise BadSummary("bands")
        for key, band in bands.items():
            if type(band) is not str:
                raise BadSummary(f"bands.{key}")
        if type(answers) is not dict:
            raise BadSummary("answers")
        return cls(level, scores, bands, answers)
