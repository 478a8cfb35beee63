-- GridCommand's schema for SQLite, the embedded default. The silo runs an embedded copy of this very file
-- at every start (every statement is idempotent), so code and schema cannot drift apart.
--
-- Four parts: the tables and queries Orleans' ADO.NET grain storage reads (OrleansQuery, OrleansStorage;
-- written by us to the contract of Orleans' scripts in dotnet/orleans src/AdoNet, simplified with a unique
-- index and upserts), the append-only event log, the position journal and the units' tracks.
-- Timestamps we write are UTC text 'yyyy-MM-dd HH:mm:ss.ffffff' (trailing zeros trimmed), which sorts as time.

-- Readers never block the writer; the mode is stored in the database file.
PRAGMA journal_mode = WAL;

-- The queries Orleans runs, by key. Orleans binds parameters by name and reads result columns by name.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. Version is the ETag: every write names the version it read (NULL for a grain never
-- written) and bumps it; a write naming another version changes nothing and Orleans reports the conflict.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Grain
    ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, IFNULL(GrainIdExtensionString, ''));
-- A grain's state by its id, without its hash: a device's sign-in checks its unit's key here, waking no grain.
CREATE INDEX IF NOT EXISTS OrleansStorage_Id ON OrleansStorage (ServiceId, GrainTypeString, GrainIdExtensionString);

-- synchronous = NORMAL: in WAL mode a commit survives a crash of the process (the WAL is in the OS's hands);
-- only a power cut can take the last commits. Per connection, so it rides along with every write.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
PRAGMA synchronous = NORMAL;
INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary,
       strftime(''%Y-%m-%d %H:%M:%f'', ''now''), 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now''), Version = Version + 1
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''')
RETURNING Version AS NewGrainStateVersion;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''');
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now''), Version = Version + 1
WHERE Version = @GrainStateVersion
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''')
RETURNING Version AS NewGrainStateVersion;
');

-- Append-only history: the audit log, the incidents' timelines and the source of the KPI reports.
CREATE TABLE IF NOT EXISTS grain_event
(
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    what       TEXT NOT NULL,
    grain_kind TEXT NOT NULL,
    grain_id   TEXT NOT NULL,
    data       TEXT
);
CREATE INDEX IF NOT EXISTS grain_event_grain ON grain_event (grain_kind, grain_id);
CREATE INDEX IF NOT EXISTS grain_event_at ON grain_event (at);
-- The stations' performance reads one kind of event over a period (incident.received, incident.outcome).
CREATE INDEX IF NOT EXISTS grain_event_what_at ON grain_event (what, at);

-- The position journal: each unit's newest fix, saved in batches by the silo that hosts the unit.
CREATE TABLE IF NOT EXISTS unit_position
(
    unit_id     TEXT    NOT NULL PRIMARY KEY,
    lat         REAL    NOT NULL,
    lon         REAL    NOT NULL,
    at          TEXT    NOT NULL,
    speed_kmh   REAL,
    heading_deg REAL,
    accuracy_m  REAL,
    seq         INTEGER NOT NULL
);

-- Units' tracks for replays (issue 10, replay): a row per piece, a unit's sampled points in one 10-minute bucket
-- (Unix seconds of its start) and one tile of 0.01° (TrackGrid), packed as differences (TrackCodec). piece is the
-- Unix milliseconds of the piece's first point: two silos writing the same unit's bucket and tile never collide.
-- Found by unit and time through the key, by place and time through unit_track_area; pruned by bucket.
CREATE TABLE IF NOT EXISTS unit_track
(
    unit_id     TEXT    NOT NULL,
    bucket      INTEGER NOT NULL,
    tile        INTEGER NOT NULL,
    piece       INTEGER NOT NULL,
    point_count INTEGER NOT NULL,
    packed      BLOB    NOT NULL,
    PRIMARY KEY (unit_id, bucket, tile, piece)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_track_area ON unit_track (bucket, tile);

-- Field check-ins (issue 11, check-ins): the history a cell's list pages through (newest first) and a station's
-- performance counts by day; the cell grain keeps the recent ones. Photos apart, read only when asked for.
CREATE TABLE IF NOT EXISTS checkin
(
    id         TEXT NOT NULL PRIMARY KEY,
    at         TEXT NOT NULL,
    unit_id    TEXT NOT NULL,
    unit_name  TEXT NOT NULL,
    unit_kind  TEXT NOT NULL,
    station_id TEXT,
    cell_id    TEXT NOT NULL,
    category   TEXT NOT NULL,
    note       TEXT,
    lat        REAL NOT NULL,
    lon        REAL NOT NULL,
    photo_type TEXT
);
CREATE INDEX IF NOT EXISTS checkin_cell ON checkin (cell_id, at);
CREATE INDEX IF NOT EXISTS checkin_at ON checkin (at);
CREATE INDEX IF NOT EXISTS checkin_station ON checkin (station_id, at);
CREATE TABLE IF NOT EXISTS checkin_photo
(
    checkin_id TEXT NOT NULL PRIMARY KEY,
    media_type TEXT NOT NULL,
    bytes      BLOB NOT NULL
);

-- Station performance (issue 11, performance): the incident records and check-ins logged on one past city day, added
-- up by station and the day each incident was reported (JSON of the rules' tallies). Derived from grain_event and
-- checkin, written once a day is over and read instead of that day's events; deleting rows only makes them be rebuilt.
CREATE TABLE IF NOT EXISTS performance_day
(
    day  TEXT NOT NULL PRIMARY KEY,
    data TEXT NOT NULL
);

-- The camera catalogue (雪亮): one row per camera, found by map box and by cell.
CREATE TABLE IF NOT EXISTS camera
(
    id           TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    cell_id      TEXT NOT NULL,
    kind         TEXT,
    owner        TEXT,
    stream_url   TEXT,
    snapshot_url TEXT,
    updated_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS camera_place ON camera (lat, lon);
CREATE INDEX IF NOT EXISTS camera_cell ON camera (cell_id);
