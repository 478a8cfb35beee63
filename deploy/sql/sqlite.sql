-- GridCommand storage schema for SQLite. The silo runs an embedded copy of this very file on
-- start (GrainStorage.EnsureSchemaAsync), so it is safe to run again; keep postgresql.sql in step.
-- Timestamps are UTC text 'yyyy-MM-dd HH:mm:ss.ffffff' (trailing zeros trimmed), which sorts as time.

-- Readers never block the writer; the mode is stored in the database file.
PRAGMA journal_mode = WAL;

-- One row per grain, Orleans AdoNet style: version is bumped by every write (optimistic concurrency).
CREATE TABLE IF NOT EXISTS grain_state (
    kind     text   NOT NULL,
    id       text   NOT NULL,
    version  bigint NOT NULL,
    payload  text   NOT NULL,
    modified text   NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Append-only history: the audit log and the source of the KPI reports.
CREATE TABLE IF NOT EXISTS grain_event (
    seq        integer PRIMARY KEY AUTOINCREMENT,
    at         text NOT NULL,
    actor      text NOT NULL,
    what       text NOT NULL,
    grain_kind text NOT NULL,
    grain_id   text NOT NULL,
    data       text
);
CREATE INDEX IF NOT EXISTS grain_event_grain ON grain_event (grain_kind, grain_id);
CREATE INDEX IF NOT EXISTS grain_event_at ON grain_event (at);
