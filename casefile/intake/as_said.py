"""Words as they were said, without the layout of the page they were found on."""

from __future__ import annotations

import re

from casefile.intake.charclasses import LINE_BREAKS

# A word broken at the end of a line, the line going on in lower case: "recruit-\nment".
_BROKEN_WORD = re.compile(rf"(?<=\w)-[ \t]*[{LINE_BREAKS}]+[ \t]*(?=\w)")
# Whitespace holding a line break: a wrapped line, not a pause in someone's words.
_WRAP = re.compile(rf"[ \t]*[{LINE_BREAKS}][\s]*")


def as_said(text: str) -> str:
    """`text` (a quotation or a figure as found in a document) rejoined across line breaks:
    wrapped lines become one, and a word hyphenated at a line's end is whole again when the
    line goes on in lower case ("recruit-\\nment" is "recruitment", "Thai-\\nland" is
    "Thailand"; "Indo-\\nNepal" keeps its hyphen). A compound broken at its own hyphen
    ("state-\\nbacked") loses it: typeset text breaks far more words than compounds there, and
    the document and the span keep the text as it was."""
    joined = _BROKEN_WORD.sub(_unbroken, text)
    return _WRAP.sub(" ", joined)


def _unbroken(match: re.Match[str]) -> str:
    before, after = match.string[match.start() - 1], match.string[match.end()]
    return "" if before.isalpha() and after.islower() else "-"  # "2,000-\n3,000": a range
