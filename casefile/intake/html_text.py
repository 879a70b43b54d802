"""The text of an HTML page, read with the standard library's parser and never rendered."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from casefile.intake.plain_text import decode_text
from casefile.intake.wordlists import words

# Elements whose content is code or markup for machines, never text for a reader.
_DROPPED = frozenset(
    {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object"}
)
# Elements of a page around its story, dropped the way a browser's reader view does: menus,
# sidebars of related links, forms, buttons, cookie banners.
_PAGE_CHROME = frozenset({"nav", "aside", "form", "button", "select", "dialog"})
_ARTICLE_MIN = 500  # characters: a story, not a teaser card
# Elements that start a new paragraph, and elements that only start a new line.
_PARAGRAPHS = words(
    """p div section article header footer main aside nav blockquote figure figcaption h1 h2 h3
    h4 h5 h6 ul ol dl table form fieldset address details summary pre hr"""
)
_LINES = frozenset({"br", "li", "dt", "dd", "tr", "caption", "option", "legend"})
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _TextCollector(HTMLParser):
    """Collects the text of a page: dropped elements skipped, blocks turned into line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.heading: list[str] = []
        self._dropped_depth = 0
        self._in_title = False
        self._in_heading = False
        self._in_pre = 0
        self.articles: list[list[str]] = []  # the text of each <article>, outermost ones
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag == "title":
            self._in_title = True
        elif (tag in _DROPPED or tag in _PAGE_CHROME) and tag not in _VOID:
            self._dropped_depth += 1
        elif tag == "article" and not self._dropped_depth:
            if not self._article_depth:
                self.articles.append([])
            self._article_depth += 1
        elif tag == "h1" and not self.heading:
            self._in_heading = True
        self._break_for(tag)
        if tag == "pre":
            self._in_pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        self._break_for(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif (tag in _DROPPED or tag in _PAGE_CHROME) and self._dropped_depth:
            self._dropped_depth -= 1
        elif tag == "article" and self._article_depth and not self._dropped_depth:
            self._article_depth -= 1
        elif tag == "h1":
            self._in_heading = False
        elif tag == "pre" and self._in_pre:
            self._in_pre -= 1
        if tag in _PARAGRAPHS and not self._dropped_depth:
            self._add("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._dropped_depth:
            return
        if self._in_heading:
            self.heading.append(data)
        self._add(data if self._in_pre else _SPACES.sub(" ", data.replace("\n", " ")))

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self._article_depth:
            self.articles[-1].append(text)

    def _break_for(self, tag: str) -> None:
        if self._dropped_depth:
            return
        if tag in _PARAGRAPHS:
            self._add("\n\n")
        elif tag in _LINES:
            self._add("\n")
        elif tag in _CELLS:
            self._add("\t")


def html_to_text(data: bytes, name: str) -> tuple[str, str]:
    """(title, text) of an HTML file. Scripts, styles and templates are dropped unread."""
    markup = _decode(data, name)
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    title = " ".join("".join(collector.title_parts).split())
    heading = " ".join("".join(collector.heading).split())
    text = _tidy("".join(collector.parts))
    # A page with a story in an <article> is read as that story, as a reader view would: not
    # the teasers, bylines of other stories and footers around it.
    stories = sorted((_tidy("".join(parts)) for parts in collector.articles), key=len)
    if stories and len(stories[-1]) >= _ARTICLE_MIN:
        story = stories[-1]
        text = story if not heading or heading in story else f"{heading}\n\n{story}"
    return title or heading, text


def _tidy(text: str) -> str:
    lines = [line.strip(" \t") for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _decode(data: bytes, name: str) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii", "replace").lower()
        if encoding not in ("utf-8", "utf8"):
            try:
                return data.decode(encoding).replace("\r\n", "\n")
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: fall back to detecting the encoding
    return decode_text(data, name)
