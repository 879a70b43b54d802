"""Tables typed as text (tabs, bars or runs of spaces): the header and row label of each cell."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from casefile.intake.layout import Span, is_blank, line_spans

_CELL_SEPARATOR = re.compile(r"\t+| {2,}|[ \t]*[|│┃][ \t]*")
_RULE_LINE = re.compile(r"[ \t]*[-=+|:─━┼]{3,}[-=+|:─━┼ \t]*")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_CELL = 60  # longer "cells" are prose typed with two spaces after a full stop


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a text table with the header of its column and the label of its row."""

    start: int
    end: int
    header: str
    row_label: str


@dataclass(frozen=True, slots=True)
class TableCells:
    """The cells of every table in a text, sorted, to find the cell around a position."""

    cells: list[Cell]
    starts: list[int]

    def at(self, position: int) -> Cell | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.cells[index].end:
            return self.cells[index]
        return None


def _cells(text: str, line: Span) -> list[Span]:
    cells: list[Span] = []
    start = line[0]
    for separator in _CELL_SEPARATOR.finditer(text, line[0], line[1]):
        if separator.start() > start:
            cells.append((start, separator.start()))
        start = separator.end()
    if start < line[1]:
        cells.append((start, line[1]))
    return [c for c in (_strip(text, c) for c in cells) if c[0] < c[1]]


def _strip(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_tables(text: str) -> TableCells:
    """Every cell of every table (two rows or more of two cells or more) in `text`."""
    found: list[Cell] = []
    rows: list[tuple[Span, list[Span]]] = []
    for line in [*line_spans(text), (len(text) + 1, len(text) + 1)]:
        if line[0] <= len(text) and _RULE_LINE.fullmatch(text, line[0], line[1]):
            continue
        cells = _cells(text, line) if line[0] <= len(text) and not is_blank(text, line) else []
        if len(cells) >= 2 and all(end - start <= _MAX_CELL for start, end in cells):
            rows.append((line, cells))
            continue
        if len(rows) >= 2 and any(_DIGIT.search(text, line[0], line[1]) for line, _ in rows):
            found.extend(_table_cells(text, rows))
        rows = []
    found.sort(key=lambda c: c.start)
    return TableCells(found, [c.start for c in found])


def _table_cells(text: str, rows: list[tuple[Span, list[Span]]]) -> list[Cell]:
    header_line, header_cells = rows[0]
    has_header = _is_header(text, header_cells)
    headers = header_cells if has_header else []
    found: list[Cell] = []
    for line, cells in rows[1:] if has_header else rows:
        label_cell = cells[0] if not _DIGIT.search(text, cells[0][0], cells[0][1]) else None
        label = text[label_cell[0] : label_cell[1]] if label_cell else ""
        for index, cell in enumerate(cells):
            if cell is label_cell:
                continue
            header = _header_for(text, headers, header_line, cells=cells, index=index, line=line)
            found.append(Cell(cell[0], cell[1], header, label))
    return found


def _is_header(text: str, cells: list[Span]) -> bool:
    wordy = sum(1 for s, e in cells if _LETTER.search(text, s, e) and not _DIGIT.search(text, s, e))
    return wordy * 2 > len(cells)


def _header_for(
    text: str,
    headers: list[Span],
    header_line: Span,
    *,
    cells: list[Span],
    index: int,
    line: Span,
) -> str:
    if not headers:
        return ""
    if len(cells) == len(headers):
        chosen = headers[index]
    else:
        # Columns aligned with spaces: the header whose middle is nearest the cell's middle.
        cell = cells[index]
        middle = (cell[0] + cell[1]) / 2 - line[0]
        chosen = min(headers, key=lambda h: abs((h[0] + h[1]) / 2 - header_line[0] - middle))
    return text[chosen[0] : chosen[1]]
