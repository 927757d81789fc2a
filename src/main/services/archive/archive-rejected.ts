import { ServiceError } from '../service-error'

/** Refuses an archive with a sentence naming what is wrong with it; nothing has been written. */
export function archiveRejected(message: string): never {
  throw new ServiceError('invalid_input', message)
}
