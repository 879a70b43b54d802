"""Commands that compare numbers: detect contradictions, set exchange rates, merge subjects."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.common import actor, open_from_args
from casefile.cli.output import emit_json, emit_lines
from casefile.services import analysis


def add_parsers(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser(
        "detect", help="find claims that cannot all be true; new ones join the ledger"
    )
    case_arg(p)
    p.set_defaults(run=run_detect)

    p = sub.add_parser("rate", help="set (or with no RATE, remove) an exchange rate on the case")
    case_arg(p)
    p.add_argument("currency", help="a three-letter code, e.g. EUR")
    p.add_argument("rate", nargs="?", help="what 1 of it is worth in the case's base currency")
    p.set_defaults(run=run_rate)

    p = sub.add_parser("merge-subjects", help="treat two subjects as one (renames the first)")
    case_arg(p)
    p.add_argument("merged", help="the subject that goes away")
    p.add_argument("into", help="the subject it becomes")
    p.set_defaults(run=run_merge)


def run_detect(args: argparse.Namespace) -> int:
    with open_from_args(args) as case, case.transaction(actor()) as s:
        result = analysis.run_detection(s)
    items = []
    for candidate in result.candidates:
        stored = result.stored[candidate.signature]
        items.append(
            {
                "kind": candidate.kind.value,
                "members": list(candidate.members),
                "reason": candidate.reason,
                "contradiction_id": stored.id,
                "status": stored.status.value,
                "new": result.is_new(candidate),
            }
        )
    if args.json:
        emit_json(items)
    else:
        lines = [f"{'NEW ' if i['new'] else ''}[{i['status']}] {i['reason']}" for i in items]
        emit_lines(lines or ["no contradictions found between the case's numbers"])
    return 0


def run_rate(args: argparse.Namespace) -> int:
    with open_from_args(args) as case, case.transaction(actor()) as s:
        current = analysis.set_rate(s, args.currency, args.rate)
        _, base = analysis.rates(s)
    if args.json:
        emit_json({"base_currency": base, "rates": {k: str(v) for k, v in current.items()}})
    else:
        emit_lines(
            [f"1 {code} = {value} {base}" for code, value in current.items()] or ["no rates set"]
        )
    return 0


def run_merge(args: argparse.Namespace) -> int:
    with open_from_args(args) as case, case.transaction(actor()) as s:
        changed = analysis.merge_subjects(s, args.merged, args.into)
    if args.json:
        emit_json({"claims_changed": len(changed)})
    else:
        emit_lines([f"{len(changed)} claims now count '{args.into}'"])
    return 0
