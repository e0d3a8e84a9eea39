"""The ingest flow: discover inputs -> batches -> read, tag and extract per batch -> one writer -> summary.

Only wiring lives here; the work is in pipeline/. One task per batch of inputs (not per article), the
DuckDB writer is the flow itself, writing one batch per transaction.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from flows import settings

settings.apply()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline import store  # noqa: E402
from pipeline.batch import BatchRows, Fingerprint, process_batch  # noqa: E402
from pipeline.sources import Input, discover  # noqa: E402

DEFAULT_SOURCES = ["data/sample"]
DEFAULT_DB = "data/timeline.duckdb"
BATCH_SIZE = 200

_progress: Callable[[], None] | None = None


def set_progress(callback: Callable[[], None] | None) -> None:
    """Called once per input as batches are read (the CLI's progress bar)."""
    global _progress
    _progress = callback


@task(name="read-tag-extract", cache_policy=NO_CACHE)
def parse_batch(inputs: list[Input], known: dict[str, Fingerprint], stored: dict[str, set[str]],
                run_id: str, now: datetime) -> BatchRows:
    return process_batch(inputs, known, stored, run_id, now, on_input=_progress)


def _write(db: str, rows: BatchRows) -> dict[str, int]:
    with store.connect(db) as con:
        return store.write_batch(con, rows)


@flow(name="timeline-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False,
      validate_parameters=False)
def ingest(sources: list[str] | None = None, db: str = DEFAULT_DB, batch_size: int = BATCH_SIZE) -> dict[str, Any]:
    """Ingest articles from files and folders into the DuckDB timeline; returns the run summary."""
    t0 = time.perf_counter()
    sources = [str(Path(s)) for s in (sources or DEFAULT_SOURCES)]
    run_id = _run_id()
    now = datetime.now().replace(microsecond=0)  # clock-ok: when the run happened, not a date resolution
    inputs = discover(sources)
    with store.connect(db) as con:
        store.start_run(con, run_id, now, sources)
        known = store.known_inputs(con)
        stored = store.stored_articles(con)
    summary: dict[str, Any] = {"run_id": run_id, "discovered": 0, "ingested": 0, "unchanged": 0, "rejected": 0,
                               "articles": 0, "mentions": 0, "events": 0, "unanchored": 0, "inferred_anchors": 0}
    status, message = "completed", None
    try:
        batches = [inputs[i:i + batch_size] for i in range(0, len(inputs), batch_size)]
        relevant = [({i.path: known[i.path] for i in b if i.path in known},
                     {i.path: stored[i.path] for i in b if i.path in stored}) for b in batches]
        futures = [parse_batch.submit(b, k, s, run_id, now) for b, (k, s) in zip(batches, relevant, strict=True)]
        for batch, fut in zip(batches, futures, strict=True):
            state = fut.wait() or fut.state
            if fut.state.is_completed():
                rows = fut.result()
            else:  # a failed batch still accounts for its inputs
                rows = BatchRows(discovered=len(batch), rejected=len(batch))
                reason = f"batch failed: {fut.state.message or state}"
                rows.rejects = [{"source": i.path, "reason": reason, "content_hash": "batch-failure", "rejected_at": now,
                                 "run_id": run_id} for i in batch]
            written = _write(db, rows)
            for k in ("discovered", "ingested", "unchanged", "rejected", "unanchored"):
                summary[k] += getattr(rows, k)
            summary["articles"] += written["articles"]
            summary["mentions"] += written["mentions"]
            summary["events"] += written["events"]
        if summary["articles"]:  # new articles can anchor undated ones (or be undated): otherwise nothing to do
            with store.connect(db) as con:
                inferred = store.reanchor(con, run_id, now)
            summary["inferred_anchors"] = inferred
            summary["unanchored"] = max(0, summary["unanchored"] - inferred)
    except Exception as e:
        status, message = "failed", f"{e.__class__.__name__}: {e}"
        raise
    finally:
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        with store.connect(db) as con:
            store.finish_run(con, run_id, finished_at=datetime.now().replace(microsecond=0),  # clock-ok
                             status=status, message=message, **{k: v for k, v in summary.items()
                                                                if k not in ("run_id", "inferred_anchors")})
    return summary


def _run_id() -> str:
    try:
        from prefect.runtime import flow_run

        rid = flow_run.id
        if rid:
            return str(rid)
    except Exception:  # outside a flow run (flow.fn in tests): a run id of our own
        pass
    return uuid.uuid4().hex


def run_ingest(sources: list[str] | None = None, db: str = DEFAULT_DB, batch_size: int = BATCH_SIZE
               ) -> dict[str, Any]:
    """Run the flow with the per-run heartbeat off (it only serves deployed runs and costs ~1 s a run)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return ingest(sources=sources, db=db, batch_size=batch_size)


def build_deployment(sources: list[str], cron: str, db: str, name: str = "timeline-scheduled"):  # type: ignore[no-untyped-def]
    """The scheduled deployment of this flow (not yet registered: ``.apply()`` or ``serve``)."""
    abs_sources = [str(Path(s).resolve()) for s in sources]
    return ingest.to_deployment(name=name, cron=cron, parameters={"sources": abs_sources,
                                                                  "db": str(Path(db).resolve())})
