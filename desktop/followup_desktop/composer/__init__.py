"""The letter composer: editor with live etiquette findings, drafts, and marking as sent."""

from followup_desktop.composer.window import Composer

__all__ = ["Composer"]
