"""Readers, one per input kind. Each turns raw bytes into articles, or rejects the input with a reason.

``discover`` lists what a run will look at (files, a folder's manifest rows); ``read_input`` reads one.
Nothing here raises on bad input: a problem becomes a ``Reject`` with a specific, human-readable reason.
"""

from pipeline.sources.base import Input, Reject, SourceResult, decode_text, parse_published
from pipeline.sources.discover import SUPPORTED, discover
from pipeline.sources.read import read_input

__all__ = ["Input", "Reject", "SourceResult", "SUPPORTED", "decode_text", "discover", "parse_published",
           "read_input"]
