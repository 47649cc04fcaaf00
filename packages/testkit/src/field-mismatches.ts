import type { RcsRecord } from '@rcs-records/core'
import { preview } from './preview.js'
import { sameValue } from './same-value.js'
import type { ExpectedFields } from './types.js'

/**
 * The fields of `record` that differ from `expected` (only the fields `expected` gives are compared).
 */
export const fieldMismatches = (record: RcsRecord, expected: ExpectedFields): string[] => {
  const mismatches: string[] = []
  for (const key of Object.keys(expected) as Array<keyof ExpectedFields>) {
    const want = expected[key]
    const got = (record as unknown as Record<string, unknown>)[key]
    if (!sameValue(got, want)) mismatches.push(`${key}: expected ${preview(want)}, got ${preview(got)}`)
  }
  return mismatches
}
