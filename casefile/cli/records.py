"""Commands that create, add, list and search records."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from casefile.cli.common import actor, open_from_args
from casefile.cli.output import emit_json, emit_lines, jsonable, short
from casefile.cli.passphrases import check_new, prompt, read_passphrase_file
from casefile.domain.enums import Period, Protection, Qualifier, QuoteStatus, SourceKind
from casefile.domain.errors import CasefileError
from casefile.domain.ids import parse_id
from casefile.domain.records import Claim, ClaimDraft, QuoteDraft, SourceDraft
from casefile.domain.validation import parse_date, parse_decimal, parse_enum
from casefile.services import (
    claims,
    contradictions,
    documents,
    notes,
    quotes,
    search,
    sources,
    tags,
)
from casefile.services.case import create_case, get_case

LISTABLE = ("sources", "quotes", "claims", "contradictions", "documents", "tags", "notes")
CaseArg = Callable[[argparse.ArgumentParser], None]


def add_parsers(add: Any, case_arg: CaseArg) -> None:
    p = add.add_parser("source", help="add a source")
    case_arg(p)
    p.add_argument("--name", required=True)
    p.add_argument("--pseudonym", default="")
    p.add_argument("--protection", default="named", help="named|background|anonymous|never_reveal")
    p.add_argument("--kind", default="person", help="person|organisation|document|recording|other")
    p.add_argument("--role", default="")
    p.add_argument("--contact", default="")
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_add_source)

    p = add.add_parser("quote", help="add a quote")
    case_arg(p)
    p.add_argument("--text", required=True)
    p.add_argument("--source", metavar="ID")
    p.add_argument("--said-on", metavar="DATE")
    p.add_argument("--status", default="unverified")
    p.set_defaults(run=run_add_quote)

    p = add.add_parser("claim", help="add a claimed number")
    case_arg(p)
    p.add_argument("--subject", required=True)
    p.add_argument("--value", required=True)
    p.add_argument("--value-max")
    p.add_argument(
        "--qualifier", default="exact", help="exact|about|nearly|up_to|less_than|at_least|more_than"
    )
    p.add_argument("--unit", required=True, help="USD, EUR, people, months, …")
    p.add_argument("--period", default="total", help="total|hour|day|week|month|year")
    p.add_argument("--per", default="", help="what the number is per, e.g. fighter")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--source", metavar="ID")
    p.add_argument("--raw", default="", help="the number as written")
    p.set_defaults(run=run_add_claim)


def run_new(args: argparse.Namespace) -> int:
    passphrase: str | None = None
    if not args.no_encryption:
        if args.passphrase_file is not None:
            passphrase = read_passphrase_file(args.passphrase_file)
        else:
            passphrase = prompt("New passphrase for the case", confirm=True)
            if passphrase is None:
                raise CasefileError(
                    "a new case is encrypted and needs a passphrase",
                    hint="give --passphrase-file F, or --no-encryption for a plain case",
                )
        check_new(passphrase)
    with create_case(
        args.case, title=args.title, summary=args.summary, passphrase=passphrase, actor=actor()
    ) as case:
        with case.read() as s:
            info = get_case(s)
        if args.json:
            emit_json({**jsonable(info), "path": str(case.path), "encrypted": case.encrypted})
        else:
            state = "encrypted" if case.encrypted else "NOT encrypted"
            emit_lines([f"created {case.path} ({state})", f"id {info.id}"])
    return 0


def _added(args: argparse.Namespace, value: Any, label: str) -> int:
    if args.json:
        emit_json(_record_json(value))
    else:
        emit_lines([f"added {label} {value.id}"])
    return 0


def _record_json(value: Any) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(value)
    if isinstance(value, Claim):
        data["currency"] = value.unit if value.unit.isupper() and len(value.unit) == 3 else None
    return data


def run_add_source(args: argparse.Namespace) -> int:
    draft = SourceDraft(
        name=args.name,
        pseudonym=args.pseudonym,
        protection=parse_enum("protection", Protection, args.protection),
        kind=parse_enum("kind", SourceKind, args.kind),
        role=args.role,
        contact=args.contact,
        notes=args.notes,
    )
    with open_from_args(args) as case, case.transaction(actor()) as s:
        value = sources.add(s, draft)
    return _added(args, value, "source")


def run_add_quote(args: argparse.Namespace) -> int:
    draft = QuoteDraft(
        text=args.text,
        source_id=parse_id(args.source, field="--source") if args.source else None,
        said_on=parse_date("--said-on", args.said_on),
        status=parse_enum("status", QuoteStatus, args.status),
    )
    with open_from_args(args) as case, case.transaction(actor()) as s:
        value = quotes.add(s, draft)
    return _added(args, value, "quote")


def run_add_claim(args: argparse.Namespace) -> int:
    draft = ClaimDraft(
        subject=args.subject,
        value=parse_decimal("--value", args.value),
        value_max=None if args.value_max is None else parse_decimal("--value-max", args.value_max),
        qualifier=parse_enum("qualifier", Qualifier, args.qualifier),
        unit=args.unit,
        period=parse_enum("period", Period, args.period),
        per=args.per,
        as_of=parse_date("--as-of", args.as_of),
        source_id=parse_id(args.source, field="--source") if args.source else None,
        raw_text=args.raw,
    )
    with open_from_args(args) as case, case.transaction(actor()) as s:
        value = claims.add(s, draft)
    return _added(args, value, "claim")


def run_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as case, case.read() as s:
        listers: dict[str, Callable[[Any], Sequence[Any]]] = {
            "sources": sources.list_all,
            "quotes": quotes.list_all,
            "claims": claims.list_all,
            "contradictions": contradictions.list_all,
            "documents": documents.list_info,
            "tags": tags.list_all,
            "notes": notes.list_all,
        }
        items = listers[args.what](s)
    if args.json:
        emit_json([_record_json(v) for v in items])
    else:
        emit_lines([_line(args.what, v) for v in items] or [f"no {args.what}"])
    return 0


def _line(what: str, v: Any) -> str:
    if what == "sources":
        alias = f" ({v.pseudonym})" if v.pseudonym else ""
        return f"{v.id}  {v.protection.value:<12}  {v.name}{alias}"
    if what == "quotes":
        return f"{v.id}  {v.status.value:<10}  {short(v.text)}"
    if what == "claims":
        rng = f"{v.value}–{v.value_max}" if v.value_max is not None else f"{v.value}"
        per = "" if v.period.value == "total" else f"/{v.period.value}"
        return f"{v.id}  {v.subject}: {v.qualifier.value} {rng} {v.unit}{per}"
    if what == "contradictions":
        return f"{v.id}  {v.status.value:<9}  {v.kind.value:<9}  {short(v.description)}"
    if what == "documents":
        return f"{v.id}  {short(v.title, 50)}  ({v.text_length:,} characters)"
    if what == "tags":
        return f"{v.id}  {v.name}"
    return f"{v.id}  {short(v.text)}"


def run_search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 10_000:
        raise CasefileError("--limit must be between 1 and 10000")
    with open_from_args(args) as case, case.read() as s:
        hits = search.search(s, args.query, limit=args.limit)
    if args.json:
        emit_json(hits)
    else:
        emit_lines(
            [
                f"{h.kind.value:<9} {h.id}  {short(h.title, 40)}  {short(h.snippet, 60)}"
                for h in hits
            ]
            or ["no results"]
        )
    return 0
