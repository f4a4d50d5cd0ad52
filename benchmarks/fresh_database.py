"""Drop and create a PostgreSQL database named by a URL (the benchmarks'
throw-away databases)."""

from urllib.parse import urlsplit, urlunsplit


def recreate(url: str) -> str:
    """An empty database at ``url`` (dropped first if it exists); returns ``url``."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url
