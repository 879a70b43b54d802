"""Whose rupees, whose dirhams: a currency word several countries use, settled by the places
the text is about.

"Rs 900,000" in a story from Kathmandu is Nepal's; "1,500 riyals" next to "Saudi Arabia" is
Saudi. A word is settled only when the evidence is one-sided: the paragraph names one of its
countries and no other, or the whole text names one at least twice and twice as often as any
other. Otherwise the unit stays the word, for the reporter to settle.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from casefile.intake.layout import Span, block_spans
from casefile.intake.number_units import Reading

# For each currency word several countries use: the places that name each country's.
_PLACES: dict[str, dict[str, str]] = {
    "rupee": {
        "NPR": "nepal, nepali, nepalese, kathmandu, pokhara, lalitpur",
        "INR": "india, indian, indians, delhi, mumbai, kolkata, chennai, bengaluru, kerala, bihar",
        "PKR": "pakistan, pakistani, pakistanis, karachi, lahore, islamabad",
        "LKR": "sri lanka, sri lankan, colombo",
    },
    "dirham": {
        "AED": "uae, emirates, emirati, dubai, abu dhabi, sharjah, ajman",
        "MAD": "morocco, moroccan, rabat, casablanca, marrakesh",
    },
    "riyal": {
        "SAR": "saudi, riyadh, jeddah",
        "QAR": "qatar, qatari, doha",
        "OMR": "oman, omani, muscat",
        "YER": "yemen, yemeni, sanaa",
    },
    "rial": {
        "IRR": "iran, iranian, tehran",
        "OMR": "oman, omani, muscat",
        "YER": "yemen, yemeni",
    },
    "dinar": {
        "IQD": "iraq, iraqi, baghdad",
        "JOD": "jordan, jordanian, amman",
        "KWD": "kuwait, kuwaiti",
        "BHD": "bahrain, bahraini, manama",
        "LYD": "libya, libyan, tripoli",
        "TND": "tunisia, tunisian, tunis",
        "DZD": "algeria, algerian, algiers",
    },
    "shilling": {
        "KES": "kenya, kenyan, nairobi",
        "UGX": "uganda, ugandan, kampala",
        "TZS": "tanzania, tanzanian, dar es salaam",
    },
    "peso": {
        "MXN": "mexico, mexican",
        "ARS": "argentina, argentine, buenos aires",
        "COP": "colombia, colombian, bogota, bogotá",
        "CLP": "chile, chilean",
        "PHP": "philippines, philippine, filipino, filipinos, manila",
    },
    "lira": {
        "TRY": "turkey, türkiye, turkish, istanbul, ankara",
        "LBP": "lebanon, lebanese, beirut",
        "SYP": "syria, syrian, damascus",
    },
}
_PATTERNS: dict[str, dict[str, re.Pattern[str]]] = {
    word: {
        code: re.compile(
            r"\b(?:"
            + "|".join(re.escape(place).replace(r"\ ", r"\s+") for place in places.split(", "))
            + r")\b",
            re.IGNORECASE,
        )
        for code, places in countries.items()
    }
    for word, countries in _PLACES.items()
}


_FROM_PLACES = 0.8  # surer than a bare currency word (0.75), less than a code or symbol (0.9)


def settle_currencies(text: str, readings: Sequence[Reading]) -> list[Reading]:
    """The readings, each amount in an ambiguous currency word given the code its places say."""
    open_words = {_word_of(r) for r in readings if r.currency is None} - {None}
    if not open_words:
        return list(readings)
    blocks = block_spans(text)
    block_starts = [start for start, _ in blocks]
    whole = {word: _counts(text, word, (0, len(text))) for word in open_words if word}
    settled = []
    for reading in readings:
        word = _word_of(reading) if reading.currency is None else None
        code = (
            _code_for(text, word, reading.start, blocks=blocks, starts=block_starts, whole=whole)
            if word
            else None
        )
        settled.append(
            replace(reading, currency=code, unit=code, confidence=_FROM_PLACES) if code else reading
        )
    return settled


def _word_of(reading: Reading) -> str | None:
    unit = reading.unit.lower()
    return next((word for word in _PLACES if unit.startswith(word)), None)


def _counts(text: str, word: str, span: Span) -> Counter[str]:
    return Counter(
        {
            code: len(pattern.findall(text, span[0], span[1]))
            for code, pattern in _PATTERNS[word].items()
        }
    )


def _code_for(
    text: str,
    word: str,
    position: int,
    *,
    blocks: list[Span],
    starts: list[int],
    whole: dict[str, Counter[str]],
) -> str | None:
    index = bisect_right(starts, position) - 1
    if index >= 0:
        near = +_counts(text, word, blocks[index])
        if len(near) == 1:
            return next(iter(near))
        if len(near) > 1:
            return None  # "Indian and Nepali recruiters": this paragraph cannot say
    ranked = whole[word].most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= 2 * runner_up else None
