import type { Either } from 'fp-ts/lib/Either.js'
import { RcsError } from '../errors/rcs-error.js'
import { left, right } from '../fp/either.js'

/** Characters `encodeURIComponent` leaves as they are. */
const UNRESERVED = /^[\w.!~*'()-]*$/

/**
 * An id as one URL path segment: `encodeURIComponent(id)`, or a `bad_request` for the ids that cannot be one. A `/`
 * is escaped, but `.` and `..` survive encoding and a URL resolves them (`…/status/..` is `…/`), so a lookup of `..`
 * would ask another endpoint; the WHATWG URL parser resolves `%2e%2e` too, so no escaping helps. The empty id would
 * leave the segment out. Every adapter that puts an id in a path builds the segment here.
 *
 * @example
 * import { encodePathSegment } from '@rcs-records/core/kit'
 * encodePathSegment('bsg', 'order 12/3') // right('order%2012%2F3')
 * encodePathSegment('bsg', '..') // left(bad_request)
 */
export const encodePathSegment = (provider: string, id: string): Either<RcsError, string> => {
  if (id === '' || id === '.' || id === '..') {
    return left(
      new RcsError({
        kind: 'bad_request',
        provider,
        message: `the id ${JSON.stringify(id)} cannot be looked up: as a URL path segment it ${id === '' ? 'would be left out' : 'names another path'}`,
        details: { id },
      }),
    )
  }
  return right(UNRESERVED.test(id) ? id : encodeURIComponent(id))
}
