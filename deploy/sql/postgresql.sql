-- GridCommand storage schema for PostgreSQL. The silo runs an embedded copy of this very file on
-- start (GrainStorage.EnsureSchemaAsync), so it is safe to run again; keep sqlite.sql in step.
-- Timestamps are timestamptz (stored as UTC).

-- One row per grain, Orleans AdoNet style: version is bumped by every write (optimistic concurrency).
CREATE TABLE IF NOT EXISTS grain_state (
    kind     text        NOT NULL,
    id       text        NOT NULL,
    version  bigint      NOT NULL,
    payload  text        NOT NULL,
    modified timestamptz NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Append-only history: the audit log and the source of the KPI reports.
CREATE TABLE IF NOT EXISTS grain_event (
    seq        bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    what       text        NOT NULL,
    grain_kind text        NOT NULL,
    grain_id   text        NOT NULL,
    data       text
);
CREATE INDEX IF NOT EXISTS grain_event_grain ON grain_event (grain_kind, grain_id);
CREATE INDEX IF NOT EXISTS grain_event_at ON grain_event (at);
