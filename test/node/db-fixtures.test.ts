import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/backend'
import { DATABASE_FILE } from '../../src/main/db/database'
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../src/main/db/migrations'
import type { CallInput, CallName } from '../../src/shared/bridge/contract'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import { FIXTURE, FIXTURE_DESIGN, fixtureFile, SEEDS } from '../fixtures/db/seed'
import { call as callBridge } from './bridge-call'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/db')

/** A copy of a released version's database, opened as Stipple opens its own: migrated on open. */
function openFixture(version: number) {
  const dataDir = tempDir()
  fs.copyFileSync(path.join(FIXTURES, fixtureFile(version)), path.join(dataDir, DATABASE_FILE))
  const backend = openBackend({ dataDir, shell: 'web', version: 'test' })
  const call = <K extends CallName>(name: K, input: CallInput<K>) => callBridge(backend, name, input)
  return { dataDir, backend, call }
}

describe('databases of every released schema version', () => {
  it('has a committed fixture for each version up to the current one', () => {
    expect(SEEDS.map((s) => s.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1))
    for (const { version } of SEEDS) {
      const db = new Database(path.join(FIXTURES, fixtureFile(version)), { readonly: true })
      expect(schemaVersion(db)).toBe(version)
      db.close()
    }
  })

  for (const { version } of SEEDS) {
    it(`upgrades a schema ${version} database to the current one with every record and value intact`, async () => {
      const { dataDir, backend, call } = openFixture(version)
      const patient = await call('patients.get', { id: FIXTURE.patient })
      expect(patient).toMatchObject({
        fullName: 'Zoë O’Brien-Łukasik',
        dateOfBirth: '1984-02-29',
        sex: 'female',
        phone: '+44 (0)20 7946 0958',
        email: 'zoe@example.com',
        fitzpatrick: 4,
        hairColour: 'dark-brown',
        hairLossPattern: 'norwood-4',
        goals: ['density', 'scar-camouflage'],
        medical: {
          keloid: true,
          chemotherapy: true,
          alopeciaAreata: false,
          other: 'Blood thinners; “stopped” in 2025 😀',
          // Recorded from schema 9 on; an older record reads as not recorded.
          bloodThinners: version >= 9,
          pregnancy: false,
        },
        notes: "Line one\nLine two: it's fine",
        createdAt: FIXTURE.stamp,
        archivedAt: null,
        revision: 3,
        transplantDate: version >= 4 ? '2025-09-15' : null,
      })
      const archived = await call('patients.get', { id: FIXTURE.archived })
      expect(archived.archivedAt).toBe('2026-02-01T10:00:00.000Z')

      if (version >= 2) {
        const photo = await call('photos.get', { id: FIXTURE.photo })
        expect(photo).toMatchObject({
          originalName: 'front – 1.jpg',
          view: 'front',
          caption: 'Before session 1, flash on',
          width: 1200,
          takenAt: '2026-01-05T08:30:00',
          calibration: { a: { x: 100, y: 830 }, b: { x: 600, y: 830 }, lengthMm: 50 },
          sessionId: version >= 4 ? FIXTURE.session : null,
          locationRemovedAt: version >= 7 ? '2026-01-05T08:31:00.000Z' : null,
          revision: 2,
        })
        expect(photo.measurements).toEqual([
          expect.objectContaining({ id: FIXTURE.measurement, label: 'Temple gap', kind: 'distance' }),
        ])
        const uncalibrated = await call('photos.get', { id: FIXTURE.uncalibrated })
        expect(uncalibrated.calibration).toBeNull()
        expect(uncalibrated.chart).toBe(version >= 8 ? 'front' : null)
      }
      if (version >= 3) {
        const design = await call('designs.forPhoto', { photoId: FIXTURE.photo })
        expect(design).toMatchObject({ id: FIXTURE.design, revision: 4, document: FIXTURE_DESIGN })
      }
      const plan = await call('plans.get', { patientId: FIXTURE.patient })
      if (version >= 4) {
        expect(plan).toMatchObject({ technique: 'temporary', revision: 2 })
        expect(plan.sessions).toEqual([
          expect.objectContaining({
            id: FIXTURE.session,
            startsAt: '2026-01-06T09:00',
            practitioner: 'Dana Reyes',
            pigmentId: 'trico-dark-brown',
            needle: { config: '3RL', diameterMm: 0.25 },
            treatments: [
              {
                designId: FIXTURE.design,
                zoneId: 'frontal',
                amount: { unit: 'share', value: 0.4 },
                ...(version >= 6 && { needle: { config: '1RL', diameterMm: 0.2 }, dilution: 0.6 }),
              },
            ],
            status: 'done',
            layer: { visible: true, opacity: 0.8 },
            // Before schema 6 a session had no name or kind: the first of a plan is its base session.
            ...(version >= 6
              ? {
                  name: 'Day one “base”',
                  kind: 'base',
                  pigmentLot: 'Lot 24-117 ⁄ B',
                  pigmentExpires: '2027-03-03',
                  clearance: {
                    by: 'Dr. Ana Müller',
                    on: '2026-01-05',
                    reason: 'No keloid history on the scalp; “cleared”',
                  },
                }
              : { name: 'Session 1', kind: 'base', pigmentLot: '', pigmentExpires: null, clearance: null }),
          }),
        ])
      } else expect(plan).toMatchObject({ revision: 0, sessions: [] })
      const comments = version >= 3 ? await call('comments.list', { designId: FIXTURE.design }) : []
      const history = await call('audit.forPatient', {
        patientId: FIXTURE.patient,
        entity: null,
        before: null,
        limit: 50,
      })
      if (version >= 5) {
        expect(comments).toEqual([
          expect.objectContaining({
            id: FIXTURE.comment,
            at: { x: 320.5, y: 240.25 },
            author: 'Dr. Ana Müller',
            body: 'Hairline “too straight” at the left temple? 🤔',
            resolvedBy: 'Dana Reyes',
            revision: 2,
          }),
        ])
        expect(history.entries.map((e) => [e.entity, e.action])).toEqual([
          ['comment', 'resolved'],
          ['patient', 'updated'],
        ])
      } else {
        expect(comments).toEqual([])
        expect(history.entries).toEqual([])
      }
      expect(await call('audit.verify', {})).toMatchObject({ intact: true, checked: version >= 5 ? 2 : 0 })
      const pigments = await call('pigments.list', { includeRetired: true })
      expect(pigments.map((p) => p.id)).toEqual(DEFAULT_PIGMENTS.map((p) => p.id))
      backend.close()

      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true })
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      db.close()
    })
  }
})
