"""Make any text (above all, what a user typed) safe inside Markdown and inside XML/SVG.

Markdown: every character that could start emphasis, code, a link, HTML, a table cell or an
entity is backslash-escaped, and so is a line start that would make a heading, a list, a
quote or a rule. XML 1.0: ``&``, ``<`` and ``>`` become entities (so ``]]>`` cannot end
anything), quotes too inside attributes, and the control characters XML forbids become
U+FFFD. Markdown also turns NUL and other control characters into U+FFFD.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

REPLACEMENT = "\ufffd"
# Characters XML 1.0 does not allow anywhere, even as references.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Control characters shown as U+FFFD in Markdown (tabs and line ends are whitespace).
_MD_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Inline markup: an underscore inside a word starts no emphasis and is kept (URLs stay whole).
_MD_INLINE = re.compile(r"[\\`*\[\]<>|#~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|&(?=#?[0-9A-Za-z]+;)")
# What makes a block at the start of a line: a list or rule (- + *), a setext line (=),
# an ordered list (1. or 1)), a quote or heading (escaped inline anyway).
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")


def xml_clean(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _XML_FORBIDDEN.sub(REPLACEMENT, text)


def xml_text(text: str) -> str:
    """``text`` safe as XML character data."""
    return escape(xml_clean(text))


def xml_attr(text: str) -> str:
    """``text`` as a quoted XML attribute value, quotes included."""
    return quoteattr(xml_clean(text))


def md_span(text: str) -> str:
    """``text`` on one line, safe in Markdown after something that starts the line: a
    heading's ``#``, a table cell's ``|``."""
    one_line = " ".join(_MD_CONTROL.sub(REPLACEMENT, text).split())
    return _MD_INLINE.sub(lambda m: "\\" + m.group(0), one_line)


def md_inline(text: str) -> str:
    """``text`` on one line, safe anywhere in Markdown, even at the start of a line or of a
    list item (where '- ', '+ ' or '1. ' would start a list)."""
    return _line_start(md_span(text))


def _line_start(line: str) -> str:
    """Escape what would turn the line into a list, a rule or a setext heading."""
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    indent, marker = match.groups()
    if marker.isdigit():
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return f"{indent}\\{line[len(indent) :]}"


def md_lines(text: str) -> list[str]:
    """``text`` as safe Markdown lines, its line breaks kept and its blank lines dropped."""
    lines = [" ".join(line.split()) for line in _MD_CONTROL.sub(REPLACEMENT, text).splitlines()]
    return [md_inline(line) for line in lines if line]


def svg_number(value: float) -> str:
    """A coordinate for SVG: at most two decimals, no trailing zeros, never '-0'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
