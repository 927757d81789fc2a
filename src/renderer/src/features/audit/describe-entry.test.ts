import { describe, expect, it } from 'vitest'
import type { AuditEntry, AuditEvent, PhotoNote, SessionChange } from '../../../../shared/audit/audit-types'
import { describeEntry } from './describe-entry'

const entry = (event: AuditEvent): AuditEntry =>
  ({ ...event, seq: 1, at: '2026-03-03T09:41:00.000Z', patientId: 'p1', entityId: 'e1' }) as AuditEntry

const photo: PhotoNote = { name: 'crown.jpg', view: 'crown', takenAt: '2026-03-03T09:41:00' }
const distance = { kind: 'distance' as const, label: 'Temple gap', size: { value: 42.5, unit: 'mm' as const } }
const area = { kind: 'area' as const, label: '', size: { value: 3.2, unit: 'cm²' as const } }
const comment = { designId: 'd1', author: 'Dr Vale', body: 'Lower the hairline by 2 mm.', by: null }

const session = (over: Partial<SessionChange> = {}): SessionChange => ({
  id: 's1',
  startsAt: '2026-04-01T10:00',
  changes: [{ field: 'durationMin', before: 120, after: 150 }],
  treatments: [{ zone: 'Crown', before: { unit: 'share', value: 0.6 }, after: { unit: 'perCm2', value: 30 } }],
  ...over,
})

/**
 * Every entity and action in words, pinned word for word: the descriptions are the audit trail
 * as the clinician reads it, so a refactor must not change one.
 */
describe('describeEntry', () => {
  it('says what happened to the record', () => {
    expect(
      describeEntry(
        entry({
          entity: 'patient',
          action: 'created',
          detail: {
            changes: [
              { field: 'fullName', before: null, after: 'Sam Reyes' },
              { field: 'medical.keloid', before: null, after: true },
            ],
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Full name",
                "value": "Sam Reyes",
              },
              {
                "kind": "value",
                "label": "Keloid tendency",
                "value": "Yes",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Record created",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'patient',
          action: 'updated',
          detail: {
            changes: [
              { field: 'phone', before: '', after: '555 0101' },
              { field: 'notes', before: 'Old', after: null },
              { field: 'unknownField', before: 'a', after: { b: 1 } },
            ],
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "555 0101",
                "before": "Not recorded",
                "kind": "change",
                "label": "Phone",
              },
              {
                "after": "Not recorded",
                "before": "Old",
                "kind": "change",
                "label": "Notes",
              },
              {
                "after": "{"b":1}",
                "before": "a",
                "kind": "change",
                "label": "unknownField",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Record edited",
      }
    `)
    expect(describeEntry(entry({ entity: 'patient', action: 'archived', detail: {} }))).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": null,
        "title": "Record archived",
      }
    `)
    expect(describeEntry(entry({ entity: 'patient', action: 'restored', detail: {} }))).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": null,
        "title": "Record restored",
      }
    `)
  })

  it('says where an imported record came from', () => {
    expect(
      describeEntry(
        entry({
          entity: 'patient',
          action: 'imported',
          detail: { archiveCreatedAt: '2026-02-01T08:30:00', appVersion: '1.4.0', copyOf: 'p0', entries: 1200 },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Archive made",
                "value": "1 Feb 2026, 08:30 by Stipple 1.4.0",
              },
              {
                "kind": "note",
                "text": "Imported as a copy, with new ids, beside the record already on this machine.",
              },
              {
                "kind": "note",
                "text": "The 1,200 entries before this one came with the archive, dated as they happened there.",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Record imported from a patient archive",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'patient',
          action: 'imported',
          detail: { archiveCreatedAt: '2026-02-01T08:30:00', appVersion: '1.4.0', copyOf: null, entries: 0 },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Archive made",
                "value": "1 Feb 2026, 08:30 by Stipple 1.4.0",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Record imported from a patient archive",
      }
    `)
  })

  it('says what happened to a photo', () => {
    expect(describeEntry(entry({ entity: 'photo', action: 'imported', detail: { photo } }))).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo imported",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'photo',
          action: 'details-changed',
          detail: {
            photo,
            changes: [
              { field: 'view', before: 'other', after: 'crown' },
              { field: 'caption', before: 'Before', after: '' },
            ],
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "Crown",
                "before": "Other",
                "kind": "change",
                "label": "View",
              },
              {
                "after": "No caption",
                "before": "Before",
                "kind": "change",
                "label": "Caption",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo details changed",
      }
    `)
    expect(
      describeEntry(entry({ entity: 'photo', action: 'details-changed', detail: { photo, changes: [] } })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo details changed",
      }
    `)
  })

  it('says how a photo was calibrated or its calibration removed', () => {
    expect(
      describeEntry(
        entry({
          entity: 'photo',
          action: 'calibrated',
          detail: { photo, before: null, after: { lengthMm: 50, pxPerMm: 12.345 } },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "12.3 px/mm (ruler 50 mm)",
                "before": "Not calibrated",
                "kind": "change",
                "label": "Scale",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo calibrated",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'photo',
          action: 'calibrated',
          detail: { photo, before: { lengthMm: 50, pxPerMm: 12.345 }, after: null },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "Not calibrated",
                "before": "12.3 px/mm (ruler 50 mm)",
                "kind": "change",
                "label": "Scale",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Calibration removed",
      }
    `)
  })

  it('says what went with a deleted photo', () => {
    const deleted = (measurements: number, designObjects: number) =>
      describeEntry(entry({ entity: 'photo', action: 'deleted', detail: { photo, measurements, designObjects } }))
    expect(deleted(0, 0)).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo deleted",
      }
    `)
    expect(deleted(1, 0)).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "note",
                "text": "Deleted with 1 measurement",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo deleted",
      }
    `)
    expect(deleted(0, 1)).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "note",
                "text": "Deleted with its design (1 object)",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo deleted",
      }
    `)
    expect(deleted(3, 7)).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "note",
                "text": "Deleted with 3 measurements and its design (7 objects)",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Photo deleted",
      }
    `)
  })

  it('says which measurement was added, renamed or deleted', () => {
    expect(
      describeEntry(entry({ entity: 'photo', action: 'measurement-added', detail: { photo, measurement: distance } })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Distance “Temple gap”",
                "value": "42.5 mm",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Measurement added",
      }
    `)
    expect(
      describeEntry(entry({ entity: 'photo', action: 'measurement-deleted', detail: { photo, measurement: area } })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Area",
                "value": "3.20 cm²",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Measurement deleted",
      }
    `)
    expect(
      describeEntry(
        entry({ entity: 'photo', action: 'measurement-renamed', detail: { photo, measurement: distance, before: '' } }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "Temple gap",
                "before": "No label",
                "kind": "change",
                "label": "Label",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Measurement renamed",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'photo',
          action: 'measurement-renamed',
          detail: { photo, measurement: area, before: 'Crown patch' },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "No label",
                "before": "Crown patch",
                "kind": "change",
                "label": "Label",
              },
            ],
          },
        ],
        "subject": "crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Measurement renamed",
      }
    `)
  })

  it('says what changed in a design', () => {
    expect(
      describeEntry(
        entry({
          entity: 'design',
          action: 'created',
          detail: {
            photo,
            added: [{ id: 'o1', kind: 'hairline', name: 'Hairline' }],
            removed: [],
            changed: [],
            reordered: false,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": "Added",
            "lines": [
              {
                "kind": "note",
                "text": "Hairline “Hairline”",
              },
            ],
          },
        ],
        "subject": "On crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Design started",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'design',
          action: 'changed',
          detail: {
            photo,
            added: [{ id: 'o2', kind: 'zone', name: 'Crown' }],
            removed: [{ id: 'o3', kind: 'scar', name: 'FUT strip' }],
            changed: [
              {
                id: 'o1',
                kind: 'hairline',
                name: 'Hairline',
                changes: [
                  { field: 'points', before: 6, after: 6 },
                  { field: 'featherMm', before: 1, after: 2 },
                ],
              },
              { id: 'o4', kind: 'zone', name: 'Temples', changes: [{ field: 'points', before: 1, after: 5 }] },
            ],
            reordered: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": "Added",
            "lines": [
              {
                "kind": "note",
                "text": "Density zone “Crown”",
              },
            ],
          },
          {
            "heading": "Removed",
            "lines": [
              {
                "kind": "note",
                "text": "Scar “FUT strip”",
              },
            ],
          },
          {
            "heading": "Hairline “Hairline”",
            "lines": [
              {
                "kind": "note",
                "text": "Moved or reshaped",
              },
              {
                "after": "2 mm",
                "before": "1 mm",
                "kind": "change",
                "label": "Soft edge",
              },
            ],
          },
          {
            "heading": "Density zone “Temples”",
            "lines": [
              {
                "after": "5 points",
                "before": "1 point",
                "kind": "change",
                "label": "Points",
              },
            ],
          },
          {
            "heading": null,
            "lines": [
              {
                "kind": "note",
                "text": "Drawing order changed",
              },
            ],
          },
        ],
        "subject": "On crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Design changed",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'design',
          action: 'changed',
          detail: { photo, added: [], removed: [], changed: [], reordered: false },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": "On crown.jpg (Crown, taken 3 Mar 2026, 09:41)",
        "title": "Design changed",
      }
    `)
  })

  it('says what changed in the treatment plan', () => {
    expect(
      describeEntry(
        entry({
          entity: 'plan',
          action: 'saved',
          detail: {
            technique: { field: 'technique', before: null, after: 'temporary' },
            added: [session({ changes: [{ field: 'name', before: null, after: 'First pass' }] })],
            removed: [
              session({
                id: 's2',
                changes: [{ field: 'status', before: 'planned', after: null }],
                treatments: [{ zone: 'Crown', before: { unit: 'share', value: 0.5 }, after: null }],
              }),
            ],
            changed: [session({ id: 's3' })],
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Technique",
                "value": "Temporary (tricho-pigmentation)",
              },
            ],
          },
          {
            "heading": "Session added: 1 Apr 2026, 10:00",
            "lines": [
              {
                "kind": "value",
                "label": "Name",
                "value": "First pass",
              },
              {
                "kind": "value",
                "label": "Crown",
                "value": "30/cm²",
              },
            ],
          },
          {
            "heading": "Session removed: 1 Apr 2026, 10:00",
            "lines": [
              {
                "kind": "value",
                "label": "Status",
                "value": "Planned",
              },
              {
                "kind": "value",
                "label": "Crown",
                "value": "50% of target",
              },
            ],
          },
          {
            "heading": "Session changed: 1 Apr 2026, 10:00",
            "lines": [
              {
                "after": "150 min",
                "before": "120 min",
                "kind": "change",
                "label": "Duration",
              },
              {
                "after": "30/cm²",
                "before": "60% of target",
                "kind": "change",
                "label": "Crown",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Treatment plan changed",
      }
    `)
    expect(
      describeEntry(
        entry({
          entity: 'plan',
          action: 'saved',
          detail: {
            technique: { field: 'technique', before: 'temporary', after: 'permanent' },
            added: [],
            removed: [],
            changed: [],
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "after": "Permanent SMP",
                "before": "Temporary (tricho-pigmentation)",
                "kind": "change",
                "label": "Technique",
              },
            ],
          },
        ],
        "subject": null,
        "title": "Treatment plan changed",
      }
    `)
    expect(
      describeEntry(
        entry({ entity: 'plan', action: 'saved', detail: { technique: null, added: [], removed: [], changed: [] } }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": null,
        "title": "Treatment plan changed",
      }
    `)
  })

  it('says what happened to a review comment, and by whom', () => {
    expect(describeEntry(entry({ entity: 'comment', action: 'added', detail: comment }))).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Dr Vale",
        "title": "Review comment added",
      }
    `)
    expect(describeEntry(entry({ entity: 'comment', action: 'resolved', detail: comment }))).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Dr Vale",
        "title": "Review comment resolved",
      }
    `)
    expect(describeEntry(entry({ entity: 'comment', action: 'reopened', detail: comment }))).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Dr Vale",
        "title": "Review comment reopened",
      }
    `)
    expect(describeEntry(entry({ entity: 'comment', action: 'deleted', detail: comment }))).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Dr Vale",
        "title": "Review comment deleted",
      }
    `)
    expect(
      describeEntry(entry({ entity: 'comment', action: 'resolved', detail: { ...comment, by: 'Nurse Kim' } })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Nurse Kim",
        "title": "Review comment resolved",
      }
    `)
  })

  it('reads an action this version does not know as written', () => {
    expect(
      describeEntry(entry({ entity: 'patient', action: 'merged' as 'archived', detail: {} })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [],
        "subject": null,
        "title": "patient: merged",
      }
    `)
    expect(
      describeEntry(entry({ entity: 'comment', action: 'pinned' as 'added', detail: comment })),
    ).toMatchInlineSnapshot(`
      {
        "sections": [
          {
            "heading": null,
            "lines": [
              {
                "kind": "value",
                "label": "Dr Vale wrote",
                "value": "Lower the hairline by 2 mm.",
              },
            ],
          },
        ],
        "subject": "By Dr Vale",
        "title": "comment: pinned",
      }
    `)
  })

  it('refuses an entity it does not know', () => {
    expect(() =>
      describeEntry({ ...entry({ entity: 'patient', action: 'archived', detail: {} }), entity: 'invoice' } as never),
    ).toThrow('Unknown kind of entry: invoice')
  })
})
