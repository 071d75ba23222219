"""Do PostgreSQL and Redis answer? Exit 0 and say which versions, or exit 1 and say why not.
Creates the PostgreSQL database named in the URL if the server answers without it."""

import sys

import psycopg
import redis
from psycopg import sql


def main(pg_url: str, redis_url: str) -> int:
    try:
        admin_url = pg_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
            name = pg_url.rsplit("/", 1)[1]
            if not connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone():
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        print(f"PostgreSQL does not answer at {pg_url}: {error}".strip(), file=sys.stderr)
        return 1
    try:
        info = redis.Redis.from_url(redis_url, socket_connect_timeout=3).info("server")
    except redis.RedisError as error:
        print(f"Redis does not answer at {redis_url}: {error}", file=sys.stderr)
        return 1
    print(f"PostgreSQL {version}, Redis {info['redis_version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
