"""Export and import of a large case (200k quotes, 1,000 sources): where the time goes.

Run: .venv/bin/python -m benchmarks.bench_exchange [--quotes N]
The payload is measured without encryption (age throughput is benchmarks/bench_age.py's);
one sealed export with the product's passphrase settings is timed end to end as well.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.common import fill_case, report, scratch
from casefile.exchange import strict_json
from casefile.exchange.merge import plan
from casefile.exchange.payload import build
from casefile.exchange.payload_incoming import read_payload
from casefile.exchange.review import review_findings
from casefile.services import exchange_ids, snapshot
from casefile.services.case import create_case
from casefile.services.exchange import Sealing, export_case, passphrase_sealing
from casefile.services.exchange_import import import_file


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotes", type=int, default=200_000)
    args = parser.parse_args()
    folder = scratch("exchange")
    rows: list[tuple[str, str]] = []

    def step(label: str, start: float) -> float:
        now = time.perf_counter()
        rows.append((label, f"{now - start:7.2f} s"))
        return now

    source = create_case(folder / "a.casefile", title="Bench", passphrase=None, actor="bench")
    t = time.perf_counter()
    fill_case(source, quotes=args.quotes)
    t = step(f"fill case ({args.quotes:,} quotes)", t)
    with source.read() as s:
        whole = snapshot.take(s)
    t = step("snapshot of the whole case", t)
    findings = review_findings(whole)
    t = step(f"review findings ({len(findings):,} found)", t)
    built = build(whole, full=True)
    t = step("build payload (full)", t)
    data = strict_json.dumps(built.payload)
    t = step(f"JSON out ({len(data) / 1e6:.0f} MB)", t)
    incoming = read_payload(strict_json.loads(data))
    t = step("strict JSON in + schema + checks", t)
    with source.read() as s:
        merge = plan(incoming, whole, exchange_ids.rows(s))
    step("merge plan (no exchange history)", t)
    del merge, incoming, data, built

    plain = Sealing(encrypt=lambda p: p)
    t = time.perf_counter()
    export_case(source, folder / "x.casefile.age", sealing=plain, acknowledged=True)
    t = step("export_case, redacted, unencrypted (end to end)", t)
    target = create_case(folder / "b.casefile", title="Empty", passphrase=None, actor="bench")
    t = time.perf_counter()
    first = import_file(target, folder / "x.casefile.age", decrypt=lambda d: d)
    t = step(f"import into an empty case ({sum(first.added.values()):,} added)", t)
    again = import_file(target, folder / "x.casefile.age", decrypt=lambda d: d)
    t = step(f"import of the same file again ({again.unchanged:,} unchanged)", t)
    export_case(target, folder / "y.casefile.age", sealing=plain, full=True)
    t = step("colleague's export back (links to earlier ids)", t)
    back = import_file(source, folder / "y.casefile.age", decrypt=lambda d: d)
    t = step(f"import back at the exporter ({back.unchanged:,} matched)", t)
    export_case(
        source,
        folder / "z.casefile.age",
        sealing=passphrase_sealing("bench pass"),
        acknowledged=True,
    )
    step("export_case, redacted, age passphrase 2^18 (incl. read-back check)", t)
    report(f"exchange, {args.quotes:,} quotes", rows)
    source.close()
    target.close()


if __name__ == "__main__":
    main()
