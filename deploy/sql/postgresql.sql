-- GridCommand's schema for PostgreSQL, the production store. The silo runs an embedded copy of this very
-- file at every start (every statement is idempotent; concurrent starts are serialized by an advisory lock).
--
-- Four parts: the tables and queries Orleans' ADO.NET grain storage reads (OrleansQuery, OrleansStorage;
-- written by us to the contract of Orleans' scripts in dotnet/orleans src/AdoNet, simplified with a unique
-- index and upserts), the append-only event log, the position journal and the units' tracks. Keep sqlite.sql in step.
-- Timestamps are timestamptz (stored as UTC).

-- The queries Orleans runs, by key. Orleans binds parameters by name and reads result columns by name.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- One row per grain state. Version is the ETag: every write names the version it read (NULL for a grain never
-- written) and bumps it; a write naming another version changes nothing and Orleans reports the conflict.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512),
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer
);
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Grain
    ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, (COALESCE(GrainIdExtensionString, '')));
-- A grain's state by its id, without its hash: a device's sign-in checks its unit's key here, waking no grain.
CREATE INDEX IF NOT EXISTS OrleansStorage_Id ON OrleansStorage (ServiceId, GrainTypeString, GrainIdExtensionString);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString, '''')
RETURNING Version AS NewGrainStateVersion;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString, '''');
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE Version = @GrainStateVersion
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString, '''')
RETURNING Version AS NewGrainStateVersion;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Append-only history: the audit log, the incidents' timelines and the source of the KPI reports.
CREATE TABLE IF NOT EXISTS grain_event
(
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
-- The stations' performance reads one kind of event over a period (incident.received, incident.outcome).
CREATE INDEX IF NOT EXISTS grain_event_what_at ON grain_event (what, at);

-- The position journal: each unit's newest fix, saved in batches by the silo that hosts the unit.
CREATE TABLE IF NOT EXISTS unit_position
(
    unit_id     text             NOT NULL PRIMARY KEY,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    at          timestamptz      NOT NULL,
    speed_kmh   double precision,
    heading_deg double precision,
    accuracy_m  double precision,
    seq         bigint           NOT NULL
);

-- Units' tracks for replays (issue 10, replay): a row per piece, a unit's sampled points in one 10-minute bucket
-- (Unix seconds of its start) and one tile of 0.01° (TrackGrid), packed as differences (TrackCodec). piece is the
-- Unix milliseconds of the piece's first point: two silos writing the same unit's bucket and tile never collide.
-- Found by unit and time through the key, by place and time through unit_track_area; pruned by bucket.
CREATE TABLE IF NOT EXISTS unit_track
(
    unit_id     text    NOT NULL,
    bucket      bigint  NOT NULL,
    tile        integer NOT NULL,
    piece       bigint  NOT NULL,
    point_count integer NOT NULL,
    packed      bytea   NOT NULL,
    PRIMARY KEY (unit_id, bucket, tile, piece)
);
CREATE INDEX IF NOT EXISTS unit_track_area ON unit_track (bucket, tile);

-- Field check-ins (issue 11, check-ins): the history a cell's list pages through (newest first) and a station's
-- performance counts by day; the cell grain keeps the recent ones. Photos apart, read only when asked for.
CREATE TABLE IF NOT EXISTS checkin
(
    id         text             NOT NULL PRIMARY KEY,
    at         timestamptz      NOT NULL,
    unit_id    text             NOT NULL,
    unit_name  text             NOT NULL,
    unit_kind  text             NOT NULL,
    station_id text,
    cell_id    text             NOT NULL,
    category   text             NOT NULL,
    note       text,
    lat        double precision NOT NULL,
    lon        double precision NOT NULL,
    photo_type text
);
CREATE INDEX IF NOT EXISTS checkin_cell ON checkin (cell_id, at);
CREATE INDEX IF NOT EXISTS checkin_at ON checkin (at);
CREATE INDEX IF NOT EXISTS checkin_station ON checkin (station_id, at);
CREATE TABLE IF NOT EXISTS checkin_photo
(
    checkin_id text  NOT NULL PRIMARY KEY,
    media_type text  NOT NULL,
    bytes      bytea NOT NULL
);

-- Station performance (issue 11, performance): the incident records and check-ins logged on one past city day, added
-- up by station and the day each incident was reported (JSON of the rules' tallies). Derived from grain_event and
-- checkin, written once a day is over and read instead of that day's events; deleting rows only makes them be rebuilt.
CREATE TABLE IF NOT EXISTS performance_day
(
    day  text NOT NULL PRIMARY KEY,
    data text NOT NULL
);

-- The camera catalogue (雪亮): one row per camera, found by map box and by cell.
CREATE TABLE IF NOT EXISTS camera
(
    id           text NOT NULL PRIMARY KEY,
    name         text NOT NULL,
    lat          double precision NOT NULL,
    lon          double precision NOT NULL,
    cell_id      text NOT NULL,
    kind         text,
    owner        text,
    stream_url   text,
    snapshot_url text,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS camera_place ON camera (lat, lon);
CREATE INDEX IF NOT EXISTS camera_cell ON camera (cell_id);
