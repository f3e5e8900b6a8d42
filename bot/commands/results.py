"""What a command handler answers with, for the adapter to show (or, for files, to send).

- a :class:`~bot.document.Document`: a reply of a few lines, in catalogue phrases;
- an :class:`~bot.answers.Answer`: the answer engine's, for a question (each platform renders
  answers its own way, as it does when asked in a mention or a chat);
- :class:`ReportFiles`: the follow-up table and the status chart, which take about a second
  to make: the adapter says they are on their way, then builds them
  (:func:`bot.commands.handlers.report.report_files`) and sends them as its platform sends
  files.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import Answer
from bot.document import Document, Lines, Phrase


@dataclass(frozen=True, slots=True)
class ReportFiles:
    lang: str


Result = Document | Answer | ReportFiles


def say(*lines: Phrase) -> Document:
    """A reply of one or more lines; the first is its summary."""
    return Document(lines[0], (Lines(lines),))
