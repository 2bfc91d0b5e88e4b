"""Exports: the evaluation-contract JSON of one extraction (more formats build on the store)."""
from .contract import to_contract

__all__ = ["to_contract"]
