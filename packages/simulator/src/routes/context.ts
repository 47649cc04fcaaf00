import type { DriftPlan } from '../faults/controller.js'

/**
 * What the fault layer decided for one request, handed to the vendor handler.
 */
export interface RequestContext {
  /** The simulator's now when the request arrived. */
  now: number
  /** Schema drift to apply to the records of a 200. */
  drift: DriftPlan | undefined
  /** Records to insert into the requested window before the page is built. */
  insert: number
  /** The request's number (seeds per-request randomness such as batch order). */
  sequence: number
}
