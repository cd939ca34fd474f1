"""Applications and their interview rounds: a real tree model, a view, and edit dialogs."""
