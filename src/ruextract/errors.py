"""The library's exceptions. Each message says what to do about it."""

from __future__ import annotations


class RuextractError(Exception):
    """Base of every exception the library raises on purpose."""


class DocumentTooLarge(RuextractError):
    def __init__(self, size: int, limit: int):
        super().__init__(
            f"document has {size:,} characters, over the limit of {limit:,}: split it into "
            f"articles, or raise the limit with ruextract.load(max_chars=...)"
        )


class PipelineConfigError(RuextractError):
    """A pipeline whose stages cannot run in the order given."""


class ModelNotFound(RuextractError):
    def __init__(self, what: str, path: str):
        super().__init__(
            f"{what} not found at {path}: reinstall the package that ships it "
            f"(pip install --force-reinstall natasha) or pass the path explicitly"
        )
