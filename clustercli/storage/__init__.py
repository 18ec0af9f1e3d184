"""The local store of assessments. `api` says what it promises; `open_store` gives one.

Only this package imports tinydb (and filelock); the rest of the tool sees the `Store` interface
of `api.py`, and tests of the layers above use `MemoryStore`.
"""
