"""The advisor's view: clients, two assessments compared, and all intakes pooled.

Pure functions over index rows and records (no terminal, no rich, no typer):

- labels.py: titles of levels, dimensions and motives, read from a stored question set;
- clients.py: `overview` -> one line per client (assessments, respondents, last level);
- compare.py: `compare` two assessments, `change_since_previous` for a report;
- stats.py: `select` and `pooled` -> the figures beside the study's (F3, F4, F5, F9);
- compare_view.py, stats_view.py: what those say (a Document, the JSON forms, report lines);
- layout.py: a Document laid out as plain text for the terminal or as Markdown.

`clients` and `stats` read only the index rows (`IndexRow.summary` keeps level, scores, bands and
the reserved answers of a completed assessment), never the 10,000 record files behind them.
"""
