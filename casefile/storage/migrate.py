"""Runs the Alembic migrations on an open connection; knows the schema version of this build."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

# PRAGMA user_version written by the newest migration. Bump together with every new migration;
# a test checks the two agree.
SCHEMA_VERSION = 5

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}
