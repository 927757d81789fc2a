import { ServiceError } from '../../src/main/services/service-error'

/** The typed error a service call was refused with; fails the test if it went through. */
export function refusal(action: () => unknown): ServiceError {
  try {
    action()
  } catch (error) {
    if (error instanceof ServiceError) return error
    throw error
  }
  throw new Error('expected the call to be refused')
}
