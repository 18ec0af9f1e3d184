"""The advisor's view: clients, two assessments compared, and all intakes pooled.

Pure functions over index rows and records (no terminal, no rich, no typer):

- labels.py: titles of levels, dimensions and motives, read from a stored question set;
- clients.py: `overview` -> one line per client (assessments, respondents, last level);
- compare.py: `compare` two assessments, `change_since_previous` for a report;
- stats.py: `pooled` -> the figures beside the study's (F3, F4, F5, F9);
- text.py, markdown.py: how `clients`, `compare` and `stats` read on a terminal and in Markdown.

`clients` and `stats` read only the index rows (`IndexRow.summary` keeps level, scores, bands and
the reserved answers of a completed assessment), never the 10,000 record files behind them.
"""
