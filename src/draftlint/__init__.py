"""draftlint: a content-quality linter for article drafts."""

__version__ = "0.1.0"
