import * as t from 'io-ts'

// io-ts calls look like side effects to a bundler: the model codecs are marked `/* @__PURE__ */` (nested calls
// too) so that an application which never uses one does not ship it.

/**
 * Why a message failed, in vendor-neutral terms. This is what an SMS-fallback decision reads.
 *
 * @example
 * import { ReasonCodeCodec } from '@rcs-records/core'
 * ReasonCodeCodec.is('not_rcs_capable') // true
 */
export const ReasonCodeCodec = /* @__PURE__ */ t.keyof(
  {
    invalid_recipient: null,
    not_rcs_capable: null,
    unreachable: null,
    opted_out: null,
    blocked: null,
    content_rejected: null,
    rate_limited: null,
    timed_out: null,
    provider_error: null,
    unknown: null,
  },
  'ReasonCode',
)

/**
 * One of the canonical failure reason codes.
 *
 * @example
 * import type { ReasonCode } from '@rcs-records/core'
 * const code: ReasonCode = 'timed_out'
 */
export type ReasonCode = t.TypeOf<typeof ReasonCodeCodec>

/**
 * io-ts codec of {@link FailureReason}.
 */
export const FailureReasonCodec = /* @__PURE__ */ t.type(
  {
    code: ReasonCodeCodec,
    permanent: /* @__PURE__ */ t.union([t.boolean, t.null]),
    vendorCode: /* @__PURE__ */ t.union([t.string, t.null]),
    message: /* @__PURE__ */ t.union([t.string, t.null]),
  },
  'FailureReason',
)

/**
 * Set only on failure outcomes. `permanent` is null when the vendor does not say whether a retry could work.
 *
 * @example
 * import type { FailureReason } from '@rcs-records/core'
 * const reason: FailureReason = { code: 'not_rcs_capable', permanent: true, vendorCode: 'not_rcs_user', message: null }
 */
export interface FailureReason {
  code: ReasonCode
  permanent: boolean | null
  vendorCode: string | null
  message: string | null
}

const PERMANENCE: Readonly<Record<ReasonCode, boolean | null>> = {
  invalid_recipient: true,
  not_rcs_capable: true,
  unreachable: false,
  opted_out: true,
  blocked: true,
  content_rejected: true,
  rate_limited: false,
  timed_out: false,
  provider_error: false,
  unknown: null,
}

/**
 * Builds a {@link FailureReason}; `permanent` defaults to what the code usually means (an invalid recipient stays
 * invalid; a timeout may not recur).
 *
 * @example
 * import { failureReason } from '@rcs-records/core/kit'
 * failureReason('invalid_recipient', { vendorCode: 'failed' }).permanent // true
 */
export const failureReason = (
  code: ReasonCode,
  details: { vendorCode?: string | null; message?: string | null; permanent?: boolean | null } = {},
): FailureReason => ({
  code,
  permanent: details.permanent === undefined ? PERMANENCE[code] : details.permanent,
  vendorCode: details.vendorCode ?? null,
  message: details.message ?? null,
})

/**
 * One rule of an adapter's table of failure descriptions: a description matching `pattern` gives `code`, with
 * `permanent` when the rule knows better than the code's default (see {@link failureReason}).
 *
 * @example
 * import type { ReasonRule } from '@rcs-records/core/kit'
 * const rule: ReasonRule = { pattern: /opted out/i, code: 'opted_out' }
 */
export interface ReasonRule {
  pattern: RegExp
  code: ReasonCode
  permanent?: boolean | null
}

/** Descriptions longer than this are not matched against rules (vendors' are short; this bounds the regex work). */
const MAX_MATCHED_LENGTH = 300

/**
 * The first of `rules` whose pattern matches a vendor's failure description; undefined for none, for no
 * description, or for one over 300 characters (it stays the reason's message anyway).
 *
 * @example
 * import { findReasonRule } from '@rcs-records/core/kit'
 * findReasonRule([{ pattern: /invalid number/i, code: 'invalid_recipient' }], 'Invalid number')?.code // 'invalid_recipient'
 */
export const findReasonRule = (rules: readonly ReasonRule[], description: string | null): ReasonRule | undefined => {
  if (description === null || description.length > MAX_MATCHED_LENGTH) return undefined
  for (const rule of rules) if (rule.pattern.test(description)) return rule
  return undefined
}
