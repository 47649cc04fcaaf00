import type { RcsRecord } from '@rcs-records/core'

/**
 * A record as the json/ndjson output shows it: every canonical field, `raw` only when asked for (it can be large
 * and is the vendor's shape, not ours).
 */
export const recordForJson = (record: RcsRecord, options: { raw: boolean }): Record<string, unknown> => {
  if (options.raw) return { ...record }
  const { raw: _raw, ...rest } = record
  return rest
}
