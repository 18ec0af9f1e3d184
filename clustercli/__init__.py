"""clustercli: a self-check of an SME's readiness for regional cluster cooperation."""

__version__ = "0.1.0"
