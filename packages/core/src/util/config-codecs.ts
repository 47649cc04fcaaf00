import * as t from 'io-ts'

/**
 * A codec of `base` values that also satisfy `predicate`; `name` is what a decode or config error says was expected
 * (adapters' config codecs read better with a sentence than with io-ts's generated names).
 *
 * @example
 * import { refinedCodec } from '@rcs-records/core/kit'
 * import * as t from 'io-ts'
 * const PageSize = refinedCodec(t.number, Number.isSafeInteger, 'an integer')
 * PageSize.is(50) // true
 * PageSize.is(1.5) // false
 */
export const refinedCodec = <A>(
  base: t.Type<A, A, unknown>,
  predicate: (value: A) => boolean,
  name: string,
): t.Type<A, A> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && predicate(u),
    (u, context) => (base.is(u) && predicate(u) ? t.success(u) : t.failure(u, context, name)),
    t.identity,
  )

/**
 * A codec of `codec`'s values or `null` (vendors send `null` for absent fields).
 *
 * @example
 * import { nullableCodec } from '@rcs-records/core/kit'
 * import * as t from 'io-ts'
 * nullableCodec(t.string).is(null) // true
 */
export const nullableCodec = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

/**
 * True for an absolute `http:` or `https:` URL without a query or fragment — what an adapter's `baseUrl` must be
 * (whether plain http is allowed is the transport's decision, see `checkBaseUrl`).
 *
 * @example
 * import { isHttpUrl } from '@rcs-records/core/kit'
 * isHttpUrl('https://one-api.bsg.world') // true
 * isHttpUrl('https://example.com/api?key=1') // false
 * isHttpUrl('not a url') // false
 */
export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === ''
  } catch {
    return false
  }
}
