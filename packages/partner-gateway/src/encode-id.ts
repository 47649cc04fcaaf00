/** Characters `encodeURIComponent` leaves as they are. */
const UNRESERVED = /^[\w.!~*'()-]*$/

/**
 * An id as it goes into a URL: exactly `encodeURIComponent(id)`, but without the call for the usual id (a UUID,
 * `order-12345`) that has nothing to escape — batch lookups encode every id twice (to plan the URL lengths, then to
 * build the URL), and the regular-expression test is several times cheaper than the call.
 *
 * @example
 * import { encodeId } from './encode-id.js'
 * encodeId('order-12345') // 'order-12345'
 * encodeId('a b/ü') // 'a%20b%2F%C3%BC'
 */
export const encodeId = (id: string): string => (UNRESERVED.test(id) ? id : encodeURIComponent(id))
