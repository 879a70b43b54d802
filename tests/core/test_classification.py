"""Every stored column has a privacy class; the policy is driven by that table alone."""

from casefile.privacy.classification import CLASSIFICATION, FieldClass, identifying_fields
from casefile.storage.records import Base


def test_every_column_of_every_table_is_classified() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name not in CLASSIFICATION.get(table.name, {})
    ]
    assert missing == []


def test_classification_names_no_column_that_does_not_exist() -> None:
    real = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    stale = [
        f"{table}.{column}"
        for table, columns in CLASSIFICATION.items()
        for column in columns
        if column not in real.get(table, set())
    ]
    assert stale == []


def test_a_source_s_real_name_and_contact_are_identifying() -> None:
    assert {"name", "contact", "notes"} <= identifying_fields("sources")
    assert CLASSIFICATION["sources"]["pseudonym"] is FieldClass.CONFIDENTIAL
    assert CLASSIFICATION["sources"]["protection"] is FieldClass.PUBLIC
