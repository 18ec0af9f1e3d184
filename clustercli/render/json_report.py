"""The report as JSON, for other tools: `report_data` (clustercli.report.data) as text.

The form is documented in docs/report-json.md and docs/report.schema.json. Keys keep their order
(the order of the documentation); non-ASCII stays readable (UTF-8), so "Zoë" is not "Zo\\u00eb".
"""

from __future__ import annotations

import json

from clustercli.report.data import report_data
from clustercli.report.model import Report


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
