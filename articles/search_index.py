"""The full-text index that readers search (portal/search.py reads it): an FTS5 table beside each
searched table on SQLite, a tsvector column with a GIN index on PostgreSQL; kept by triggers."""

# Triggers, not calls from the pipeline: every write (ingest, the desk, the admin, a bulk
# update, a source's cascading delete) keeps the index in step, whoever makes it. SQLite drops a
# table's triggers when Django remakes the table: install() runs after every migrate (apps.py)
# and puts them back; `herald rebuild_search` also indexes every row again.

from articles.models import Article, Post

# What is searched in each table: the title, the lead, the body, weighted in that order.
SEARCHED = {
    Article._meta.db_table: ("title", "summary", "content_text"),
    Post._meta.db_table: ("title", "summary", "body"),
}
# The Porter stemmer makes SQLite's matching close to PostgreSQL's english configuration; accents
# are kept, as PostgreSQL keeps them.
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 0"

# PostgreSQL's text-search configuration for a language code (its part before a region: en-GB is
# en); any other language is matched word for word, with 'simple'.
CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
CONFIG_FUNCTION = "herald_search_config"
DOCUMENT = "search_document"


def fts_table(table: str) -> str:
    return f"{table}_fts"


def install(connection) -> None:
    """Create the index and its triggers where they are missing (or out of date)."""
    _run(connection, "install")


def rebuild(connection) -> None:
    """Index every row again, from the tables themselves."""
    _run(connection, "rebuild")


def uninstall(connection) -> None:
    _run(connection, "uninstall")


def _run(connection, step: str) -> None:
    statements = {"sqlite": _sqlite, "postgresql": _postgresql}.get(connection.vendor)
    with connection.cursor() as cursor:
        for statement in statements(step) if statements else []:
            cursor.execute(statement)


def _sqlite(step: str) -> list[str]:
    statements = []
    for table, columns in SEARCHED.items():
        fts, names = fts_table(table), ", ".join(columns)
        old = ", ".join(f"old.{c}" for c in columns)
        new = ", ".join(f"new.{c}" for c in columns)
        # The index is external content: it stores no copy of the text, so removing a row must
        # name the words it was indexed with, which the old row still holds.
        forget = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
        learn = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {new});"
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
        if step == "install":
            statements += [
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
                f"content_rowid='id', tokenize='{FTS5_TOKENIZER}')",
                f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} "
                f"BEGIN {learn} END",
                f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} "
                f"BEGIN {forget} END",
                f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {names} ON {table} "
                f"WHEN {changed} BEGIN {forget} {learn} END",
            ]
        elif step == "rebuild":
            statements.append(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
        else:
            statements += [f"DROP TRIGGER IF EXISTS {fts}_{op}" for op in ("insert", "delete")]
            statements += [f"DROP TRIGGER IF EXISTS {fts}_update", f"DROP TABLE IF EXISTS {fts}"]
    return statements


def _document(row: str, columns: tuple[str, ...]) -> str:
    """The row's words as its language's configuration stems them, weighted by where they are."""
    config = f"{CONFIG_FUNCTION}({row}.language)"
    return " || ".join(
        f"setweight(to_tsvector({config}, coalesce({row}.{column}, '')), '{weight}')"
        for column, weight in zip(columns, "ABD", strict=True)
    )


def _postgresql(step: str) -> list[str]:
    cases = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGS.items())
    statements = []
    if step == "install":
        statements.append(
            f"CREATE OR REPLACE FUNCTION {CONFIG_FUNCTION}(code text) RETURNS regconfig "
            f"LANGUAGE sql STABLE AS $$ SELECT (CASE split_part(replace(lower(code), '_', '-'), "
            f"'-', 1) {cases} ELSE 'simple' END)::regconfig $$"
        )
    for table, columns in SEARCHED.items():
        function = f"{table}_{DOCUMENT}"
        # The trigger names no column (the function does, unseen by PostgreSQL's dependency
        # tracking), so that later migrations may still change those columns' types.
        unchanged = " AND ".join(
            f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in (*columns, "language")
        )
        if step == "install":
            statements += [
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {DOCUMENT} tsvector",
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN IF TG_OP = 'UPDATE' AND {unchanged} THEN RETURN NEW; END IF; "
                f"NEW.{DOCUMENT} := {_document('NEW', columns)}; RETURN NEW; END $$",
                f"DROP TRIGGER IF EXISTS {function} ON {table}",
                f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()",
                # search: WHERE search_document @@ <the words in every configuration>
                f"CREATE INDEX IF NOT EXISTS {function} ON {table} USING gin ({DOCUMENT})",
            ]
        elif step == "rebuild":
            statements.append(f"UPDATE {table} SET {DOCUMENT} = {_document(table, columns)}")
        else:
            statements += [
                f"DROP TRIGGER IF EXISTS {function} ON {table}",
                f"DROP FUNCTION IF EXISTS {function}()",
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS {DOCUMENT}",
            ]
    if step == "uninstall":
        statements.append(f"DROP FUNCTION IF EXISTS {CONFIG_FUNCTION}(text)")
    return statements
