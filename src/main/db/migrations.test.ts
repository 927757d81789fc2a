import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { DEFAULT_PIGMENTS, PERMANENT_FADE, TEMPORARY_FADE } from '../../shared/plan/default-pigments'
import { DATABASE_FILE, openDatabase } from './database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration, migrate, schemaVersion } from './migrations'

const tempDir = tempDirsForEachTest()
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

const PATIENT = 'aaaaaaaa-0000-4000-8000-000000000001'
const PHOTO = 'bbbbbbbb-0000-4000-8000-000000000001'
const OTHER_PHOTO = 'bbbbbbbb-0000-4000-8000-000000000002'

/** A patient with two photos and a measurement, written with only the version 1 and 2 SQL. */
function seedVersion2(db: Database.Database) {
  db.prepare(
    `INSERT INTO patients (id, full_name, search_name, goals, created_at, updated_at)
     VALUES (?, 'Ana Ruiz', 'ana ruiz', '["density"]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run(PATIENT)
  const photo = db.prepare(
    `INSERT INTO photos (id, patient_id, sha256, format, original_name, byte_size, width, height, taken_at,
       taken_at_source, view, calibration, imported_at, updated_at)
     VALUES (?, ?, ?, 'jpeg', ?, 1234, 4000, 3000, '2026-01-01T10:00:00', 'exif', 'front', ?, 'x', 'x')`,
  )
  photo.run(PHOTO, PATIENT, 'a'.repeat(64), 'front.jpg', '{"a":{"x":1,"y":2},"b":{"x":101,"y":2},"lengthMm":10}')
  photo.run(OTHER_PHOTO, PATIENT, 'b'.repeat(64), 'crown.jpg', null)
  db.prepare(
    `INSERT INTO photo_measurements (id, photo_id, kind, label, points, created_at)
     VALUES ('m1', ?, 'distance', 'Temple gap', '[{"x":1,"y":1},{"x":9,"y":1}]', 'x')`,
  ).run(PHOTO)
}

const everyRow = (db: Database.Database) =>
  Object.fromEntries(
    ['patients', 'photos', 'photo_measurements'].map((table) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
    ]),
  )

const design = (schema: number) => JSON.stringify({ schema, objects: [] })
const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('openDatabase', () => {
  it('creates the database at the latest schema with durable settings', () => {
    const db = openDatabase(tempDir())
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toContain('patients')
    db.close()
  })

  it('reopens an existing database without re-running migrations', () => {
    const dir = tempDir()
    const first = openDatabase(dir)
    first
      .prepare(
        "INSERT INTO patients (id, full_name, search_name, created_at, updated_at) VALUES ('a', 'Ann', 'ann', 'x', 'x')",
      )
      .run()
    first.close()
    const again = openDatabase(dir)
    expect(again.prepare('SELECT full_name FROM patients').pluck().all()).toEqual(['Ann'])
    again.close()
  })

  it('refuses a database written by a newer Stipple and leaves the file untouched', () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE)
    const future = new Database(file)
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    future.close()
    const before = sha(file)

    expect(() => openDatabase(dir)).toThrow(/newer version of Stipple/)
    expect(sha(file)).toBe(before)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })
})

describe('version 3: designs', () => {
  it('upgrades a version 2 database with photos and keeps every row', () => {
    const dir = tempDir()
    const old = new Database(path.join(dir, DATABASE_FILE))
    migrate(old, upTo(2))
    seedVersion2(old)
    const before = everyRow(old)
    old.close()

    const db = new Database(path.join(dir, DATABASE_FILE))
    expect(migrate(db, upTo(3))).toBe(3)
    expect(everyRow(db)).toEqual(before)
    expect(db.prepare('SELECT count(*) FROM designs').pluck().get()).toBe(0)
    db.close()
  })

  it('holds one design per photo, as a JSON object that agrees with its version, and drops it with its photo', () => {
    const db = openDatabase(tempDir())
    seedVersion2(db)
    const insert = db.prepare(
      `INSERT INTO designs (id, patient_id, photo_id, document, schema_version, created_at, updated_at, revision)
       VALUES (@id, @patient, @photo, @document, @version, 'x', 'x', @revision)`,
    )
    const row = { id: 'd1', patient: PATIENT, photo: PHOTO, document: design(1), version: 1, revision: 1 }
    insert.run(row)

    expect(() => insert.run({ ...row, id: 'd2' })).toThrow(/UNIQUE/)
    const elsewhere = { ...row, photo: OTHER_PHOTO }
    expect(() => insert.run({ ...elsewhere, id: 'd3', document: '{"schema":1,' })).toThrow()
    expect(() => insert.run({ ...elsewhere, id: 'd4', document: '[1]' })).toThrow(/CHECK/)
    expect(() => insert.run({ ...elsewhere, id: 'd5', version: 2 })).toThrow(/CHECK/)
    expect(() => insert.run({ ...elsewhere, id: 'd6', revision: 0 })).toThrow(/CHECK/)
    expect(() => insert.run({ ...elsewhere, id: 'd7', photo: 'no-such-photo' })).toThrow(/FOREIGN KEY/)
    expect(() => insert.run({ ...elsewhere, id: 'd8', patient: 'no-such-patient' })).toThrow(/FOREIGN KEY/)
    insert.run({ ...elsewhere, id: 'd9', document: design(7), version: 7 })

    db.prepare('DELETE FROM photos WHERE id = ?').run(PHOTO)
    expect(db.prepare('SELECT id FROM designs').pluck().all()).toEqual(['d9'])
    expect(db.prepare('SELECT count(*) FROM photo_measurements').pluck().get()).toBe(0)
    db.close()
  })
})

describe('version 4: treatment plans', () => {
  /** A version 3 database holding a patient, two photos, a measurement and a design. */
  function version3(dir: string) {
    const old = new Database(path.join(dir, DATABASE_FILE))
    migrate(old, upTo(3))
    seedVersion2(old)
    old
      .prepare(
        `INSERT INTO designs (id, patient_id, photo_id, document, schema_version, created_at, updated_at)
         VALUES ('d1', ?, ?, ?, 1, 'x', 'x')`,
      )
      .run(PATIENT, PHOTO, design(1))
    const before: Record<string, unknown[]> = { ...everyRow(old), designs: old.prepare('SELECT * FROM designs').all() }
    old.close()
    return before
  }

  it('upgrades a version 3 database, keeps every row and seeds the pigment catalogue', () => {
    const dir = tempDir()
    const before = version3(dir)

    const db = openDatabase(dir)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    const after = { ...everyRow(db), designs: db.prepare('SELECT * FROM designs').all() }
    expect(after).toEqual({
      ...before,
      patients: before.patients?.map((row) => ({
        ...(row as object),
        transplant_date: null,
        sample: 0,
        pregnancy: 0,
        blood_thinners: 0,
      })),
      photos: before.photos?.map((row) => ({
        ...(row as object),
        session_id: null,
        chart: null,
        location_removed_at: null,
      })),
    })
    const pigments = db.prepare('SELECT id, name, family, retired, revision FROM pigments ORDER BY position').all()
    expect(pigments).toEqual(
      DEFAULT_PIGMENTS.map((p) => ({ id: p.id, name: p.name, family: p.family, retired: 0, revision: 1 })),
    )
    for (const table of ['settings', 'treatment_plans', 'sessions', 'session_treatments'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    db.close()
  })

  it('keeps a used pigment and a treated design, drops treatments with their session and unlinks its photos', () => {
    const dir = tempDir()
    version3(dir)
    const db = openDatabase(dir)
    const session = db.prepare(
      `INSERT INTO sessions (id, patient_id, position, starts_at, duration_min, pigment_id, needle_config, needle_mm,
         status, visible, opacity, created_at, updated_at)
       VALUES (@id, ?, 0, @startsAt, 180, 'smp-carbon-dark', '3RL', 0.25, 'planned', 1, 1, 'x', 'x')`,
    )
    session.run(PATIENT, { id: 's1', startsAt: '2026-02-01T09:00' })
    expect(() => session.run(PATIENT, { id: 's2', startsAt: '2026-02-30T09:00' })).toThrow(/CHECK/)
    expect(() => session.run(PATIENT, { id: 's3', startsAt: '2026-02-01 09:00' })).toThrow(/CHECK/)
    db.prepare(
      `INSERT INTO session_treatments (session_id, design_id, zone_id, unit, value, position)
       VALUES ('s1', 'd1', 'z1', 'share', 0.3, 0)`,
    ).run()
    db.prepare("UPDATE photos SET session_id = 's1' WHERE id = ?").run(OTHER_PHOTO)

    expect(() => db.prepare("DELETE FROM pigments WHERE id = 'smp-carbon-dark'").run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('DELETE FROM photos WHERE id = ?').run(PHOTO)).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE patients SET transplant_date = '2025-02-30'").run()).toThrow(/CHECK/)

    db.prepare("DELETE FROM sessions WHERE id = 's1'").run()
    expect(db.prepare('SELECT count(*) FROM session_treatments').pluck().get()).toBe(0)
    expect(db.prepare('SELECT session_id FROM photos WHERE id = ?').pluck().get(OTHER_PHOTO)).toBeNull()
    db.prepare("DELETE FROM pigments WHERE id = 'smp-carbon-dark'").run()
    db.close()
  })
})

describe('version 6: the treatment model', () => {
  /** A version 5 database with a temporary plan of four sessions, its pigments on the old fade models. */
  function version5(dir: string) {
    const old = new Database(path.join(dir, DATABASE_FILE))
    migrate(old, upTo(5))
    seedVersion2(old)
    old
      .prepare(
        `INSERT INTO designs (id, patient_id, photo_id, document, schema_version, created_at, updated_at)
         VALUES ('d1', ?, ?, ?, 1, 'x', 'x')`,
      )
      .run(PATIENT, PHOTO, design(1))
    old
      .prepare('UPDATE pigments SET fade = \'{"tauYears":0.305,"shape":0.69,"floor":0}\' WHERE family = \'temporary\'')
      .run()
    old
      .prepare(
        'UPDATE pigments SET fade = \'{"tauYears":3.15,"shape":0.934,"floor":0.3}\' WHERE family = \'permanent\'',
      )
      .run()
    old
      .prepare('UPDATE pigments SET fade = \'{"tauYears":2,"shape":1,"floor":0.1}\' WHERE id = \'smp-carbon-light\'')
      .run()
    old
      .prepare(
        "INSERT INTO treatment_plans (patient_id, technique, revision, updated_at) VALUES (?, 'temporary', 1, 'x')",
      )
      .run(PATIENT)
    const session = old.prepare(
      `INSERT INTO sessions (id, patient_id, position, starts_at, duration_min, pigment_id, needle_config, needle_mm,
         status, visible, opacity, created_at, updated_at)
       VALUES (@id, ?, @position, @startsAt, 420, 'trico-dark-brown', '3RL', 0.25, 'planned', 1, 1, 'x', 'x')`,
    )
    for (const [position, day] of ['2026-02-01', '2026-02-02', '2026-03-16', '2027-03-16'].entries())
      session.run(PATIENT, { id: `s${position + 1}`, position, startsAt: `${day}T09:00` })
    old.close()
  }

  it('gives old sessions the kind and a name their place had, and the shipped pigments the new fade models', () => {
    const dir = tempDir()
    version5(dir)
    const db = openDatabase(dir)
    expect(
      db
        .prepare('SELECT id, name, kind, pigment_lot, pigment_expires, clearance FROM sessions ORDER BY position')
        .all(),
    ).toEqual([
      { id: 's1', name: 'Session 1', kind: 'base', pigment_lot: '', pigment_expires: null, clearance: null },
      { id: 's2', name: 'Session 2', kind: 'day-2', pigment_lot: '', pigment_expires: null, clearance: null },
      { id: 's3', name: 'Session 3', kind: 'finishing', pigment_lot: '', pigment_expires: null, clearance: null },
      { id: 's4', name: 'Session 4', kind: 'touch-up', pigment_lot: '', pigment_expires: null, clearance: null },
    ])
    const fade = (id: string) =>
      JSON.parse(db.prepare('SELECT fade FROM pigments WHERE id = ?').pluck().get(id) as string)
    expect(fade('trico-dark-brown')).toEqual(TEMPORARY_FADE)
    expect(fade('smp-carbon-dark')).toEqual(PERMANENT_FADE)
    // A model the user fitted keeps its numbers and settles not at all.
    expect(fade('smp-carbon-light')).toEqual({
      settleLoss: 0,
      settleDays: 0,
      tauYears: 2,
      shape: 1,
      floor: 0.1,
      sources: 'Entered by the user.',
    })
    db.close()
  })

  it('keeps a pigment used on one zone from being deleted, and checks the new columns', () => {
    const dir = tempDir()
    version5(dir)
    const db = openDatabase(dir)
    db.prepare(
      `INSERT INTO session_treatments (session_id, design_id, zone_id, unit, value, position, needle_config, needle_mm,
         pigment_id, dilution)
       VALUES ('s1', 'd1', 'z1', 'share', 0.3, 0, '1RL', 0.2, 'smp-carbon-light', 0.6)`,
    ).run()
    expect(() => db.prepare("DELETE FROM pigments WHERE id = 'smp-carbon-light'").run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE sessions SET kind = 'bonus' WHERE id = 's1'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE sessions SET pigment_expires = '2027-02-30' WHERE id = 's1'").run()).toThrow(
      /CHECK/,
    )
    db.close()
  })
})

describe('migrate', () => {
  it('rolls a failing migration back whole and keeps the previous version', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite3'))
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE two (x)')
          throw new Error('boom')
        },
      },
    ]
    expect(() => migrate(db, migrations)).toThrow('boom')
    expect(schemaVersion(db)).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(['one'])
    db.close()
  })

  it('applies only the migrations newer than the stored version', () => {
    const db = new Database(':memory:')
    const ran: number[] = []
    const migrations: Migration[] = [1, 2, 3].map((version) => ({
      version,
      name: `m${version}`,
      up: () => ran.push(version),
    }))
    db.pragma('user_version = 2')
    expect(migrate(db, migrations)).toBe(3)
    expect(ran).toEqual([3])
  })
})
