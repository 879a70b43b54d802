"""The first schema: case, sources, documents, quotes, claims, contradictions, tags, notes,
the append-only change log and the full-text search index.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Search index rowid = kind code << 40 | record pk (pk is an INTEGER PRIMARY KEY, stable across
# copies); the kind codes are part of the file format.
FTS_SOURCES = {
    "sources": (
        1,
        "coalesce(new.name,'') || char(10) || coalesce(new.pseudonym,'')",
        "coalesce(new.role,'') || char(10) || coalesce(new.affiliation,'') || char(10) || "
        "coalesce(new.location,'') || char(10) || coalesce(new.contact,'') || char(10) || "
        "coalesce(new.notes,'') || char(10) || coalesce(new.reliability_note,'') || char(10) || "
        "coalesce(new.first_contact_how,'')",
    ),
    "documents": (
        2,
        "coalesce(new.title,'')",
        "coalesce(new.origin,'') || char(10) || coalesce(new.file_name,'') || char(10) || "
        "coalesce(new.text,'')",
    ),
    "quotes": (
        3,
        "''",
        "coalesce(new.text,'') || char(10) || coalesce(new.context,'') || char(10) || "
        "coalesce(new.place,'')",
    ),
    "claims": (
        4,
        "coalesce(new.subject,'')",
        "coalesce(new.raw_text,'') || char(10) || coalesce(new.unit,'') || char(10) || "
        "coalesce(new.note,'')",
    ),
    "notes": (5, "''", "coalesce(new.text,'')"),
}


def _meta() -> list[sa.Column[object]]:
    return [
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    ]


def _unique_id(table: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint("id", name=f"uq_{table}_id")


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {0x43415345}")
    op.create_table(
        "case_info",
        *_meta(),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("languages", sa.String(200), nullable=False),
        _unique_id("case_info"),
        sa.PrimaryKeyConstraint("pk", name="pk_case_info"),
    )
    op.create_table(
        "sources",
        *_meta(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("pseudonym", sa.String(500), nullable=False),
        sa.Column("protection", sa.String(32), nullable=False),
        sa.Column("role", sa.String(2000), nullable=False),
        sa.Column("affiliation", sa.String(2000), nullable=False),
        sa.Column("location", sa.String(2000), nullable=False),
        sa.Column("contact", sa.String(2000), nullable=False),
        sa.Column("reliability", sa.String(32), nullable=True),
        sa.Column("reliability_note", sa.Text, nullable=False),
        sa.Column("first_contact_on", sa.Date, nullable=True),
        sa.Column("first_contact_how", sa.String(2000), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        _unique_id("sources"),
        sa.PrimaryKeyConstraint("pk", name="pk_sources"),
    )
    op.create_index("ix_sources_name", "sources", ["name"])
    op.create_index("ix_sources_protection", "sources", ["protection"])
    op.create_table(
        "documents",
        *_meta(),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("origin", sa.String(2000), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("published_on", sa.Date, nullable=True),
        sa.Column("retrieved_on", sa.Date, nullable=True),
        sa.Column("language", sa.String(50), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        _unique_id("documents"),
        sa.PrimaryKeyConstraint("pk", name="pk_documents"),
    )
    op.create_table(
        "quotes",
        *_meta(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_id", sa.String(36), nullable=True),
        sa.Column("document_id", sa.String(36), nullable=True),
        sa.Column("span_start", sa.Integer, nullable=True),
        sa.Column("span_end", sa.Integer, nullable=True),
        sa.Column("medium", sa.String(32), nullable=True),
        sa.Column("place", sa.String(2000), nullable=False),
        sa.Column("said_on", sa.Date, nullable=True),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("language", sa.String(50), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_quotes_source_id_sources"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_quotes_document_id_documents"
        ),
        sa.CheckConstraint(
            "span_start IS NULL OR span_end >= span_start", name="ck_quotes_span_order"
        ),
        _unique_id("quotes"),
        sa.PrimaryKeyConstraint("pk", name="pk_quotes"),
    )
    for column in ("source_id", "document_id", "said_on", "status"):
        op.create_index(f"ix_quotes_{column}", "quotes", [column])
    op.create_table(
        "claims",
        *_meta(),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("value_max", sa.Text, nullable=True),
        sa.Column("qualifier", sa.String(32), nullable=False),
        sa.Column("unit", sa.String(100), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("per", sa.String(200), nullable=False),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("source_id", sa.String(36), nullable=True),
        sa.Column("quote_id", sa.String(36), nullable=True),
        sa.Column("document_id", sa.String(36), nullable=True),
        sa.Column("span_start", sa.Integer, nullable=True),
        sa.Column("span_end", sa.Integer, nullable=True),
        sa.Column("raw_text", sa.String(2000), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_claims_source_id_sources"),
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], name="fk_claims_quote_id_quotes"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_claims_document_id_documents"
        ),
        _unique_id("claims"),
        sa.PrimaryKeyConstraint("pk", name="pk_claims"),
    )
    for column in ("source_id", "quote_id", "document_id", "subject", "unit"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_table(
        "contradictions",
        *_meta(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("settle_by", sa.Text, nullable=False),
        sa.Column("resolution", sa.Text, nullable=False),
        sa.Column("signature", sa.String(200), nullable=False),
        _unique_id("contradictions"),
        sa.PrimaryKeyConstraint("pk", name="pk_contradictions"),
    )
    op.create_index("ix_contradictions_status", "contradictions", ["status"])
    op.create_index("ix_contradictions_signature", "contradictions", ["signature"])
    op.create_table(
        "contradiction_members",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("contradiction_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.String(36), nullable=True),
        sa.Column("quote_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(
            ["contradiction_id"],
            ["contradictions.id"],
            name="fk_contradiction_members_contradiction_id_contradictions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_contradiction_members_claim_id_claims"
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name="fk_contradiction_members_quote_id_quotes"
        ),
        sa.CheckConstraint(
            "(claim_id IS NULL) <> (quote_id IS NULL)", name="ck_contradiction_members_one_member"
        ),
        sa.PrimaryKeyConstraint("pk", name="pk_contradiction_members"),
    )
    for column in ("contradiction_id", "claim_id", "quote_id"):
        op.create_index(f"ix_contradiction_members_{column}", "contradiction_members", [column])
    op.create_table(
        "tags",
        *_meta(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("color", sa.String(20), nullable=False),
        _unique_id("tags"),
        sa.PrimaryKeyConstraint("pk", name="pk_tags"),
    )
    op.create_table(
        "record_tags",
        sa.Column("tag_id", sa.String(36), nullable=False),
        sa.Column("record_kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_record_tags_tag_id_tags", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tag_id", "record_kind", "record_id", name="pk_record_tags"),
    )
    op.create_index(
        "ix_record_tags_record_kind_record_id", "record_tags", ["record_kind", "record_id"]
    )
    op.create_table(
        "notes",
        *_meta(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("target_kind", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=True),
        _unique_id("notes"),
        sa.PrimaryKeyConstraint("pk", name="pk_notes"),
    )
    op.create_index("ix_notes_target_kind_target_id", "notes", ["target_kind", "target_id"])
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("record_kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_change_log"),
    )
    op.create_index(
        "ix_change_log_record_kind_record_id", "change_log", ["record_kind", "record_id"]
    )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER change_log_no_{action.lower()} BEFORE {action} ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END"
        )
    create_search_index()
    op.execute("PRAGMA user_version = 1")


def create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', "
        "contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    # Deleted entries are removed from the index at once, not left until a merge.
    op.execute("INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 1)")
    for table, (code, title, body) in FTS_SOURCES.items():
        create_search_triggers(table, code, title, body)


def _indexed_columns(title: str, body: str) -> str:
    import re

    return ", ".join(dict.fromkeys(re.findall(r"new\.(\w+)", title + body)))


def create_search_triggers(table: str, code: int, title: str, body: str) -> None:
    """Keeps the index in step with a table; updates re-index only when indexed text changes."""
    new_row = f"({code} << 40) + new.pk"
    old_row = f"({code} << 40) + old.pk"
    op.execute(
        f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO search_index(rowid, title, body) VALUES ({new_row}, {title}, {body}); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_row}; END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {_indexed_columns(title, body)} "
        f"ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_row}; "
        f"INSERT INTO search_index(rowid, title, body) VALUES ({new_row}, {title}, {body}); END"
    )
