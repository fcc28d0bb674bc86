"""pith: clean scraped web pages down to their article text.

The same library as the ``pith`` command, as a native module::

    import pith

    result = pith.clean(html_bytes)             # bytes: charset detected as the CLI does
    print(result.title, result.language)
    print(result.text)                          # one paragraph per line
    print(result.explain())                     # why each block was kept or dropped

    cleaner = pith.Cleaner(add_rules="mine.rules", favor="precision")
    for page in pages:                          # reuse it: rules compile once
        record = cleaner.clean(page).to_dict()

A Cleaner is immutable and releases the GIL while it works, so one Cleaner
shared by N threads cleans on N cores. Failures raise ``pith.Error`` (a
ValueError) with the message the CLI prints after ``pith: ``: a rules file
that does not load ("file:line: what", the line and a caret), binary input
("not text or HTML (looks like PDF)"), an unknown encoding, or an option
value the CLI would refuse ("favor must be balanced, precision or recall,
not 'fast'").
"""

from __future__ import annotations

import os
from typing import Iterable, Optional, Union

from ._pith import Cleaner, Error, Result, __version__

__all__ = ["clean", "Cleaner", "Result", "Error", "__version__"]

_Path = Union[str, bytes, "os.PathLike[str]"]


def clean(
    html_or_text: Union[str, bytes],
    *,
    input: str = "auto",
    format: str = "text",
    favor: Optional[str] = None,
    rules: Optional[_Path] = None,
    add_rules: Union[None, _Path, Iterable[_Path]] = None,
    encoding: Optional[str] = None,
    repair: bool = True,
    source: str = "-",
) -> Result:
    """Clean one page and return a Result (text, title, author, date, language, removed, explain()).

    html_or_text  bytes (charset from the byte-order mark, <meta charset>,
                  UTF-8 validity, then detection, as the CLI does) or str
                  (already decoded)
    input         "auto" (decide from the content), "html" or "text"
    format        what Result.text holds: "text", "json", "markdown" or "html"
    favor         None or "balanced", "precision" or "recall"
    rules         a directory whose *.rules replace the built-in rules
    add_rules     a rules file, or several, added on top
    encoding      force the charset of bytes input (e.g. "windows-1252")
    repair        remove injected spam phrases from kept sentences
    source        the name of the page in format="json" and explain() output

    Each keyword is the CLI flag of the same name. With rules or add_rules
    the rules are loaded and compiled on every call: build a Cleaner once
    instead when cleaning many pages.
    """
    # Cheap without rules or add_rules: every Cleaner shares the built-in rules.
    cleaner = Cleaner(rules, add_rules, repair=repair)
    return cleaner.clean(html_or_text, input=input, format=format, favor=favor, encoding=encoding, source=source)
