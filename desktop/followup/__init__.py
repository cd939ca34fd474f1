"""Interview Follow-Up's domain: etiquette rules, dates, storage, export.

Nothing here imports Qt or reads a clock: callers pass ``now`` and the work calendar in,
so every rule can be tested with plain values.
"""

__version__ = "0.1.0"
