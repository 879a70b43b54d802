"""Lists for the window: ids sorted and filtered in SQL, rows by id, masked display order."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.domain.enums import Protection, QuoteStatus, RecordKind
from casefile.domain.errors import InvalidValue
from casefile.services import listing, quotes, sources
from casefile.services.case import OpenCase
from casefile.services.listing import ListQuery
from tests import factories


def test_sources_sort_by_display_name_so_hidden_names_do_not_order_the_list(case: OpenCase) -> None:
    with case.transaction() as s:
        a = sources.add(s, factories.source(name="Zed Named"))
        b = sources.add(
            s,
            factories.source(
                name="Aaron Hidden", pseudonym="m relative", protection=Protection.ANONYMOUS
            ),
        )
        c = sources.add(s, factories.source(name="Bob Named"))
    with case.read() as s:
        order = listing.ids(s, ListQuery(RecordKind.SOURCE, sort="name"))
    assert order == [c.id, b.id, a.id]  # "Bob", "m relative", "Zed"


def test_quotes_filter_by_status_source_and_date(case: OpenCase) -> None:
    with case.transaction() as s:
        src = sources.add(s, factories.source())
        q1 = quotes.add(s, factories.quote(source_id=src.id, said_on=date(2026, 5, 1)))
        quotes.add(s, factories.quote(status=QuoteStatus.CONFIRMED, said_on=date(2026, 6, 1)))
    with case.read() as s:
        assert listing.ids(s, ListQuery(RecordKind.QUOTE, filters={"source_id": src.id})) == [q1.id]
        assert listing.ids(
            s, ListQuery(RecordKind.QUOTE, filters={"status": QuoteStatus.UNVERIFIED})
        ) == [q1.id]
        assert listing.ids(
            s, ListQuery(RecordKind.QUOTE, filters={"date_to": date(2026, 5, 15)})
        ) == [q1.id]
        key = listing.key_of(s, RecordKind.QUOTE, q1.id)
        assert key is not None
        assert listing.count(s, ListQuery(RecordKind.QUOTE, filters={"source_id": src.id})) == 1
        assert listing.keys(s, ListQuery(RecordKind.QUOTE, filters={"source_id": src.id})) == [key]
        rows = listing.rows(s, RecordKind.QUOTE, [key])
    assert rows[key].source_name == "Akram Testname"
    assert rows[key].id == q1.id


def test_unknown_sorts_and_filters_are_refused(case: OpenCase) -> None:
    with case.read() as s, pytest.raises(InvalidValue):
        listing.ids(s, ListQuery(RecordKind.SOURCE, sort="name; DROP TABLE sources"))
    with case.read() as s, pytest.raises(InvalidValue):
        listing.ids(s, ListQuery(RecordKind.SOURCE, filters={"evil": 1}))
