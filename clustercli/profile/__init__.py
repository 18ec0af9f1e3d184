"""The readiness profile: scores, levels, advice, and whom to approach.

Scores, bands, level, explanations, advice, next steps and the mirror are built here.

Pure functions over a question set (with its rules, `QuestionSet.rules`) and the answers; the
results are plain dataclasses holding keys, ids and texts per language, so that every report can
render them in Dutch or English. `build.build_profile` is the one entry point; the parts are
usable on their own:

- build.py: `build_profile` -> Profile; `summarise` -> Summary (what a completed record keeps);
- summary.py: `Summary`, the small typed summary records and the index keep;
- scoring.py: `active_answers`, `score_dimensions` -> DimensionResult per dimension;
- levels.py: `readiness_level` -> LevelResult (the level, what the rules alone gave, the caps),
  `withheld` -> why there is no level when too many parts have no score;
- explain.py: `explain` -> Explanation (weakest answers; an exact lift to the next band);
- advice.py: `fire_advice`, `shown_advice` (at most six), `actions` (the 3-5 that matter
  most, with why and basis), `next_steps`;
- mirror.py: `mirror` -> MirrorLine per figure of the study.

Import each from its module (`from clustercli.profile.build import build_profile`): this file
imports nothing, so that the records can hold a `Summary` without loading the rest (scoring
needs the question-set models, and with them pydantic: ~130 ms that `list` does without).

The rules file format lives with the question set (`questionset.rules`), whom to approach in
`clustercli.routing`.

A set without a rules file scores with the default bands (sterk >= 75, aandachtspunt >= 50) and
has no level (None), no advice and no next steps.
"""
