"""The local mirror of every client's bank data: SQLite, incremental by ``updated_at``."""
