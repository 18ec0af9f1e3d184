"""The readiness profile: scores, levels, advice, and whom to approach.

Scores, bands, level, explanations, advice, next steps and the mirror are built here.

Pure functions over a question set (with its rules, `QuestionSet.rules`) and the answers; the
results are plain dataclasses holding keys, ids and texts per language, so that every report can
render them in Dutch or English. `build_profile` is the one entry point; the parts are usable on
their own:

- scoring.py: `active_answers`, `score_dimensions` -> DimensionResult per dimension;
- levels.py: `readiness_level` -> LevelResult (the level, what the rules alone gave, the caps),
  `withheld` -> why there is no level when too many parts have no score;
- explain.py: `explain` -> Explanation (weakest answers; an exact lift to the next band);
- advice.py: `fire_advice`, `shown_advice` (at most six), `actions` (the 3-5 that matter
  most, with why and basis), `next_steps`;
- mirror.py: `mirror` -> MirrorLine per figure of the study.

The rules file format lives with the question set (`questionset.rules`), whom to approach in
`clustercli.routing`.

A set without a rules file scores with the default bands (sterk >= 75, aandachtspunt >= 50) and
has no level (None), no advice and no next steps.
"""

from __future__ import annotations

from clustercli.profile.advice import Action, FiredAdvice, NextStep
from clustercli.profile.build import Profile, build_profile
from clustercli.profile.explain import Explanation, Lift, Target, Weakness
from clustercli.profile.levels import CapHit, LevelResult, Withheld
from clustercli.profile.mirror import Message, MirrorLine
from clustercli.profile.scoring import DimensionResult

__all__ = ["Action", "CapHit", "DimensionResult", "Explanation", "FiredAdvice", "LevelResult",
           "Lift", "Message", "MirrorLine", "NextStep", "Profile", "Target", "Weakness",
           "Withheld", "build_profile"]
