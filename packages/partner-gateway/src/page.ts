import type { RcsError } from '@rcs-records/core'
import { decodeError, describeValue, left, right } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { PROVIDER } from './normalize.js'

/**
 * The items of a batch or history response: a bare JSON array (the API reference) or `{ "messages": [...] }` (the
 * vendor's use-case page). Anything else is a `decode` error for the whole response; the items themselves are
 * decoded one by one by the caller.
 *
 * @example
 * import { pageItems } from '@rcs-records/partner-gateway'
 * pageItems([{ customerMessageId: 'a', deliveryStatus: 'SENT' }]) // right([...])
 * pageItems({ messages: [] }) // right([])
 * pageItems({ data: [] }) // left(decode error at "messages")
 */
export const pageItems = (body: unknown): Either<RcsError, readonly unknown[]> => {
  if (Array.isArray(body)) return right(body)
  if (body !== null && typeof body === 'object') {
    const messages = (body as { messages?: unknown }).messages
    if (Array.isArray(messages)) return right(messages)
    return left(
      decodeError(PROVIDER, body, [
        { path: 'messages', expected: 'an array of messages (or a bare array body)', actual: describeValue(messages) },
      ]),
    )
  }
  return left(
    decodeError(PROVIDER, body, [
      {
        path: '(root)',
        expected: 'an array of DeliveryStatusResponse or { messages: [...] }',
        actual: describeValue(body),
      },
    ]),
  )
}
