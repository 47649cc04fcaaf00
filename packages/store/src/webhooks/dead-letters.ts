import type { SecretSet } from '@rcs-records/core/kit'
import type { RecordStore } from '../store.js'

/**
 * Limits of the dead-letter table (`rcs_dead_letters`).
 *
 * @example
 * import type { DeadLetterLimits } from '@rcs-records/store'
 * const limits: DeadLetterLimits = { maxBodyChars: 4_096, maxRows: 10_000 }
 */
export interface DeadLetterLimits {
  /** Characters of a refused body kept (the rest is cut; `body_bytes` says how long it was). Default 16,384. */
  maxBodyChars?: number
  /** Rows kept: inserting one more removes the oldest. Default 1,000. */
  maxRows?: number
}

/** One refused callback, as `rcs_dead_letters` keeps it. */
export interface DeadLetter {
  provider: string
  contentType: string | null
  reason: string
  body: string
  bodyBytes: number
}

const INSERT = `INSERT INTO rcs_dead_letters (provider, content_type, reason, body, body_bytes, truncated)
  VALUES ($1::text, $2::text, $3::text, $4::bytea, $5::bigint, $6::boolean)
  RETURNING seq`

/**
 * Keeps a callback body the handler refused as malformed, for inspection: its first characters with every form of
 * the webhook secret (and of the process-wide secrets) removed, its size, content type and the reason — never a
 * header or the URL, which may carry the secret. The oldest rows beyond `maxRows` go.
 */
export const keepDeadLetter = async (
  store: RecordStore,
  secrets: SecretSet,
  letter: DeadLetter,
  limits: DeadLetterLimits,
): Promise<void> => {
  const maxChars = limits.maxBodyChars ?? 16_384
  const maxRows = limits.maxRows ?? 1_000
  const body = secrets.clip(letter.body, maxChars, { ellipsis: '' })
  const rows = await store.sql<{ seq: string }>(INSERT, [
    letter.provider,
    letter.contentType === null ? null : secrets.clip(letter.contentType, 200),
    secrets.clip(letter.reason, 1_000),
    // As bytes: a body may hold characters a text column refuses (NUL).
    new TextEncoder().encode(body),
    letter.bodyBytes,
    body.length < letter.body.length,
  ])
  const seq = BigInt((rows[0] as { seq: string }).seq)
  if (seq > BigInt(maxRows)) {
    await store.sql('DELETE FROM rcs_dead_letters WHERE seq <= $1::bigint', [(seq - BigInt(maxRows)).toString()])
  }
}
