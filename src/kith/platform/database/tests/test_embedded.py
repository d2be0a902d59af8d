"""The embedded PostgreSQL: reused when running, recovered after a killed run."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from kith.platform.database.embedded import EmbeddedServer


def test_a_second_ensure_running_reuses_the_test_server() -> None:
    # given the server the test run started (or found running)
    server = settings.EMBEDDED_DATABASE
    # when
    started = server.ensure_running()
    # then
    assert (started, server.is_running()) == (False, True)


@pytest.fixture
def throwaway_server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    """A server of its own, never the test run's: data under tmp_path, a short socket path under /tmp."""
    socket_dir = Path(tempfile.mkdtemp(prefix="kith-t-", dir="/tmp"))  # a socket path must be short
    server = EmbeddedServer(data_dir=tmp_path / "pg", socket_dir=socket_dir)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(socket_dir, ignore_errors=True)


def test_a_server_killed_with_its_lock_files_left_behind_starts_again(throwaway_server: EmbeddedServer) -> None:
    # given a server that was killed outright, leaving postmaster.pid and the socket lock behind
    assert throwaway_server.ensure_running() is True
    postmaster = _postmaster_pid(throwaway_server)
    _kill_and_wait(postmaster)
    assert ((throwaway_server.data_dir / "postmaster.pid").exists(), throwaway_server.is_running()) == (True, False)
    # when
    started = throwaway_server.ensure_running()
    # then
    assert (started, throwaway_server.is_running(), _postmaster_pid(throwaway_server) != postmaster) == (
        True,
        True,
        True,
    )


def test_a_lock_file_naming_another_live_program_is_cleared(throwaway_server: EmbeddedServer) -> None:
    # given a killed server whose postmaster.pid now names a live process that is not PostgreSQL
    # (after a container restart, PIDs are reused)
    assert throwaway_server.ensure_running() is True
    _kill_and_wait(_postmaster_pid(throwaway_server))
    pid_file = throwaway_server.data_dir / "postmaster.pid"
    lines = pid_file.read_text().splitlines()
    pid_file.write_text("\n".join([str(os.getpid()), *lines[1:]]) + "\n")
    # when
    started = throwaway_server.ensure_running()
    # then
    assert (started, throwaway_server.is_running()) == (True, True)


def _postmaster_pid(server: EmbeddedServer) -> int:
    return int((server.data_dir / "postmaster.pid").read_text().splitlines()[0])


def _children_of(pid: int) -> set[int]:
    children = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        if f"PPid:\t{pid}" in lines:
            children.add(int(status.parent.name))
    return children


def _alive(pid: int) -> bool:
    """Running, rather than gone or a zombie waiting to be reaped (whose cmdline is empty)."""
    try:
        return bool(Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return False


def _kill_and_wait(postmaster: int) -> None:
    """SIGKILL the postmaster, then wait for its backends to notice and exit, as they do."""
    backends = _children_of(postmaster)
    os.kill(postmaster, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in backends | {postmaster}):
        time.sleep(0.05)
