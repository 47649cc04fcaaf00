import type { RcsRecord } from '@rcs-records/core'
import fc from 'fast-check'
import { distinctlyTimedObservationsArb } from '../../../core/test/helpers/arbitraries.js'
import { fold } from './records.js'

/**
 * How an observation names its message, as partner-gateway's records do (`extra.messageId`):
 * - `teach`: kept under the customer id, carrying the vendor message id too (a DELIVERY callback, a status lookup
 *   with both ids) — it teaches the alias;
 * - `secondary`: keyed by the vendor message id alone (a READ callback);
 * - `plain`: the customer id only (a status lookup without `messageId`).
 */
export type Role = 'teach' | 'secondary' | 'plain'

/** One message of a scenario: its ids and its observations, each with the role it plays. */
export interface AliasedMessage {
  id: string
  alias: string
  observations: RcsRecord[]
  roles: Role[]
}

/** An observation as the adapter would build it in `role`. */
export const withRole = (observation: RcsRecord, role: Role, id: string, alias: string): RcsRecord => {
  const { messageId: _, ...extra } = observation.extra
  if (role === 'plain') return { ...observation, id, extra }
  return { ...observation, id: role === 'teach' ? id : alias, extra: { ...extra, messageId: alias } }
}

/**
 * Messages of 2–5 observations with distinct `updatedAt` values (the precondition under which core's merge law makes
 * every fold order give one result), each observation in a random role, under `provider`.
 */
export const aliasedMessagesArb = (provider: string, prefix: string): fc.Arbitrary<AliasedMessage[]> =>
  fc
    .array(
      distinctlyTimedObservationsArb(5).chain((observations) =>
        fc
          .array(fc.constantFrom<Role>('teach', 'secondary', 'plain'), {
            minLength: observations.length,
            maxLength: observations.length,
          })
          .map((roles) => ({ observations, roles })),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((messages) =>
      messages.map(({ observations, roles }, index) => {
        const id = `${prefix}-order-${index}`
        const alias = `${prefix}-uuid-${index}`
        return {
          id,
          alias,
          roles,
          observations: observations.map((observation, at) =>
            withRole({ ...observation, provider }, roles[at] as Role, id, alias),
          ),
        }
      }),
    )

/**
 * What the store must hold for a message once all its observations are in, whatever their order and batching:
 * with an observation that teaches the alias, one record under the customer id — the `mergeRecords` fold of every
 * observation, those keyed by the alias included — and nothing under the alias; without one, the observations keyed
 * by the alias stay a record of their own.
 */
export const expectedRows = (message: AliasedMessage): { id: RcsRecord | undefined; alias: RcsRecord | undefined } => {
  const taught = message.roles.includes('teach')
  if (taught) {
    return { id: fold(message.observations.map((o) => ({ ...o, id: message.id }))), alias: undefined }
  }
  return {
    id: fold(message.observations.filter((_, at) => message.roles[at] === 'plain')),
    alias: fold(message.observations.filter((_, at) => message.roles[at] === 'secondary')),
  }
}
