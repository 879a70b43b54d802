"""Unicode character classes for regular expressions: capitals, small letters, caseless scripts.

Python's `re` has no \\p{Lu}. Exact classes built from `unicodedata` hold hundreds of ranges
(Latin Extended alternates capital and small letter by letter) and made compiling the speaker
patterns take seconds; these compact ranges cover the scripts of names met in reporting. In the
Latin Extended blocks both cases count as capitals: a name word starting with a small "ł" is
rarer than the cost of listing every capital one by one.
"""

from __future__ import annotations

UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de"  # Latin-1 capitals
    "\u0100-\u024f"  # Latin Extended-A and -B (both cases, see above)
    "\u0386\u0388-\u038f\u0391-\u03a1\u03a3-\u03ab"  # Greek
    "\u0400-\u042f"  # Cyrillic
    "\u0531-\u0556"  # Armenian
    "\u10a0-\u10c5"  # Georgian
    "\u1e00-\u1eff"  # Latin Extended Additional (Vietnamese, both cases)
)
"""Capital letters, for use inside [...]."""

LOWER = (
    "a-z\u00df-\u00f6\u00f8-\u00ff"
    "\u0100-\u024f"
    "\u03ac-\u03ce"
    "\u0430-\u045f"
    "\u0561-\u0587"
    "\u10d0-\u10fa"
    "\u1e00-\u1eff"
)
"""Small letters, for use inside [...]."""

CASELESS = (
    "\u05d0-\u05ea"  # Hebrew
    "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff"  # Arabic
    "\u0710-\u072f"  # Syriac
    "\u0750-\u077f\u08a0-\u08c9"  # Arabic Supplement and Extended-A
    "\u0780-\u07a5"  # Thaana
    "\u0904-\u0939\u0958-\u0961"  # Devanagari
    "\u0980-\u09ff"  # Bengali
    "\u0e01-\u0e30"  # Thai
    "\u1200-\u135a"  # Ethiopic
    "\u3041-\u3096\u30a1-\u30fa"  # Hiragana, Katakana
    "\u4e00-\u9fff"  # CJK ideographs
    "\uac00-\ud7a3"  # Hangul syllables
    "\ufb50-\ufdfb\ufe70-\ufefc"  # Arabic presentation forms
)
"""Letters of scripts without case (Arabic, Hebrew, CJK, ...), for use inside [...]."""

MARKS = (
    "\u0300-\u036f"  # combining diacritics (accents in decomposed text)
    "\u0591-\u05c7"  # Hebrew points
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # Arabic tashkeel and Quranic marks
    "\u0711\u0730-\u074a"  # Syriac marks
    "\u08ca-\u08ff"  # Arabic Extended-A marks
    "\u0900-\u0903\u093a-\u094f\u0962-\u0963"  # Devanagari signs
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # Thai marks
    "\u200c\u200d"  # zero-width (non-)joiners inside Persian and Indic words
)
"""Combining marks and joiners that sit inside words, for use inside [...]."""

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Characters that `str.splitlines` treats as line ends, for use inside [...]."""
