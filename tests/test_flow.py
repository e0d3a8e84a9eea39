"""The Prefect flow end to end (one test server for the session), and the scheduled deployment."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from pipeline import store


@pytest.mark.usefixtures("prefect_backend")
def test_flow_ingests_sample_then_only_what_is_new(tmp_path, sample_copy):
    from flows.ingest import ingest

    (sample_copy / "junk.bin").write_bytes(b"\x00\x01")
    (sample_copy / "empty.txt").write_text("")
    db = str(tmp_path / "t.duckdb")
    first = ingest(sources=[str(sample_copy)], db=db, batch_size=4)
    assert first["discovered"] == 11
    assert (first["ingested"], first["rejected"], first["unchanged"]) == (9, 2, 0)
    assert first["ingested"] + first["rejected"] + first["unchanged"] == first["discovered"]
    assert first["articles"] == 10 and first["events"] > 30 and first["unanchored"] == 1
    second = ingest(sources=[str(sample_copy)], db=db, batch_size=4)
    # unreadable inputs are re-checked (and re-rejected) each run; readable unchanged ones are skipped
    assert (second["unchanged"], second["rejected"], second["articles"], second["mentions"]) == (10, 1, 0, 0)
    (sample_copy / "09-new.txt").write_text("Review due\n\nThe authority will publish its review on Friday.")
    third = ingest(sources=[str(sample_copy)], db=db, batch_size=4)
    assert (third["ingested"], third["unchanged"], third["rejected"], third["articles"]) == (1, 10, 1, 1)
    runs = store.run_query(db, "runs", {"limit": "10"})
    assert runs.height == 3 and set(runs["status"]) == {"completed"}
    rejects = store.run_query(db, "rejects")
    assert sorted(rejects["reason"].str.slice(0, 24)) == ["empty file", "unsupported file type .b"]


def test_serve_without_a_server_says_how_to_start_one(monkeypatch):
    from pipeline.cli import main

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(main, ["serve", "--cron", "*/15 * * * *", "data/sample"])
    assert result.exit_code == 1
    assert "prefect server start" in result.output and "PREFECT_API_URL" in result.output


def test_serve_says_what_is_wrong_with_a_bad_cron_or_an_unreachable_server(monkeypatch):
    from pipeline.cli import main

    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_free_port()}/api")  # nothing listens there
    r = CliRunner().invoke(main, ["serve", "--cron", "every tuesday", "data/sample"])
    assert r.exit_code == 2 and "not a valid cron expression" in r.output
    r = CliRunner().invoke(main, ["serve", "--cron", "*/15 * * * *", "data/sample"])
    assert r.exit_code == 1 and "cannot reach the Prefect server" in r.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """A real Prefect server on 127.0.0.1 (the temporary one never schedules), stopped afterwards."""
    home = tmp_path_factory.mktemp("prefect-server-home")
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    proc = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"prefect server exited: {proc.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("prefect server did not answer within 120 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_scheduled_deployment_is_registered_with_its_cron(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.ingest import build_deployment

    cron = "*/15 * * * *"
    dep = build_deployment(["data/sample"], cron, str(tmp_path / "t.duckdb"), name="test-schedule")
    assert dep.schedules[0].schedule.cron == cron
    with temporary_settings(updates={PREFECT_API_URL: prefect_server}):
        dep_id = dep.apply()

        async def read():
            async with get_client() as client:
                return await client.read_deployment(dep_id)

        registered = asyncio.run(read())
    assert [s.schedule.cron for s in registered.schedules] == [cron]
    assert registered.parameters["sources"] == [str(Path("data/sample").resolve())]
    assert registered.name == "test-schedule" and not registered.paused
    # the next fire times follow from the cron alone: no waiting for the clock
    from prefect.server.schemas.schedules import CronSchedule

    nxt = asyncio.run(CronSchedule(cron=cron, timezone="UTC").get_dates(
        n=2, start=datetime(2026, 1, 1, tzinfo=UTC)))
    assert [(d.hour, d.minute) for d in nxt] == [(0, 0), (0, 15)]


@pytest.mark.usefixtures("prefect_backend")
def test_a_failing_batch_is_accounted_for_and_the_run_goes_on(tmp_path, sample_copy, monkeypatch):
    import flows.ingest as flow_module
    from pipeline.batch import process_batch as real

    def flaky(inputs, *args, **kwargs):
        if any(i.path.endswith("01-walkout.txt") for i in inputs):
            raise RuntimeError("disk on fire")
        return real(inputs, *args, **kwargs)

    monkeypatch.setattr(flow_module, "process_batch", flaky)
    db = str(tmp_path / "t.duckdb")
    summary = flow_module.ingest(sources=[str(sample_copy)], db=db, batch_size=3)
    assert summary["discovered"] == 9 and summary["rejected"] == 3 and summary["ingested"] == 6
    reasons = store.run_query(db, "rejects")["reason"].to_list()
    assert len(reasons) == 3 and all("batch failed" in r and "disk on fire" in r for r in reasons)
