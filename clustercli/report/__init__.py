"""The report: one content, built once, for the four renderings in `clustercli.render`.

Pure: no rich, no files. `build_report(record, qset, lang, with_notes=...)` gives a
`model.Report` whose texts are all in `lang`; `data.report_data(report)` gives its JSON form
(documented in docs/report-json.md, checked against docs/report.schema.json by the tests).
"""

from clustercli.report.build import build_report, shown_score
from clustercli.report.data import report_data
from clustercli.report.model import SCHEMA_VERSION, Report

__all__ = ["SCHEMA_VERSION", "Report", "build_report", "report_data", "shown_score"]
