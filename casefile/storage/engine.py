"""The one engine factory: the only place in Casefile that opens database connections.

Every connection gets the same at-rest settings, for plain and encrypted cases alike: SQLCipher's
own logging off (it would print to stderr), the raw key (encrypted cases), WAL, synchronous=FULL,
foreign keys, secure_delete (freed pages are zeroed, so a deleted source leaves no trace) and
temp_store=MEMORY (no plaintext temp files).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from casefile.storage.kdf import CaseKey

APPLICATION_ID = 0x43415345  # "CASE" in the SQLite header: marks a file as a Casefile case
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "casefile_write"

AT_REST_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA cache_size = -32768",  # 32 MiB of (decrypted) pages in memory per connection
)


def connect_raw(path: Path, key: CaseKey | None) -> Any:
    """A DB-API connection with the key and at-rest settings applied (autocommit mode).

    Used by the engine and by whole-file operations (export, rekey, backup). Raises the
    driver's DatabaseError if the key does not open the file.
    """
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = {key.pragma_value()}")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        for pragma in AT_REST_PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(path: Path, key: CaseKey | None) -> Engine:
    def creator() -> Any:
        return connect_raw(path, key)

    engine = create_engine(
        f"sqlite:///{path}",
        creator=creator,
        module=sqlcipher,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
    )
    _install_transaction_control(engine)
    return engine


def _install_transaction_control(engine: Engine) -> None:
    """SQLAlchemy's recipe for real SQLite transactions: we emit BEGIN ourselves.

    Write units begin IMMEDIATE (take the write lock up front, so two writers never deadlock
    mid-transaction); reads begin DEFERRED and see one consistent snapshot.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def read_settings(conn: Any) -> dict[str, Any]:
    """The at-rest settings as a connection reports them (tests read them on every one)."""
    names = ("journal_mode", "synchronous", "foreign_keys", "secure_delete", "temp_store")
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in names}


OnConnect = Callable[[Any], None]
