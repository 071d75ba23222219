"""PostgreSQL and Redis servers of a test's own, on free loopback ports, for the fault tests that
stop and restart them: the shared services the rest of the suite uses are never touched."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import redis
from psycopg import sql

from herald.testing import free_port, wait_for


class ServiceMissing(Exception):
    """The server's programs are not installed on this machine."""


def postgres_bindir() -> Path:
    """Where initdb and pg_ctl are: pg_config's answer, else the newest Debian install."""
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(found.stdout.strip())
    # Debian's pg_config (libpq-dev) may name /usr/bin, where only the wrappers live.
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda path: int(Path(path).parent.name), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise ServiceMissing(
        "no PostgreSQL server programs (initdb, pg_ctl) found by pg_config --bindir or under "
        "/usr/lib/postgresql/*/bin: install Debian's postgresql package"
    )


class PrivateServer:
    """Started on entering the block, stopped and its folder removed on leaving it."""

    def start(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.remove()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


def system_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise ServiceMissing(
            f"no '{name}' system user to run PostgreSQL as (root may not): Debian's postgresql "
            "package adds it"
        ) from None


class PrivatePostgres(PrivateServer):
    """A PostgreSQL cluster in a temporary folder, listening on 127.0.0.1:`port` with trust
    authentication for the `postgres` superuser. initdb and the server refuse to run as root, so
    as root they run as the `postgres` system user, who owns the folder."""

    def __init__(self):
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="herald-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.owner = None
        try:
            if os.geteuid() == 0:
                self.owner = system_user("postgres")
                os.chown(self.dir, self.owner.pw_uid, self.owner.pw_gid)
            self._initdb()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    def _initdb(self) -> None:
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip
        # In postgresql.conf, not on pg_ctl's command line, so that every restart keeps them.
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": self.port,
            "unix_socket_directories": f"'{self.dir}'",
            # A test's data need not survive a power cut: no waiting for the disk.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _run(self, program: str, *args) -> None:
        command = [str(self.bindir / program), *map(str, args)]
        if self.owner:
            command = ["runuser", "-u", "postgres", "--", *command]
        # The postgres user may not enter the caller's folder: run from the cluster's own.
        done = subprocess.run(command, cwd=self.dir, capture_output=True, text=True)
        if done.returncode:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stdout}{done.stderr}{log}")

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start")
        # pg_ctl -w may have asked on the Unix socket; Herald comes by TCP.
        wait_for(self.answers, 30, f"PostgreSQL on port {self.port}")

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as when a database server goes down."""
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "60", "stop")

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def answers(self) -> bool:
        try:
            psycopg.connect(self.url(), connect_timeout=2).close()
        except psycopg.OperationalError:
            return False
        return True

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def remove(self) -> None:
        try:
            if self.is_running():
                self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis(PrivateServer):
    """redis-server in the foreground on 127.0.0.1:`port`, keeping nothing on disk. stop() ends
    it; start() brings up an empty one on the same port."""

    def __init__(self):
        program = shutil.which("redis-server")
        if program is None:
            raise ServiceMissing("no redis-server on PATH: install Debian's redis-server package")
        self.program = program
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="herald-redis-"))
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=1, socket_timeout=1)

    def answers(self) -> bool:
        client = self.client()
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def start(self) -> None:
        if self.process is not None:
            return
        with open(self.dir / "server.log", "a") as log:
            self.process = subprocess.Popen(
                [self.program, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--daemonize", "no", "--dir", str(self.dir)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip

        def up() -> bool:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.dir / 'server.log').read_text()}")
            return self.answers()

        wait_for(up, 30, f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
