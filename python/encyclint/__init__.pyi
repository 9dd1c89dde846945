"""Type hints for encyclint (the Rust extension ``encyclint._encyclint``)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

_Path = Union[str, "os.PathLike[str]"]
_Codes = Union[None, str, Sequence[str]]
_Titles = Union[None, "TitleIndex", _Path, Sequence[str]]
#: One input of a run: (name shown, path to read or None, why it could not be walked or None).
Input = Tuple[str, Optional[str], Optional[str]]
Diagnostic = Dict[str, Any]
_T = TypeVar("_T")

__version__: str
DEFAULT_MAX_FILE_SIZE: int
TOTALS: Tuple[str, ...]

class EncyclintError(ValueError):
    """A run or a text encyclint refuses; the message is the line the CLI prints."""

class TitleIndex:
    """Known titles and redirects, loaded once and shared; pickles."""

    @staticmethod
    def load(path: _Path, aliases: Optional[_Path] = None) -> "TitleIndex": ...
    @staticmethod
    def build(
        titles: Sequence[str],
        aliases: Union[None, Mapping[str, str], Sequence[Tuple[str, str]]] = None,
    ) -> "TitleIndex": ...
    def resolve(self, title: str) -> Optional[str]: ...
    def __contains__(self, title: str) -> bool: ...
    @property
    def titles(self) -> int: ...
    @property
    def redirects(self) -> int: ...
    @property
    def sources(self) -> List[str]: ...

def lint(
    text: str,
    filename: str = "article.txt",
    *,
    titles: _Titles = None,
    config: Optional[_Path] = None,
    select: _Codes = None,
    ignore: _Codes = None,
    complete_index: bool = False,
) -> List[Diagnostic]: ...
def parse(text: str, filename: str = "article.txt") -> Dict[str, Any]: ...
def check_paths(
    paths: Union[_Path, Sequence[_Path]],
    *,
    select: _Codes = None,
    ignore: _Codes = None,
    titles: _Titles = None,
    aliases: Optional[_Path] = None,
    config: Optional[_Path] = None,
    complete_index: bool = False,
    schema: Optional[_Path] = None,
    baseline: Optional[_Path] = None,
    max_file_size: int = ...,
    threads: Optional[int] = None,
) -> Dict[str, Any]: ...

class Checker:
    """A run in pieces, for clusters; options as check_paths's."""

    def __init__(
        self,
        *,
        select: _Codes = None,
        ignore: _Codes = None,
        titles: _Titles = None,
        aliases: Optional[_Path] = None,
        config: Optional[_Path] = None,
        complete_index: bool = False,
        schema: Optional[_Path] = None,
        baseline: Optional[_Path] = None,
        max_file_size: int = ...,
    ) -> None: ...
    def discover(self, paths: Union[_Path, Sequence[_Path]]) -> List[Input]: ...
    def run_index(self, inputs: Sequence[Input]) -> Optional[TitleIndex]: ...
    def with_index(self, index: Optional[TitleIndex]) -> "Checker": ...
    def check(self, inputs: Sequence[Input], *, threads: Optional[int] = None) -> Dict[str, Any]: ...
    def finish(self, totals: Mapping[str, int]) -> Dict[str, Any]: ...
    @property
    def index(self) -> Optional[TitleIndex]: ...

def add_totals(*totals: Mapping[str, int]) -> Dict[str, int]: ...
def batches(items: Iterable[_T], size: int) -> Iterator[List[_T]]: ...
def worker_checker(index: Optional[TitleIndex], **options: Any) -> Checker: ...
def _index_loads() -> int: ...
