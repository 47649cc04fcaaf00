/**
 * io-ts codecs documenting BSG's message and callback payloads. The adapter decodes them by hand (same rules,
 * faster), so it never uses these at run time; they live in their own module so that a bundler honouring
 * `sideEffects: false` leaves them — and the io-ts combinators only they need — out of applications that do not
 * import them.
 */

import { nullableCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The statuses BSG documents for `/api/messages` and its callbacks (spec, docs and campaign statistics).
 *
 * @example
 * import { BsgStatusCodec } from '@rcs-records/bsg'
 * BsgStatusCodec.is('not_rcs_user') // true
 */
export const BsgStatusCodec = t.keyof(
  {
    scheduled: null,
    moderation: null,
    accepted: null,
    sending: null,
    sent: null,
    delivered: null,
    read: null,
    expired: null,
    failed: null,
    undelivered: null,
    unknown: null,
    not_service_user: null,
    not_rcs_user: null,
    not_viber_user: null,
  },
  'BsgStatus',
)

/**
 * A status value BSG documents.
 *
 * @example
 * import type { BsgStatus } from '@rcs-records/bsg'
 * const status: BsgStatus = 'delivered'
 */
export type BsgStatus = t.TypeOf<typeof BsgStatusCodec>

const Amount = t.partial({ value: t.unknown, currency: t.unknown })
const AlternativeChannel = t.partial({ parts: t.unknown, id: t.unknown })

/**
 * io-ts codec documenting one `/api/messages` item (`MessageApiSchema` plus the quirks seen in the docs: `phone` as
 * a string, `amont`, `send_at`). Only `id` and `status` are required; `normalize` uses a faster hand-written
 * decoder that checks the same things. Unknown status strings are accepted (they normalise to `unknown`).
 *
 * @example
 * import { BsgMessageCodec } from '@rcs-records/bsg'
 * BsgMessageCodec.is({ id: 26130, status: 'scheduled' }) // true
 */
export const BsgMessageCodec = t.intersection(
  [
    t.type({ id: t.union([t.number, t.string]), status: t.string }),
    t.partial({
      campaign_id: nullableCodec(t.union([t.number, t.string])),
      reference_id: nullableCodec(t.string),
      type: nullableCodec(t.string),
      source: nullableCodec(t.string),
      text: nullableCodec(t.string),
      phone: nullableCodec(t.union([t.number, t.string])),
      validity: nullableCodec(t.number),
      amount: nullableCodec(Amount),
      amont: nullableCodec(t.union([Amount, t.array(Amount)])),
      sender: nullableCodec(t.string),
      created_at: nullableCodec(t.string),
      sent_at: nullableCodec(t.string),
      send_at: nullableCodec(t.string),
      delivered_at: nullableCodec(t.string),
      country: nullableCodec(t.string),
      parts: nullableCodec(t.number),
      rcs_options: t.unknown,
      alternative_channels: nullableCodec(t.partial({ sms: AlternativeChannel, viber: AlternativeChannel })),
    }),
  ],
  'BsgMessage',
)

/**
 * One `/api/messages` item as BSG documents it.
 *
 * @example
 * import type { BsgMessage } from '@rcs-records/bsg'
 * const message: BsgMessage = { id: 26130, status: 'scheduled', phone: 380661234567 }
 */
export type BsgMessage = t.TypeOf<typeof BsgMessageCodec>

/**
 * io-ts codec documenting the RCS status callback (`RcsStatusCallback`); `parseWebhook` decodes by hand with the
 * same rules (`id` and `status` required).
 *
 * @example
 * import { BsgCallbackCodec } from '@rcs-records/bsg'
 * BsgCallbackCodec.is({ id: '3266500452', status: 'delivered', msisdn: '380997087351' }) // true
 */
export const BsgCallbackCodec = t.intersection(
  [
    t.type({ id: t.union([t.number, t.string]), status: t.string }),
    t.partial({
      error: nullableCodec(t.union([t.number, t.string])),
      errorDescription: nullableCodec(t.string),
      msisdn: nullableCodec(t.union([t.string, t.number])),
      reference: nullableCodec(t.string),
      time_in: nullableCodec(t.string),
      time_sent: nullableCodec(t.string),
      time_dr: nullableCodec(t.string),
      price: nullableCodec(t.union([t.string, t.number])),
      currency: nullableCodec(t.string),
    }),
  ],
  'BsgCallback',
)

/**
 * One RCS status callback as BSG documents it.
 *
 * @example
 * import type { BsgCallback } from '@rcs-records/bsg'
 * const callback: BsgCallback = { id: '3266500452', status: 'delivered', error: 0 }
 */
export type BsgCallback = t.TypeOf<typeof BsgCallbackCodec>
