"""Test settings: Prefect stays quiet and local; nothing reads the clock or the user's ~/.prefect."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# before anything imports Prefect
os.environ.setdefault("PREFECT_HOME", str(Path(tempfile.gettempdir()) / "timeline-tests-prefect"))
os.environ.pop("PREFECT_API_URL", None)
from flows import settings  # noqa: E402

settings.apply()

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="session")
def prefect_backend():
    """One Prefect test server for the whole session (it takes ~15 s to start on two cores)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the sample corpus a test may add files to."""
    import shutil

    dst = tmp_path / "sample"
    shutil.copytree(SAMPLE, dst)
    return dst
