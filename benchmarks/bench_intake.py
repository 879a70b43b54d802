"""Intake figures: extraction time for a generated ~200-page English document (~600k characters)
with quotations, reported speech and numbers, and candidates found per second.

Run: .venv/bin/python benchmarks/bench_intake.py [CHARACTERS]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casefile.intake import extract

PAGE = 3000  # characters on a printed page of reporting
FIRST = ("Lucas", "Ana", "Tiago", "Carla", "Samuel", "Rosa", "Iryna", "Viktor", "Nour", "Samir")
LAST = ("Ferreira", "Mendes", "Nunes", "Okoro", "Jiménez", "Kovalenko", "Bondar", "Haddad")
ARABIC = ("سمير الحلبي", "خالد العلي", "نور الدين حداد")
BODIES = ("the ministry", "the agency", "the union", "a spokesperson for the police")
AMOUNTS = ("$1,500", "$2,000", "€900", "£450", "1,200 dollars", "R$3,000", "96 million hryvnias")
COUNTS = (
    "350 young men",
    "about 40 recruits",
    "at least 120 workers",
    "a dozen fighters",
    "three hundred families",
    "212 work permits",
    "between 20 and 30 people",
)
RATES = ("a month", "per month", "a week", "an hour", "per fighter per month", "")
DURATIONS = ("three-month contracts", "two weeks", "six months", "up to 90 days", "11 months")

SENTENCES = (
    '"We were told it was a driving job," said {name}, {age}, a former driver. "Nobody '
    'mentioned weapons."',
    "{name} said the recruits were paid {amount} {rate} on {duration}.",
    "According to {body}, {count} signed contracts in {year}.",
    '"{count} left in March," {pronoun} told reporters, "and nobody came back."',
    "{body_cap} confirmed that {count} had been registered since {month} {day}, {year}.",
    "The men were promised {amount} {rate}, {name} said, but most were paid less than {amount2}.",
    'In a statement, {body} said: "All contracts were lawful and lasted {duration}."',
    "{arabic} denied that the broker took {amount} from each family.",
    "Figures for {year} show {count} and roughly {percent}% of wages withheld.",
    "The convoy left at 10:30 on {day} {month}, and the 18th Brigade escorted it.",
    "Nearly {small} of them were aged {age} or younger, the report found.",
)
MONTHS = ("January", "March", "May", "July", "September", "November")


def generate_document(characters: int, seed: int = 7) -> str:
    """Varied paragraphs of reporting, `characters` long or a little more."""
    chooser = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < characters:
        sentences = [_sentence(chooser) for _ in range(chooser.randint(2, 5))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _sentence(chooser: random.Random) -> str:
    body = chooser.choice(BODIES)
    return chooser.choice(SENTENCES).format(
        name=f"{chooser.choice(FIRST)} {chooser.choice(LAST)}",
        age=chooser.randint(18, 60),
        amount=chooser.choice(AMOUNTS),
        amount2=chooser.choice(AMOUNTS),
        rate=chooser.choice(RATES),
        duration=chooser.choice(DURATIONS),
        body=body,
        body_cap=body[0].upper() + body[1:],
        count=chooser.choice(COUNTS),
        year=chooser.randint(2015, 2026),
        pronoun=chooser.choice(("she", "he")),
        month=chooser.choice(MONTHS),
        day=chooser.randint(1, 28),
        arabic=chooser.choice(ARABIC),
        percent=chooser.randint(5, 60),
        small=chooser.randint(2, 90),
    )


def main(characters: int) -> None:
    text = generate_document(characters)
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1

    extract(generate_document(5000, seed=1))  # compile the patterns once, outside the timing
    started = time.perf_counter()
    result = extract(text, progress)
    elapsed = time.perf_counter() - started
    found = len(result.quotes) + len(result.numbers) + len(result.dates)
    print(f"document: {len(text):,} characters (~{len(text) // PAGE} pages)")
    print(f"extraction: {elapsed:.2f} s ({len(text) / elapsed / 1000:,.0f}k characters/s)")
    print(
        f"candidates: {len(result.quotes):,} quotes, {len(result.numbers):,} numbers, "
        f"{len(result.dates):,} dates = {found / elapsed:,.0f} candidates/s"
    )
    print(f"progress calls: {calls}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200 * PAGE)
