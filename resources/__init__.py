"""Data the app ships (templates, phrase lists, icons), read with importlib.resources."""
