"""The user's data stays theirs: export, import with merge, and retention (the pure core).

    table.py      the CSV export: columns, cells, formula escaping, the two dialects
    sheet.py      the xlsx export's content: typed rows, label columns, the explaining sheet
    workbook.py   the xlsx export written (the only module that imports xlsxwriter)
    bundle.py     the JSONL export and reading it back, checked line by line and field by field
    merge.py      what an import does to a record that exists on both sides
    retention.py  durations like `2y` or `18m`, and which assessments are older than one
    transfer.py   export and import against the `Store` interface (runs on the in-memory one)

No files and no terminal here: the commands in `clustercli/cli/data_cmd.py` open the store, call
these and write what they return. Erasure itself is the store's (`Store.delete_many`).
docs/export-format.md describes both formats for the people who read them.
"""
