"""Record identities: random UUIDs, the identity used when cases are merged."""

import uuid
from typing import NewType

RecordId = NewType("RecordId", str)


def new_id() -> RecordId:
    return RecordId(str(uuid.uuid4()))


def parse_id(text: str, *, field: str = "id") -> RecordId:
    """Validates a user-supplied id; raises InvalidValue with the field name on bad input."""
    from casefile.domain.errors import InvalidValue

    try:
        return RecordId(str(uuid.UUID(text.strip())))
    except (ValueError, AttributeError):
        raise InvalidValue(field, "not a record id", hint="ids look like 1b4e28ba-2fa1-…") from None
