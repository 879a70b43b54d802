"""How a source is shown and cited, by where it appears. The one rule every output follows."""

from __future__ import annotations

from enum import StrEnum

from casefile.domain.enums import Protection

PROTECTED_PLACEHOLDER = "(protected source)"
MASKED_CONTACT = "••••••"


class Audience(StrEnum):
    """Who an output is for. REDACTED (the default) follows the protection levels; FULL does not."""

    REDACTED = "redacted"
    FULL = "full"


def cited_name(name: str, pseudonym: str, protection: Protection, audience: Audience) -> str:
    """The name a redacted export or printout may carry (pseudonym for every non-named source)."""
    if audience is Audience.FULL or protection is Protection.NAMED:
        return name
    return pseudonym or PROTECTED_PLACEHOLDER


def screen_name(
    name: str,
    pseudonym: str,
    protection: Protection | None,
    *,
    revealed: bool = False,
    privacy_screen: bool = False,
) -> str:
    """The name the window shows. Masked identities show their pseudonym until revealed; the
    privacy screen masks them even when revealed."""
    if protection is None or not protection.masks_identity:
        return name
    if revealed and not privacy_screen:
        return name
    return pseudonym or PROTECTED_PLACEHOLDER


def screen_contact(
    contact: str, protection: Protection | None, *, revealed: bool, privacy_screen: bool
) -> str:
    """Contact details: hidden under the privacy screen for everyone, and for masked sources
    until revealed."""
    if not contact:
        return ""
    if privacy_screen:
        return MASKED_CONTACT
    if protection is not None and protection.masks_identity and not revealed:
        return MASKED_CONTACT
    return contact
