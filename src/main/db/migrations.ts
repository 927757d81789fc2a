import type { Database } from 'better-sqlite3'
import { DEFAULT_PIGMENTS, PERMANENT_FADE, TEMPORARY_FADE } from '../../shared/plan/default-pigments'
import type { FadeModel } from '../../shared/plan/plan-types'
import { GENESIS_HASH } from '../services/audit/audit-chain'

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
  {
    version: 4,
    name: 'treatment plans',
    up: (db) => {
      // Sessions keep their pigment (no cascade): a pigment that was used cannot vanish from
      // the record of what was put in a patient's skin; it is retired instead. Treatments name
      // design zones, so a design or photo that sessions treat cannot be deleted under them.
      db.exec(`
        CREATE TABLE pigments (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL CHECK (length(name) >= 1),
          shade TEXT NOT NULL CHECK (
            length(shade) = 7 AND shade GLOB '#*' AND NOT substr(shade, 2) GLOB '*[^0-9a-fA-F]*'
          ),
          dilution REAL NOT NULL CHECK (dilution >= 0 AND dilution < 1),
          family TEXT NOT NULL CHECK (family IN ('temporary', 'permanent')),
          carbon_black INTEGER NOT NULL CHECK (carbon_black IN (0, 1)),
          fade TEXT NOT NULL CHECK (json_valid(fade) AND json_type(fade) = 'object'),
          drift REAL NOT NULL CHECK (drift BETWEEN 0 AND 1),
          drift_colour TEXT NOT NULL CHECK (
            length(drift_colour) = 7 AND drift_colour GLOB '#*' AND NOT substr(drift_colour, 2) GLOB '*[^0-9a-fA-F]*'
          ),
          retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
          position INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
        ) STRICT;
        CREATE TABLE settings (
          key TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL CHECK (json_valid(value) AND json_type(value) = 'object'),
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
        ) STRICT;
        CREATE TABLE treatment_plans (
          patient_id TEXT PRIMARY KEY NOT NULL REFERENCES patients (id),
          technique TEXT NOT NULL CHECK (technique IN ('temporary', 'permanent')),
          revision INTEGER NOT NULL CHECK (revision >= 1),
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY NOT NULL,
          patient_id TEXT NOT NULL REFERENCES patients (id),
          position INTEGER NOT NULL CHECK (position >= 0),
          starts_at TEXT NOT NULL CHECK (
            starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'
            AND date(substr(starts_at, 1, 10)) = substr(starts_at, 1, 10)
          ),
          duration_min INTEGER NOT NULL CHECK (duration_min > 0),
          practitioner TEXT NOT NULL DEFAULT '',
          pigment_id TEXT NOT NULL REFERENCES pigments (id),
          needle_config TEXT NOT NULL CHECK (needle_config IN ('1RL', '3RL')),
          needle_mm REAL NOT NULL CHECK (needle_mm > 0),
          notes TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'skipped')),
          visible INTEGER NOT NULL CHECK (visible IN (0, 1)),
          opacity REAL NOT NULL CHECK (opacity BETWEEN 0 AND 1),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_by_patient ON sessions (patient_id, position);
        CREATE INDEX sessions_by_pigment ON sessions (pigment_id);
        CREATE TABLE session_treatments (
          session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
          design_id TEXT NOT NULL REFERENCES designs (id),
          zone_id TEXT NOT NULL,
          unit TEXT NOT NULL CHECK (unit IN ('perCm2', 'share')),
          value REAL NOT NULL CHECK (value > 0),
          position INTEGER NOT NULL CHECK (position >= 0),
          PRIMARY KEY (session_id, design_id, zone_id)
        ) STRICT;
        CREATE INDEX session_treatments_by_design ON session_treatments (design_id);
        ALTER TABLE photos ADD COLUMN session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL;
        CREATE INDEX photos_by_session ON photos (session_id);
        ALTER TABLE patients ADD COLUMN transplant_date TEXT
          CHECK (transplant_date IS NULL OR date(transplant_date) = transplant_date);
      `)
      // A new database starts with today's catalogue; from then on it is the user's to edit.
      const seed = db.prepare(
        `INSERT INTO pigments (id, name, shade, dilution, family, carbon_black, fade, drift, drift_colour, retired,
           position, created_at, updated_at, revision)
         VALUES (@id, @name, @shade, @dilution, @family, @carbonBlack, @fade, @drift, @driftColour, @retired,
           @position, @now, @now, 1)`,
      )
      const now = new Date().toISOString()
      for (const [position, pigment] of DEFAULT_PIGMENTS.entries()) {
        seed.run({
          ...pigment,
          carbonBlack: Number(pigment.carbonBlack),
          fade: JSON.stringify(pigment.fade),
          retired: Number(pigment.retired),
          position,
          now,
        })
      }
    },
  },
  {
    version: 5,
    name: 'audit trail and review comments',
    up: (db) => {
      db.exec(`
        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
          at TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          entity TEXT NOT NULL CHECK (entity IN ('patient', 'photo', 'design', 'plan', 'comment')),
          entity_id TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object'),
          prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
          hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
        ) STRICT;
        CREATE INDEX audit_log_by_patient ON audit_log (patient_id, seq);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END;
        -- The newest entry's number and hash, kept beside the chain: a chain cannot see its own
        -- newest entries cut off, the head can. Entries are numbered from it, so an entry added
        -- after a cut still leaves the gap in view.
        CREATE TABLE audit_head (
          id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
          seq INTEGER NOT NULL CHECK (seq >= 0),
          hash TEXT NOT NULL CHECK (length(hash) = 64)
        ) STRICT;
        INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}');
        CREATE TRIGGER audit_log_follows_head BEFORE INSERT ON audit_log
          WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head) OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head)
          BEGIN SELECT RAISE(ABORT, 'An audit entry must follow the newest one'); END;
        CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
          BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash; END;
        CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
          WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1
            OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
          BEGIN SELECT RAISE(ABORT, 'The audit trail head only moves to the newest entry'); END;
        CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
          BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END;
        CREATE TABLE comments (
          id TEXT PRIMARY KEY NOT NULL,
          design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
          x REAL NOT NULL,
          y REAL NOT NULL,
          author TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 120),
          body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
          created_at TEXT NOT NULL,
          resolved_at TEXT,
          resolved_by TEXT,
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL CHECK (revision >= 1),
          CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
        ) STRICT;
        CREATE INDEX comments_by_design ON comments (design_id, created_at);
      `)
    },
  },
  {
    version: 6,
    name: 'treatment model: session names and kinds, ink lots, clearances, per-zone needle and pigment',
    up: (db) => {
      db.exec(`
        ALTER TABLE sessions ADD COLUMN name TEXT NOT NULL DEFAULT '';
        ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'extra'
          CHECK (kind IN ('base', 'day-2', 'follow-up', 'finishing', 'extra', 'touch-up'));
        ALTER TABLE sessions ADD COLUMN pigment_lot TEXT NOT NULL DEFAULT '';
        ALTER TABLE sessions ADD COLUMN pigment_expires TEXT
          CHECK (pigment_expires IS NULL OR date(pigment_expires) = pigment_expires);
        ALTER TABLE sessions ADD COLUMN clearance TEXT
          CHECK (clearance IS NULL OR (json_valid(clearance) AND json_type(clearance) = 'object'));
        ALTER TABLE session_treatments ADD COLUMN needle_config TEXT CHECK (needle_config IN ('1RL', '3RL'));
        ALTER TABLE session_treatments ADD COLUMN needle_mm REAL CHECK (needle_mm > 0);
        ALTER TABLE session_treatments ADD COLUMN pigment_id TEXT REFERENCES pigments (id);
        ALTER TABLE session_treatments ADD COLUMN dilution REAL CHECK (dilution >= 0 AND dilution < 1);
        CREATE INDEX session_treatments_by_pigment ON session_treatments (pigment_id);
      `)
      // Existing sessions get the kind and name their place in the old templates gave them, so
      // nothing is judged differently until the user changes it.
      db.exec(`
        WITH ranked AS (
          SELECT sessions.id, treatment_plans.technique AS technique,
            ROW_NUMBER() OVER (PARTITION BY sessions.patient_id ORDER BY position, starts_at, sessions.id) AS n
          FROM sessions JOIN treatment_plans USING (patient_id)
        )
        UPDATE sessions SET
          kind = (SELECT CASE
            WHEN n = 1 THEN 'base'
            WHEN technique = 'temporary' AND n = 2 THEN 'day-2'
            WHEN technique = 'temporary' AND n = 3 THEN 'finishing'
            WHEN technique = 'temporary' THEN 'touch-up'
            WHEN n = 3 THEN 'finishing'
            WHEN n = 2 THEN 'follow-up'
            ELSE 'extra' END FROM ranked WHERE ranked.id = sessions.id),
          name = (SELECT 'Session ' || n FROM ranked WHERE ranked.id = sessions.id)
        WHERE id IN (SELECT id FROM ranked);
      `)
      // The fade model gained a settling part. Catalogue entries still on the old shipped models
      // take the new ones; a model the user fitted keeps its numbers and settles not at all.
      const oldDefaults: Record<string, string> = {
        temporary: JSON.stringify({ tauYears: 0.305, shape: 0.69, floor: 0 }),
        permanent: JSON.stringify({ tauYears: 3.15, shape: 0.934, floor: 0.3 }),
      }
      const newDefaults: Record<string, FadeModel> = { temporary: TEMPORARY_FADE, permanent: PERMANENT_FADE }
      const rows = db
        .prepare<[], { id: string; family: string; fade: string }>('SELECT id, family, fade FROM pigments')
        .all()
      const update = db.prepare('UPDATE pigments SET fade = ? WHERE id = ?')
      for (const row of rows) {
        const fade = JSON.parse(row.fade) as Partial<FadeModel>
        if (fade.settleLoss !== undefined) continue
        const { tauYears, shape, floor } = fade
        const shipped = JSON.stringify({ tauYears, shape, floor }) === oldDefaults[row.family]
        const next = shipped
          ? newDefaults[row.family]
          : { settleLoss: 0, settleDays: 0, tauYears, shape, floor, sources: 'Entered by the user.' }
        update.run(JSON.stringify(next), row.id)
      }
    },
  },
  {
    version: 7,
    name: 'location removed from photo originals',
    up: (db) => {
      // When import blanked the original's GPS block; null when it had none or the clinic keeps it.
      db.exec('ALTER TABLE photos ADD COLUMN location_removed_at TEXT')
    },
  },
  {
    version: 8,
    name: 'head charts and the sample patient',
    up: (db) => {
      // A head chart is a photo Stipple drew; the sample patient is a teaching record that
      // backups' counts, archives and the patient's real data leave out.
      db.exec(`
        ALTER TABLE photos ADD COLUMN chart TEXT
          CHECK (chart IS NULL OR chart IN ('front', 'top', 'left', 'right', 'back'));
        ALTER TABLE patients ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));
      `)
    },
  },
  {
    version: 9,
    name: 'pregnancy and blood thinners on the patient record',
    up: (db) => {
      // Two contraindications of the domain notes a session needs a doctor's clearance for.
      db.exec(`
        ALTER TABLE patients ADD COLUMN pregnancy INTEGER NOT NULL DEFAULT 0 CHECK (pregnancy IN (0, 1));
        ALTER TABLE patients ADD COLUMN blood_thinners INTEGER NOT NULL DEFAULT 0 CHECK (blood_thinners IN (0, 1));
      `)
    },
  },
  {
    version: 10,
    name: 'the sample patient’s history kept apart from the trail',
    up: (db) => {
      // The sample is made-up teaching data that the user removes at will. Its entries cannot be
      // cut from the hash chain without breaking it for every real patient, so they are kept here,
      // outside the chain, and removed with the sample. Entries an earlier version chained stay.
      db.exec(`
        CREATE TABLE sample_audit_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL CHECK (json_valid(detail))
        );
        CREATE INDEX sample_audit_log_by_patient ON sample_audit_log (patient_id, seq);
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
