"""The readiness profile: scores, levels, advice, and whom to approach.

Scores, bands, level, explanations, advice, next steps and the mirror are built here.

Pure functions over a question set (with its rules, `QuestionSet.rules`) and the answers; the
results are plain dataclasses holding keys, ids and texts per language, so that every report can
render them in Dutch or English. `build_profile` is the one entry point; the parts are usable on
their own:

- scoring.py: `active_answers`, `score_dimensions` -> DimensionResult per dimension;
- levels.py: `readiness_level` -> LevelResult (the level, what the rules alone gave, the caps);
- explain.py: `explain` -> Explanation (weakest answers; an exact lift to the next band);
- advice.py: `fire_advice`, `next_steps`;
- mirror.py: `mirror` -> MirrorLine per figure of the study;
- rules.py: the rules file format and its checks;
- routing.py, organisations.py: whom to approach (`routing.route`), kept apart from this.

A set without a rules file scores with the default bands (sterk >= 75, aandachtspunt >= 50) and
has no level (None), no advice and no next steps.
"""

from __future__ import annotations

from typing import Any

# The question-set loader imports `profile.rules` (a set carries its rules), and importing a
# submodule runs this file first: so the heavy parts load only when a name is asked for.
_EXPORTS = {
    "build_profile": "build", "Profile": "build",
    "CapHit": "levels", "LevelResult": "levels",
    "DimensionResult": "scoring",
    "Explanation": "explain", "Lift": "explain", "Target": "explain", "Weakness": "explain",
    "FiredAdvice": "advice", "NextStep": "advice",
    "Message": "mirror", "MirrorLine": "mirror",
    "Rules": "rules",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'clustercli.profile' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"clustercli.profile.{_EXPORTS[name]}"), name)
