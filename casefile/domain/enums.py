"""The closed vocabularies of the data model; their values are what is stored and exported."""

from enum import StrEnum


class RecordKind(StrEnum):
    CASE = "case"
    SOURCE = "source"
    DOCUMENT = "document"
    QUOTE = "quote"
    CLAIM = "claim"
    CONTRADICTION = "contradiction"
    TAG = "tag"
    NOTE = "note"


class Protection(StrEnum):
    """How a source may be named, from least to most protected."""

    NAMED = "named"
    BACKGROUND = "background"
    ANONYMOUS = "anonymous"
    NEVER_REVEAL = "never_reveal"

    @property
    def masks_identity(self) -> bool:
        """True when the real name is hidden on screen and in redacted output."""
        return self in (Protection.ANONYMOUS, Protection.NEVER_REVEAL)

    @property
    def cited_by_pseudonym(self) -> bool:
        """True when outputs cite the source by pseudonym rather than by name."""
        return self is not Protection.NAMED

    @property
    def label(self) -> str:
        return _PROTECTION_LABELS[self]


_PROTECTION_LABELS = {
    Protection.NAMED: "Named",
    Protection.BACKGROUND: "On background",
    Protection.ANONYMOUS: "Anonymous",
    Protection.NEVER_REVEAL: "Never reveal",
}


class SourceKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    DOCUMENT = "document"
    RECORDING = "recording"
    OTHER = "other"


class Reliability(StrEnum):
    """Admiralty-style source reliability grades."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def label(self) -> str:
        return _RELIABILITY_LABELS[self]


_RELIABILITY_LABELS = {
    Reliability.A: "A — completely reliable",
    Reliability.B: "B — usually reliable",
    Reliability.C: "C — fairly reliable",
    Reliability.D: "D — not usually reliable",
    Reliability.E: "E — unreliable",
    Reliability.F: "F — reliability cannot be judged",
}


class QuoteStatus(StrEnum):
    UNVERIFIED = "unverified"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    RETRACTED = "retracted"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    PARAPHRASE = "paraphrase"


class Medium(StrEnum):
    """Where or how a quote was obtained."""

    DOCUMENT = "document"
    INTERVIEW = "interview"
    PHONE = "phone"
    STATEMENT = "statement"
    MESSAGE = "message"
    OTHER = "other"


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    UP_TO = "up_to"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"


class Period(StrEnum):
    """The time base of a rate; TOTAL means the number is not a rate."""

    TOTAL = "total"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class ContradictionKind(StrEnum):
    NUMERIC = "numeric"
    DURATION = "duration"
    DATE = "date"
    NAME = "name"
    STATEMENT = "statement"


class ContradictionOrigin(StrEnum):
    DETECTED = "detected"
    MANUAL = "manual"


class ContradictionStatus(StrEnum):
    OPEN = "open"
    EXPLAINED = "explained"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
