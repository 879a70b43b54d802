"""The words around numbers: currencies, qualifiers, time units, rates and who is counted."""

from __future__ import annotations

import re

from casefile.domain.enums import Period, Qualifier
from casefile.intake.wordlists import words

# Symbols and codes written before an amount. "$" alone is taken as US dollars, as in most
# English-language reporting; a reporter corrects the rare exception.
CURRENCY_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₺": "TRY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
    "₦": "NGN",
    "₱": "PHP",
    "S$": "SGD",
    "NT$": "TWD",
    "฿": "THB",
    "₫": "VND",
    "₩": "KRW",
    "₭": "LAK",
    "₸": "KZT",
    "₾": "GEL",
    "৳": "BDT",
}
CURRENCY_CODES = words(
    """USD EUR GBP CHF JPY CNY INR TRY SYP LBP IQD JOD EGP AED SAR QAR KWD BHD OMR RUB UAH BRL
    MXN NGN KES ZAR PKR AFN IRR YER SDG LYD TND MAD DZD ILS PLN SEK NOK DKK CAD AUD NZD HKD
    PHP COP ARS CLP PEN VES XOF XAF ETB GHS UGX TZS BDT LKR NPR MMK THB VND IDR MYR SGD KRW
    KHR LAK GEL KZT HUF CZK MWK ZMW SLE GTQ HNL BOB PYG TJS MNT TWD AZN TMT AMD BGN RON MDL"""
)
_SYMBOL_PATTERN = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CODE_PATTERN = "|".join(sorted(CURRENCY_CODES))
CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_CODE_PATTERN})[ \t\u00a0]?|{_SYMBOL_PATTERN})$"
)
CURRENCY_CODE_AFTER = re.compile(rf"[ \t\u00a0]?(?:{_CODE_PATTERN})\b")
# Letters written before an amount: "Rs 900,000", "KSh 45,000", "Sh120,000", "Tk 8,000".
# Some say whose currency ("NRs" is Nepal's, "KSh" Kenya's); the others ("Rs", "Sh", "Dh")
# stay a currency word with no code, for the places named around them to settle.
LETTER_PREFIXES: dict[str, tuple[str | None, str]] = {
    "NRs": ("NPR", ""),
    "Rs": (None, "rupees"),
    "KShs": ("KES", ""),
    "KSh": ("KES", ""),
    "Kshs": ("KES", ""),
    "Ksh": ("KES", ""),
    "USh": ("UGX", ""),
    "TSh": ("TZS", ""),
    "Shs": (None, "shillings"),
    "Sh": (None, "shillings"),
    "Tk": ("BDT", ""),
    "Rp": ("IDR", ""),
    "RM": ("MYR", ""),
    "Dhs": (None, "dirhams"),
    "Dh": (None, "dirhams"),
}
LETTERS_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<prefix>"
    + "|".join(sorted(LETTER_PREFIXES, key=len, reverse=True))
    + r")\.?[ \t\u00a0]?$"
)

# Currency words after an amount, with the adjectives that say whose currency it is.
_CURRENCY_WORDS: dict[str, tuple[str | None, dict[str, str]]] = {
    "dollar": (
        "USD",
        {
            "us": "USD",
            "u.s.": "USD",
            "american": "USD",
            "australian": "AUD",
            "canadian": "CAD",
            "hong kong": "HKD",
            "singapore": "SGD",
            "new zealand": "NZD",
        },
    ),
    "euro": ("EUR", {}),
    "pound": (
        "GBP",
        {
            "syrian": "SYP",
            "lebanese": "LBP",
            "egyptian": "EGP",
            "sudanese": "SDG",
            "british": "GBP",
        },
    ),
    "sterling": ("GBP", {}),
    "quid": ("GBP", {}),
    "real": ("BRL", {"brazilian": "BRL"}),
    "reais": ("BRL", {}),
    "hryvnia": ("UAH", {}),
    "hryvna": ("UAH", {}),
    "rouble": ("RUB", {}),
    "ruble": ("RUB", {}),
    # Rupees are the currency of India, Nepal, Pakistan, Sri Lanka and more: which one only
    # an adjective says (or the reporter, on the claim); never assume India's.
    "rupee": (
        None,
        {
            "indian": "INR",
            "nepali": "NPR",
            "nepalese": "NPR",
            "pakistani": "PKR",
            "sri lankan": "LKR",
        },
    ),
    "yen": ("JPY", {}),
    "yuan": ("CNY", {}),
    "renminbi": ("CNY", {}),
    "naira": ("NGN", {}),
    "rand": ("ZAR", {}),
    "afghani": ("AFN", {}),
    "shilling": (None, {"kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS"}),
    "dinar": (
        None,
        {
            "iraqi": "IQD",
            "jordanian": "JOD",
            "kuwaiti": "KWD",
            "libyan": "LYD",
            "tunisian": "TND",
            "algerian": "DZD",
        },
    ),
    "riyal": (None, {"saudi": "SAR", "qatari": "QAR", "yemeni": "YER", "omani": "OMR"}),
    "rial": (None, {"iranian": "IRR", "omani": "OMR", "yemeni": "YER"}),
    "dirham": (None, {"uae": "AED", "emirati": "AED", "moroccan": "MAD"}),
    "lira": (None, {"turkish": "TRY", "syrian": "SYP", "lebanese": "LBP"}),
    "peso": (None, {"mexican": "MXN", "argentine": "ARS", "colombian": "COP", "chilean": "CLP"}),
    "franc": (None, {"swiss": "CHF", "cfa": "XOF"}),
    "shekel": ("ILS", {}),
    "baht": ("THB", {}),
    "kyat": ("MMK", {}),
    "ringgit": ("MYR", {}),
    "rupiah": ("IDR", {}),
    "taka": ("BDT", {}),
    "riel": ("KHR", {}),
    "lari": ("GEL", {}),
    "tenge": ("KZT", {}),
    "forint": ("HUF", {}),
    "koruna": ("CZK", {}),
    "krona": ("SEK", {}),
    "kronor": ("SEK", {}),
    "krone": (None, {"danish": "DKK", "norwegian": "NOK"}),
    "kroner": (None, {"danish": "DKK", "norwegian": "NOK"}),
    "kwacha": (None, {"malawian": "MWK", "zambian": "ZMW"}),
    "manat": (None, {"azerbaijani": "AZN", "turkmen": "TMT"}),
    "quetzal": ("GTQ", {}),
    "lempira": ("HNL", {}),
    "boliviano": ("BOB", {}),
    "somoni": ("TJS", {}),
    "tugrik": ("MNT", {}),
    "zloty": ("PLN", {}),
    "cedi": ("GHS", {}),
    "birr": ("ETB", {}),
}
_ADJECTIVES = sorted({a for _, table in _CURRENCY_WORDS.values() for a in table}, key=len)
_PLURAL_FORMS = {"real": "reais|reals", "lira": "liras|lire", "reais": "reais"}
_WORD_FORMS = "|".join(
    rf"{word}(?:s|es)?" if word not in _PLURAL_FORMS else rf"{word}|{_PLURAL_FORMS[word]}"
    for word in sorted(_CURRENCY_WORDS, key=len, reverse=True)
)
CURRENCY_WORD_AFTER = re.compile(
    rf"[ \t\u00a0]+(?:(?P<adjective>{'|'.join(re.escape(a) for a in reversed(_ADJECTIVES))})"
    rf"[ \t]+)?(?P<word>{_WORD_FORMS})(?:[ \t]+sterling)?\b",
    re.IGNORECASE,
)


def currency_of_word(word: str, adjective: str | None) -> tuple[str | None, str]:
    """(currency code or None, unit word) for a currency word such as "dollars" or "pesos"."""
    lowered = word.lower()
    base = next(
        (w for w in sorted(_CURRENCY_WORDS, key=len, reverse=True) if lowered.startswith(w)),
        lowered,
    )
    code, by_adjective = _CURRENCY_WORDS.get(base, (None, {}))
    if adjective:
        code = by_adjective.get(adjective.lower(), code)
    return code, lowered


_QUALIFIERS: list[tuple[str, str]] = [
    (r"about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|c\.", "about"),
    (r"maybe|perhaps|almost exactly|nearly exactly", "about"),
    (r"an average of|on average|average of|an estimated average of", "about"),
    (r"closer to", "about"),
    (r"nearly|almost|close to|just under|just shy of|not quite", "nearly"),
    (r"up to|as many as|as much as|at most|no more than|a maximum of|maximum of|within", "up_to"),
    (r"capped at|limited to|no higher than", "up_to"),
    (r"less than|fewer than|under|below|not even", "less_than"),
    (r"at least|no fewer than|no less than|a minimum of|minimum of|not less than", "at_least"),
    (r"more than|over|above|upwards of|in excess of|exceeding|well over", "more_than"),
]
_QUALIFIER_OF: dict[str, Qualifier] = {}
for _words, _value in _QUALIFIERS:
    for _phrase in _words.split("|"):
        _QUALIFIER_OF[_phrase.replace("\\", "")] = Qualifier(_value)
_QUALIFIER_ALTERNATIVES = "|".join(
    re.escape(p).replace(r"\ ", r"[ \t]+") for p in sorted(_QUALIFIER_OF, key=len, reverse=True)
)
QUALIFIER_BEFORE = re.compile(
    rf"(?:(?<![\w])(?P<words>{_QUALIFIER_ALTERNATIVES})[ \t]+|(?P<tilde>~)[ \t]?)$", re.IGNORECASE
)
# "a maximum duration of six months", "a minimum wage of $300"
LIMIT_BEFORE = re.compile(
    r"\b(?P<limit>maximum|max\.|minimum|min\.)[ \t]+(?:[a-z]+[ \t]+){0,2}of[ \t]+$", re.IGNORECASE
)
QUALIFIER_AFTER = re.compile(
    r"(?:[ \t]+or[ \t]+(?P<words>so|more|less|fewer)\b|(?P<plus>\+)|-(?P<odd>odd)\b)",
    re.IGNORECASE,
)


def qualifier_of(phrase: str) -> Qualifier:
    key = re.sub(r"\s+", " ", phrase.lower())
    if key == "~":
        return Qualifier.ABOUT
    return _QUALIFIER_OF.get(key, Qualifier.EXACT)


def qualifier_after(word: str) -> Qualifier:
    return {
        "so": Qualifier.ABOUT,
        "more": Qualifier.AT_LEAST,
        "less": Qualifier.UP_TO,
        "fewer": Qualifier.UP_TO,
        "odd": Qualifier.ABOUT,
        "+": Qualifier.AT_LEAST,
    }.get(word.lower(), Qualifier.EXACT)


TIME_UNITS = {
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "fortnight": "weeks",
    "month": "months",
    "year": "years",
    "decade": "years",
    "minute": "minutes",
}
TIME_UNIT_FACTOR = {"fortnight": 2, "decade": 10}
PERIODS = {
    "hour": Period.HOUR,
    "day": Period.DAY,
    "week": Period.WEEK,
    "month": Period.MONTH,
    "year": Period.YEAR,
    "annum": Period.YEAR,
}
PERIOD_ADVERBS = {
    "hourly": Period.HOUR,
    "daily": Period.DAY,
    "weekly": Period.WEEK,
    "monthly": Period.MONTH,
    "yearly": Period.YEAR,
    "annually": Period.YEAR,
    "annual": Period.YEAR,
    "a year": Period.YEAR,
}
_PERIOD_ABBREVIATIONS = {"hr": "hour", "h": "hour", "wk": "week", "mo": "month", "yr": "year"}


def period_of(word: str) -> Period | None:
    key = word.lower().rstrip(".")
    key = _PERIOD_ABBREVIATIONS.get(key, key)
    return PERIODS.get(key)


# Nouns that count people. Their count is reported in the unit "people".
PEOPLE = words(
    """people persons person men man women woman children child boys boy girls girl fighters
    fighter recruits recruit workers worker soldiers soldier troops civilians civilian
    migrants migrant refugees refugee drivers driver employees employee staff volunteers
    volunteer mercenaries mercenary contractors contractor guards guard detainees detainee
    prisoners prisoner victims victim residents resident students student officers officer
    members member youths youth teenagers teenager adults adult minors minor individuals
    individual citizens citizen nationals national labourers labourer laborers laborer
    officials official passengers passenger patients patient protesters protester casualties
    applicants applicant brazilians nigerians syrians ukrainians filipinos nepalis indians
    pakistanis bangladeshis afghans foreigners locals villagers farmers fishermen sailors
    seafarers crew inspectors inspector mothers mother fathers father parents parent sons
    son daughters daughter relatives relative associates associate analysts analyst lawyers
    lawyer doctors doctor nurses nurse teachers teacher journalists journalist police
    policemen guardsmen wives husbands widows orphans infants babies teens adolescents
    pilgrims voters witnesses witness suspects suspect defendants plaintiffs survivors
    survivor dead wounded injured missing killed displaced arrested detained kidnapped
    deported trafficked rescued evacuated agents agent sub-agents brokers broker middlemen
    smugglers smuggler traffickers trafficker recruiters recruiter fishers fisher deckhands
    deckhand crewmates crewmate respondents respondent interviewees interviewee directors
    director managers manager owners owner landlords landlord tenants tenant pickers picker
    porters porter cleaners cleaner maids maid caregivers caregiver carers carer miners miner
    builders builder engineers engineer midwives midwife seamen captains captain traders
    trader vendors vendor shopkeepers shopkeeper customers customer kids"""
)
# Words for people that are adjectives: "3 dead", "14 missing", "six injured".
PEOPLE_STATES = words(
    """dead wounded injured missing killed displaced arrested detained kidnapped deported
    trafficked rescued evacuated"""
)
