"""Every error actorgraph raises, in one tree.

    ActorgraphError
    ├── ConfigError            a setting has a bad value, or a settings file cannot be read
    ├── ModelError             the spaCy pipeline named in the settings cannot be loaded
    ├── RegistryError          an actor registry file is malformed (names the file and entry)
    └── IntakeError            an input cannot be read as an article (names the input)
        ├── InputNotFoundError     the path does not exist or cannot be opened
        ├── EmptyInputError        the file (or record) has no text
        ├── InputTooLargeError     the file is over the size limit
        ├── BinaryInputError       the bytes are not text (images, archives, executables)
        ├── DecodingError          the text's encoding cannot be detected or decoded
        ├── MalformedInputError    HTML, front matter or a JSON record is broken beyond use
        ├── NoArticleError         nothing that looks like an article body was found
        └── NoArticlesInFolderError  a folder holds no file actorgraph can read

Raise the most specific class; catch at the boundary (the CLI exit status, a per-article
failure record in a batch). Intake errors are turned into `IntakeFailure` records so the
rest of a batch goes on.
"""
from __future__ import annotations


class ActorgraphError(Exception):
    """Base of all actorgraph errors."""


class ConfigError(ActorgraphError):
    """A setting has a bad value, or a settings file cannot be read."""


class ModelError(ActorgraphError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class RegistryError(ActorgraphError):
    """An actor registry file is malformed."""


class IntakeError(ActorgraphError):
    """An input cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputNotFoundError(IntakeError):
    """The path does not exist or cannot be opened."""


class EmptyInputError(IntakeError):
    """The file or record has no text."""


class InputTooLargeError(IntakeError):
    """The file is over the size limit."""


class BinaryInputError(IntakeError):
    """The bytes are not text."""


class DecodingError(IntakeError):
    """The text's encoding cannot be detected or decoded."""


class MalformedInputError(IntakeError):
    """HTML, front matter or a JSON record is broken beyond use."""


class NoArticleError(IntakeError):
    """Nothing that looks like an article body was found."""


class NoArticlesInFolderError(IntakeError):
    """A folder holds no file actorgraph can read."""
