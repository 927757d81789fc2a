import fc from 'fast-check'
import type { CallInput, CallName, CallOutput, ValidInput } from '../../../src/shared/bridge/contract'
import type { HostileBed } from './hostile-bed'
import { VALID_PAYLOADS } from './valid-payloads'

/** A call that stores text, and how to read what it stored back through other calls. */
export interface RoundTrip<K extends CallName> {
  /** Valid payloads with hostile text in every free-text field (the call's valid payloads unless given). */
  payload?(bed: HostileBed): fc.Arbitrary<CallInput<K>>
  /** What the database holds after the call, read back as the app would show it. */
  read(bed: HostileBed, sent: ValidInput<K>, answer: CallOutput<K>): Promise<unknown>
  /** The same, from the input as the contract accepted it. */
  expected(sent: ValidInput<K>): unknown
}

const pick = <T extends object>(record: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key]]))

const patientRead = async (bed: HostileBed, id: string, fields: object) =>
  pick(await bed.call('patients.get', { id }), Object.keys(fields))

const measurementOf = async (bed: HostileBed, photoId: string, id: string) => {
  const found = (await bed.call('photos.get', { id: photoId })).measurements.find((m) => m.id === id)
  return found && pick(found, ['kind', 'label', 'points'])
}

/** Every call that stores text a person typed. */
export const ROUND_TRIPS: { [K in CallName]?: RoundTrip<K> } = {
  'patients.create': {
    read: (bed, { fields }, patient) => patientRead(bed, patient.id, fields),
    expected: ({ fields }) => fields,
  },
  'patients.update': {
    read: (bed, { id, fields }) => patientRead(bed, id, fields),
    expected: ({ fields }) => fields,
  },
  'photos.import': {
    // New bytes each time (a tail after the JPEG's end), so each import stores its name.
    payload: (bed) =>
      (VALID_PAYLOADS['photos.import'] as (b: HostileBed) => fc.Arbitrary<CallInput<'photos.import'>>)(bed).chain(
        (input) =>
          fc.uint8Array({ minLength: 16, maxLength: 16 }).map((tail) => ({
            ...input,
            bytes: new Uint8Array([...(bed.images[0] as Uint8Array), ...tail]),
          })),
      ),
    read: async (bed, _, { photo }) => (await bed.call('photos.get', { id: photo.id })).originalName,
    expected: ({ name }) => name,
  },
  'photos.update': {
    read: async (bed, { id }) => pick(await bed.call('photos.get', { id }), ['view', 'caption', 'sessionId']),
    expected: ({ fields }) => fields,
  },
  'measurements.add': {
    read: (bed, { photoId }, measurement) => measurementOf(bed, photoId, measurement.id),
    expected: ({ measurement }) => measurement,
  },
  'measurements.rename': {
    read: async (bed, { id }) => (await measurementOf(bed, bed.ids.photo, id))?.label,
    expected: ({ label }) => label,
  },
  'designs.save': {
    read: async (bed, { photoId }) => (await bed.call('designs.forPhoto', { photoId }))?.document,
    expected: ({ document }) => document,
  },
  'plans.save': {
    read: async (bed, { patientId }) => pick(await bed.call('plans.get', { patientId }), ['technique', 'sessions']),
    expected: ({ draft }) => draft,
  },
  'pigments.save': {
    read: async (bed, _, saved) => {
      const found = (await bed.call('pigments.list', { includeRetired: true })).find((p) => p.id === saved.id)
      return found && { ...found, id: null, revision: null }
    },
    expected: ({ pigment }) => ({ ...pigment, id: null, revision: null }),
  },
  'settings.save': {
    read: async (bed) => (await bed.call('settings.get', {})).settings,
    expected: ({ settings }) => settings,
  },
  'clinic.save': {
    read: async (bed) => (await bed.call('clinic.get', {})).details,
    expected: ({ details }) => details,
  },
  'comments.add': {
    read: async (bed, { comment }, added) => {
      const found = (await bed.call('comments.list', { designId: comment.designId })).find((c) => c.id === added.id)
      return found && pick(found, ['designId', 'at', 'author', 'body'])
    },
    expected: ({ comment }) => comment,
  },
}
