"""rdvlog: a tamper-evident log of préfecture appointment attempts."""

__version__ = "0.1.0"
