"""Spelling in the composer: the dictionary is read off the GUI thread the first time the
composer is shown (never at start-up), in the language chosen in the settings, with the
user's own words from the data folder and the names of the letter in view."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from shiboken6 import isValid

from followup.spelling import DICTIONARY_FILE, LANGUAGES, Speller
from followup_desktop.background import run_in_background
from followup_desktop.composer.editor import LetterEditor
from followup_desktop.session import Session


class SpellingLoader(QObject):
    """Gives the editor a loaded speller, and keeps its names and language current."""

    def __init__(
        self, session: Session, data_folder: Path, editor: LetterEditor, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.file = data_folder / DICTIONARY_FILE
        self.editor = editor
        self.names: list[str] = []
        self.speller: Speller | None = None
        self.loading = False

    def language(self) -> str:
        value = str(self.session.settings["letters.spelling"])
        return value if value in LANGUAGES else ""

    def start(self) -> None:
        """Read the dictionary in the background unless it is there or on its way."""
        language = self.language()
        if self.loading or (self.speller is not None and self.speller.language == language):
            return
        if not language:
            self.speller = None
            self.editor.set_speller(None)
            return
        speller = Speller(language, self.file)
        speller.set_names(self.names)
        self.loading = True
        run_in_background(speller.load, lambda _: self._loaded(speller), self._failed)

    def _loaded(self, speller: Speller) -> None:
        if not isValid(self) or not isValid(self.editor):
            return  # the composer closed while the dictionary was read
        self.loading = False
        if speller.language != self.language():
            self.start()  # the language changed while it loaded
            return
        speller.set_names(self.names)
        self.speller = speller
        self.editor.set_speller(speller)

    def _failed(self, _error: BaseException) -> None:
        if isValid(self):
            self.loading = False  # no underlines; writing still works

    def names_changed(self, texts: Sequence[str]) -> None:
        self.names = list(texts)
        if self.speller is not None:
            self.speller.set_names(self.names)
            self.editor.highlighter.rehighlight()

    def settings_changed(self) -> None:
        if self.speller is not None and self.speller.language != self.language():
            self.start()
