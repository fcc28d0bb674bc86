# Type hints for the native module pith._pith (python/pith/module.cc).
import os
from typing import Dict, Iterable, Optional, Tuple, Union

_Path = Union[str, bytes, os.PathLike[str]]

__version__: str

class Error(ValueError):
    """A rules file, a document or an argument pith cannot use; the message is the CLI's."""

class Result:
    """A cleaned page."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def site_name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def removed(self) -> Dict[str, int]: ...
    @property
    def input(self) -> str: ...
    @property
    def charset(self) -> str: ...
    @property
    def format(self) -> str: ...
    def explain(self) -> str: ...
    def to_dict(self) -> Dict[str, Union[str, Dict[str, int]]]: ...

class Cleaner:
    """A reusable, thread-safe cleaner: the rules are loaded and compiled once."""

    def __init__(
        self,
        rules: Optional[_Path] = None,
        add_rules: Union[None, _Path, Iterable[_Path]] = None,
        *,
        input: str = "auto",
        format: str = "text",
        favor: Optional[str] = None,
        encoding: Optional[str] = None,
        repair: bool = True,
    ) -> None: ...
    def clean(
        self,
        html_or_text: Union[str, bytes],
        *,
        input: Optional[str] = None,
        format: Optional[str] = None,
        favor: Optional[str] = None,
        encoding: Optional[str] = None,
        source: str = "-",
    ) -> Result: ...
    def clean_record(
        self, record: Union[str, bytes], *, path: str = "<stdin>", line: int = 0, keep_html: bool = False
    ) -> Tuple[str, str]: ...
    def __call__(
        self,
        html_or_text: Union[str, bytes],
        *,
        input: Optional[str] = None,
        format: Optional[str] = None,
        favor: Optional[str] = None,
        encoding: Optional[str] = None,
        source: str = "-",
    ) -> Result: ...
