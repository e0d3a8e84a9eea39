"""Prefect settings for a quiet, lean local run; applied before Prefect is imported.

Each is a default: a user's own environment (a real server in PREFECT_API_URL, their PREFECT_HOME, their
logging levels) wins. Why each is here was measured in the team's Prefect notes (shared/notes/prefect-
duckdb.md, not part of this repository): the event-recording services and the per-run heartbeat cost
about 1 s per flow run on two cores, an unbounded thread pool peaked at 240 threads, and a first run's
migrations take 19-21 s, close to Prefect's default 20 s startup timeout.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS": "2",
}
# the temporary server's event pipeline costs most of the time on small machines and is only needed when
# a real server is watched; with a real server (PREFECT_API_URL set) these stay on
LEAN_TEMPORARY_SERVER = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
}


def apply() -> None:
    for k, v in DEFAULTS.items():
        os.environ.setdefault(k, v)
    if not os.environ.get("PREFECT_API_URL"):
        for k, v in LEAN_TEMPORARY_SERVER.items():
            os.environ.setdefault(k, v)
    home = Path(os.environ.setdefault("PREFECT_HOME", str(Path.home() / ".timeline" / "prefect")))
    home.mkdir(parents=True, exist_ok=True)  # Prefect creates only the last level itself
