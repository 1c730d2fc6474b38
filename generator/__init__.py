"""Generator of the catalogue of Dutch work-and-participation practices."""

__version__ = "0.1.0"
