"""What a file given to `import` is, from its first bytes: an export (JSON lines), an encrypted
export, or something else that deserves one clear sentence rather than a "not valid JSON" for
every line: the CSV export, a spreadsheet, another tool's JSON.
"""

from __future__ import annotations

import json
import re

from clustercli.errors import BadInput

# The age format (https://age-encryption.org/v1): binary, or armored as PEM-like text.
AGE_HEADER = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
_ZIP = b"PK\x03\x04"  # .xlsx (and .ods, .docx) are zip files
# The CSV export's header, plain or for Excel (a BOM, `;`), with or without quotes.
_CSV_HEADER = re.compile(r'^(?:sep=.\r?\n)?"?id"?[,;\t]"?client"?[,;\t]"?respondent"?\b')
_KINDS = ("question_set", "assessment")


def is_encrypted(raw: bytes) -> bool:
    return raw.startswith(AGE_HEADER) or raw.lstrip().startswith(AGE_ARMOR)


def _ours(line: bytes) -> bool:
    try:
        doc = json.loads(line)
    except ValueError:
        return False
    return isinstance(doc, dict) and doc.get("kind") in _KINDS and "schema_version" in doc


def refuse_if_foreign(raw: bytes, file: str) -> None:
    """BadInput in one sentence if no line of `raw` is a line of an export; else nothing
    (an export with bad lines gets every bad line named, by `bundle.read`)."""
    lines = [line for line in raw.split(b"\n") if line.strip()]
    if not lines or any(_ours(line) for line in lines[:1000]):
        return  # an empty file is the export of an empty data folder
    if raw.startswith(_ZIP):
        raise BadInput("portability.import.is_spreadsheet", file=file)
    text = raw[:4096].decode("utf-8", errors="replace").removeprefix("\ufeff")
    if _CSV_HEADER.match(text):
        raise BadInput("portability.import.is_csv_export", file=file)
    try:
        json.loads(raw)
    except ValueError:
        if all(_json(line) for line in lines[:1000]):
            raise BadInput("portability.import.is_other_json", file=file) from None
        raise BadInput("portability.import.not_an_export", file=file) from None
    raise BadInput("portability.import.is_other_json", file=file)


def _json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True
