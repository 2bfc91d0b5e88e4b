"""Exports: the evaluation-contract JSON of one extraction, and the store in interchange formats.

    to_contract(extraction)                 one extraction as the contract's JSON record
    export_store(store, fmt, out, filters)  the store (or a neighbourhood of it) as FollowTheMoney,
                                            GEXF, GraphML, Neo4j import files, CSV or Parquet tables
    ftm_import.import_ftm(path, folder)     FollowTheMoney entities into a registry file of known actors
                                            (a submodule: followthemoney loads slowly)
"""
from .contract import to_contract
from .formats import FORMATS, ExportReport, export_store
from .selection import Filters

__all__ = ["FORMATS", "ExportReport", "Filters", "export_store", "to_contract"]
