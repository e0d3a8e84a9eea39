"""The temporal tagger: ``tag(text, anchor)`` finds every temporal expression and resolves it.

Pure: same input, same output; no clock, no I/O beyond reading the rule files once. The work is in
tagger.py (compiled with the other per-article modules, see setup.py); this package only names it.
"""

from pipeline.temporal.tagger import DOMAINS, tag

__all__ = ["tag", "DOMAINS"]
