"""A throwaway PostgreSQL server for tests: ``initdb`` + ``pg_ctl`` in a temp folder.

Real server, no mocks: the store's SQL runs against the same PostgreSQL the
machine has.  PostgreSQL refuses to run as root, so under root the server runs as
the ``postgres`` (or ``nobody``) user.  When the binaries are absent the tests
that need them skip and say why.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["pg_binaries", "postgres_server"]

_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


def pg_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for d in _DIRS:
        if (Path(d) / "initdb").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _runner() -> tuple[list[str], int | None]:
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            user = pwd.getpwnam(name)
            return ["runuser", "-u", name, "--"], user.pw_uid
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server on 127.0.0.1 and yield its base URL (``postgresql://u@host:port``)."""
    bin_dir = pg_binaries()
    if bin_dir is None:
        raise FileNotFoundError("initdb/pg_ctl not found (apt-get install postgresql)")
    prefix, uid = _runner()
    root = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
    if uid is not None:
        os.chown(root, uid, -1)
    data = root / "data"
    port = _free_port()
    run = {"check": True, "capture_output": True, "cwd": root}
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "test",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        **run,  # type: ignore[arg-type]
    )
    opts = f"-h 127.0.0.1 -p {port} -k {root} -F -c fsync=off -c max_connections=50"
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        ],
        **run,  # type: ignore[arg-type]
    )
    try:
        yield f"postgresql://test@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            cwd=root,
        )
        shutil.rmtree(root, ignore_errors=True)
