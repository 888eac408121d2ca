"""The SQLite database: its schema, grown by ordered migrations (`schema`), its loads (`store`), the views
researchers query (`views`), the checks' tables (`checks_store`), the atomic swap of a rebuilt database
and its lock (`swap`), and a journalist's claim checked against the stored figures (`claims`).

It imports the extractors (for their types, keys and word lists), never the orchestration above it.
"""
