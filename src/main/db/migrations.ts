import type { Database } from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

/**
 * The schema's history, oldest first. A released migration is never edited: a change is a new
 * entry, and the fixture databases in test/ prove every old version still opens.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'patients',
    up: (db) => {
      db.exec(`
        CREATE TABLE patients (
          id TEXT PRIMARY KEY NOT NULL,
          full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
          search_name TEXT NOT NULL,
          date_of_birth TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) = date_of_birth),
          sex TEXT,
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          fitzpatrick INTEGER CHECK (fitzpatrick IS NULL OR fitzpatrick BETWEEN 1 AND 6),
          hair_colour TEXT,
          hair_loss_pattern TEXT,
          goals TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals) AND json_type(goals) = 'array'),
          keloid INTEGER NOT NULL DEFAULT 0 CHECK (keloid IN (0, 1)),
          alopecia_areata INTEGER NOT NULL DEFAULT 0 CHECK (alopecia_areata IN (0, 1)),
          chemotherapy INTEGER NOT NULL DEFAULT 0 CHECK (chemotherapy IN (0, 1)),
          hormonal INTEGER NOT NULL DEFAULT 0 CHECK (hormonal IN (0, 1)),
          scalp_condition INTEGER NOT NULL DEFAULT 0 CHECK (scalp_condition IN (0, 1)),
          medical_other TEXT NOT NULL DEFAULT '',
          notes TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          archived_at TEXT,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
        ) STRICT;
        CREATE INDEX patients_by_updated ON patients (archived_at, updated_at DESC);
      `)
    },
  },
  {
    version: 2,
    name: 'photos and measurements',
    up: (db) => {
      db.exec(`
        CREATE TABLE photos (
          id TEXT PRIMARY KEY NOT NULL,
          patient_id TEXT NOT NULL REFERENCES patients (id),
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'heic')),
          original_name TEXT NOT NULL,
          byte_size INTEGER NOT NULL CHECK (byte_size > 0),
          width INTEGER NOT NULL CHECK (width > 0),
          height INTEGER NOT NULL CHECK (height > 0),
          taken_at TEXT NOT NULL,
          taken_at_source TEXT NOT NULL CHECK (taken_at_source IN ('exif', 'file')),
          view TEXT NOT NULL DEFAULT 'other',
          caption TEXT NOT NULL DEFAULT '',
          calibration TEXT CHECK (calibration IS NULL OR json_valid(calibration)),
          imported_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
          UNIQUE (patient_id, sha256)
        ) STRICT;
        CREATE INDEX photos_by_sha ON photos (sha256);
        CREATE TABLE photo_measurements (
          id TEXT PRIMARY KEY NOT NULL,
          photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('distance', 'area')),
          label TEXT NOT NULL DEFAULT '',
          points TEXT NOT NULL CHECK (json_valid(points) AND json_type(points) = 'array'),
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX photo_measurements_by_photo ON photo_measurements (photo_id, created_at);
      `)
    },
  },
  {
    version: 3,
    name: 'designs',
    up: (db) => {
      // One design per photo: a patient has a design per view by having one per photo. The
      // format version is kept beside the JSON, and must agree with it, so a reader can tell a
      // design from a newer Stipple without parsing it.
      db.exec(`
        CREATE TABLE designs (
          id TEXT PRIMARY KEY NOT NULL,
          patient_id TEXT NOT NULL REFERENCES patients (id),
          photo_id TEXT NOT NULL UNIQUE REFERENCES photos (id) ON DELETE CASCADE,
          document TEXT NOT NULL CHECK (json_valid(document) AND json_type(document) = 'object'),
          schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
          CHECK (json_extract(document, '$.schema') IS schema_version)
        ) STRICT;
        CREATE INDEX designs_by_patient ON designs (patient_id);
      `)
    },
  },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `This patient database was written by a newer version of Stipple (schema ${found}, this version knows up to ${LATEST_SCHEMA_VERSION}). Update Stipple to open it; nothing was changed.`,
    )
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies each pending migration in its own transaction, so a failed one leaves the previous version intact. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  if (current > latest) throw new DatabaseTooNewError(current)
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return schemaVersion(db)
}
