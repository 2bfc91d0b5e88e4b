"""Intake errors as failure records, so that one bad input does not stop a batch."""
from __future__ import annotations

from ..errors import IntakeError
from ..model import IntakeFailure


def failure(exc: IntakeError) -> IntakeFailure:
    """The failure record of an intake error: its input, its one-line reason, its class name."""
    return IntakeFailure(exc.source, " ".join(exc.reason.split()), type(exc).__name__)
