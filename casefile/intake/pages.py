"""The pages of a PDF as one text: running heads, footers and page numbers left out, and a
sentence that runs over a page break joined up again."""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(
    r"[ \t]*(?:(?:page|p\.)[ \t]*)?[-–—]?[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
    r"[ \t]*[-–—]?[ \t]*",
    re.IGNORECASE,
)
# A footnote at a page's foot: "3 Interviews were conducted ...", "* Names changed."
_FOOTNOTE = re.compile(r"[ \t]*(?:\d{1,3}|[*†‡])[ \t]+\S")
_EDGE = 2  # lines at the top and at the bottom of a page where running heads and feet sit
_SENTENCE_END = tuple('.!?:;"”’)]»')


def stitch_pages(pages: list[str]) -> str:
    """The text of `pages` (each as extracted from a PDF page) as one document.

    A line found at the top or bottom of at least half the pages (two at least), digits aside,
    is a running head or foot ("Caught at Sea — Fishers' Rights Network 2025", "Page 3 of 9");
    a line that is only a page number is one too. A page that ends mid-sentence and a next
    page that goes on in lower case are one paragraph; other pages are separate paragraphs.
    """
    split = [page.replace("\r\n", "\n").replace("\r", "\n").split("\n") for page in pages]
    furniture = _running_lines(split) if len(split) >= 2 else set()
    texts = ["\n".join(_without_furniture(lines, furniture)) for lines in split]
    paragraphs: list[str] = []
    for text in (t for t in texts if t.strip()):
        following = text.split("\n\n")
        notes: list[str] = []
        while paragraphs and _FOOTNOTE.match(paragraphs[-1]):
            notes.insert(0, paragraphs.pop())  # the page's footnotes, to go after the sentence
        if paragraphs and _runs_on(paragraphs[-1], following[0]):
            paragraphs[-1] += "\n" + following.pop(0)
        paragraphs += notes + following
    return "\n\n".join(p for p in paragraphs if p.strip())


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edges(lines: list[str]) -> list[str]:
    filled = [line for line in lines if line.strip()]
    return filled[:_EDGE] + filled[-_EDGE:] if len(filled) > 2 * _EDGE else filled


def _running_lines(pages: list[list[str]]) -> set[str]:
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_shape(line) for line in _edges(lines)})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in seen.items() if count >= needed and len(shape) > 1}


def _without_furniture(lines: list[str], furniture: set[str]) -> list[str]:
    def is_furniture(line: str) -> bool:
        return not line.strip() or _shape(line) in furniture or bool(_PAGE_NUMBER.fullmatch(line))

    start, end = 0, len(lines)
    while start < end and is_furniture(lines[start]):
        start += 1
    while end > start and is_furniture(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _runs_on(before: str, after: str) -> bool:
    last = before.rstrip()
    first = after.lstrip()
    return bool(last) and not last.endswith(_SENTENCE_END) and first[:1].islower()
