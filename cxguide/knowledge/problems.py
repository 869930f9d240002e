"""A problem found in a knowledge file, located at a real file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in a file: where, what, and how to fix it.

    ``line`` and ``column`` are 1-based; 0 means "the file as a whole" (it could not be read).
    """

    file: Path
    line: int
    column: int
    message: str
    hint: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else f"{self.file}"
        return f"{where}: {self.message} — {self.hint}"


class KnowledgeError(Exception):
    """Raised when knowledge cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
