"""briefcmp: cross-reference the claims of policy briefs."""

__version__ = "0.1.0"
