"""`casefile intake CASE FILE`: a document in, its candidate quotes and numbers out (and with
--accept, stored with their speakers)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casefile.cli.common import actor, open_from_args
from casefile.cli.output import emit_json, emit_lines, jsonable, short
from casefile.domain.validation import parse_date
from casefile.intake import PROPOSED, read_file
from casefile.services import intake


def add_parsers(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser("intake", help="add a document and propose its quotes and numbers")
    case_arg(p)
    p.add_argument("file", type=Path, metavar="FILE", help=".txt, .md, .html, .docx or .pdf")
    p.add_argument("--title", default="")
    p.add_argument("--origin", default="", help="publisher or where it came from")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD)")
    p.add_argument(
        "--accept", action="store_true", help="store the proposed candidates (not the unsure ones)"
    )
    p.add_argument("--accept-all", action="store_true", help="store every candidate, unsure too")
    p.set_defaults(run=run_intake)


def run_intake(args: argparse.Namespace) -> int:
    read = read_file(args.file)  # refuses unknown, oversized, encrypted or unreadable files first
    published = parse_date("--published", args.published)
    result = intake.propose(read.text)
    with open_from_args(args) as case, case.transaction(actor()) as s:
        document = intake.add_document(
            s, read, title=args.title, origin=args.origin, published_on=published
        )
        storing = args.accept or args.accept_all
        quotes, numbers = result.quotes, result.numbers
        if not args.accept_all:
            quotes = tuple(q for q in quotes if q.confidence >= PROPOSED)
            # figures without a unit are never stored, but listed below to be added by hand
            numbers = tuple(n for n in numbers if n.confidence >= PROPOSED or not n.unit.strip())
        held_back = len(result.quotes) + len(result.numbers) - len(quotes) - len(numbers)
        report = intake.accept(s, document, quotes, numbers) if storing else None
    out: dict[str, Any] = {
        "document_id": document.id,
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.start,
                "end": q.end,
                "kind": q.kind.value,
                "confidence": q.confidence,
            }
            for q in result.quotes
        ],
        "claims": [
            {
                "raw": n.raw,
                "value": jsonable(n.value),
                "value_max": jsonable(n.value_max),
                "qualifier": n.qualifier.value,
                "unit": n.unit,
                "currency": n.currency,
                "period": n.period.value,
                "per": n.per,
                "subject": n.subject,
                "speaker": n.speaker,
                "start": n.start,
                "end": n.end,
                "kind": n.kind.value,
                "confidence": n.confidence,
            }
            for n in result.numbers
        ],
        "dates": [{"raw": d.raw, "start": d.start, "end": d.end} for d in result.dates],
    }
    if report is not None:
        out["accepted"] = {
            "quotes": [q.id for q in report.quotes],
            "claims": [c.id for c in report.claims],
            "sources_created": [src.id for src in report.sources_created],
            "sources_matched": [src.id for src in report.sources_matched],
            "needs_unit": [
                {"raw": n.raw, "start": n.start, "end": n.end} for n in report.needs_unit
            ],
            "held_back": held_back,
        }
    if args.json:
        emit_json(out)
    else:
        lines = [
            f"document {document.id}: "
            f"{len(result.quotes)} quotes, {len(result.numbers)} numbers found"
        ]
        lines += [
            f"  quote  {short(q.text, 60)}  — {q.speaker or '(no speaker)'}" for q in result.quotes
        ]
        lines += [f"  number {n.raw}  → {n.value} {n.unit} ({n.subject})" for n in result.numbers]
        if report is not None:
            lines.append(
                f"stored {len(report.quotes)} quotes and {len(report.claims)} numbers; "
                f"{len(report.sources_created)} new sources"
            )
            if held_back:
                lines.append(
                    f"held back: {held_back} unsure candidates (scare quotes, figures without "
                    "a clear claim); store them too with --accept-all"
                )
            if report.needs_unit:
                lines.append(
                    f"not stored: {len(report.needs_unit)} numbers whose unit the text does "
                    "not say; add them with `casefile add claim … --unit UNIT`:"
                )
                lines += [f"  {n.raw}  (characters {n.start}–{n.end})" for n in report.needs_unit]
        emit_lines(lines)
    return 0
