"""A document's title when its format names none, and a guess at its language."""

from __future__ import annotations

import re
from collections import Counter

from casefile.intake.document import MAX_TITLE_LENGTH
from casefile.intake.wordlists import words

_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_WORDS = re.compile(r"[^\W\d_]+")
# The most frequent short words of each language; three or more hits decide.
_STOPWORDS = {
    "en": words("the and of to in that is was for with said he she they"),
    "fr": words("le la les et des une est que pour dans qui pas sur"),
    "es": words("el la los las y de que en un una por con para dijo"),
    "pt": words("o a os as e de que em um uma para com disse não"),
    "de": words("der die das und ist nicht mit sie ein eine zu den"),
}
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_SAMPLE = 20000


def first_line_title(text: str, *, markdown: bool = False) -> str:
    """A Markdown file's first heading, else the first non-empty line."""
    if markdown:
        heading = _MARKDOWN_HEADING.search(text)
        if heading:
            return trim_title(heading.group(1))
    for line in text.splitlines():
        if line.strip():
            return trim_title(line)
    return ""


def trim_title(title: str) -> str:
    """A title on one line and at most 200 characters (cut at a word, with an ellipsis)."""
    flat = " ".join(title.split())
    if len(flat) <= MAX_TITLE_LENGTH:
        return flat
    cut = flat[: MAX_TITLE_LENGTH - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_TITLE_LENGTH // 2 else cut).rstrip() + "…"


def guess_language(text: str) -> str:
    """ "en", "fr", "es", "pt", "de", "ar", "he", "ru", "zh" or "" when unsure."""
    sample = text[:_SAMPLE]
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return ""
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > letters * 0.4:
            return code
    words = Counter(w.lower() for w in _WORDS.findall(sample))
    scores = {code: sum(words[w] for w in stop) for code, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= 3 else ""
