"""Storage: SQLAlchemy 2 tables, engines and sessions, Alembic migrations.

SQLite (WAL) is the embedded default; PostgreSQL is the production database. The same code and the
same migrations serve both; every capability's tables derive from :class:`chanrac.store.base.Base`.
"""
