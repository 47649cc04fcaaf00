import { isFailure, isFinal, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'
import { issuesFromValidation } from '@rcs-records/core/kit'

const MAX_RAW_NODES = 20_000
const MAX_RAW_DEPTH = 12

/** Every object reachable from `raw` (bounded), so a record's own containers can be checked against them. */
const objectsIn = (raw: unknown): Set<object> => {
  const found = new Set<object>()
  const stack: Array<{ value: unknown; depth: number }> = [{ value: raw, depth: 0 }]
  while (stack.length > 0 && found.size < MAX_RAW_NODES) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number }
    if (value === null || typeof value !== 'object' || found.has(value)) continue
    found.add(value)
    if (depth >= MAX_RAW_DEPTH) continue
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key]
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 })
    }
  }
  return found
}

const ownContainers = (record: RcsRecord): Array<[string, unknown]> => [
  ['the record', record],
  ['extra', record.extra],
  ['cost', record.cost],
  ['reason', record.reason],
  ['fallback', record.fallback],
  ['fallback.ids', record.fallback?.ids],
]

/**
 * What is wrong with a record an adapter produced: it must satisfy core's `RcsRecordCodec`, carry the adapter's name
 * as `provider`, have `final === isFinal(status)`, a `reason` only on failure outcomes, a non-empty id, and never
 * share an object with `raw` (the record, `extra`, `cost`, `reason` and `fallback` are the adapter's own objects, so
 * changing one never changes the vendor payload). When `normalisedFrom` is given, `raw` must be that very payload.
 */
export const recordProblems = (record: unknown, provider: string, normalisedFrom?: { value: unknown }): string[] => {
  const decoded = RcsRecordCodec.decode(record)
  if (decoded._tag === 'Left') {
    return issuesFromValidation(decoded.left).map(
      (issue) => `does not satisfy RcsRecordCodec at ${issue.path}: expected ${issue.expected}, got ${issue.actual}`,
    )
  }
  const valid = decoded.right
  const problems: string[] = []
  if (valid.provider !== provider) problems.push(`provider is ${JSON.stringify(valid.provider)}, not "${provider}"`)
  if (valid.id === '') problems.push('id is empty')
  if (valid.final !== isFinal(valid.status)) problems.push(`final is ${valid.final} but status is ${valid.status}`)
  if (valid.reason !== null && !isFailure(valid.status)) {
    problems.push(`has a reason although status ${valid.status} is not a failure`)
  }
  if (normalisedFrom !== undefined && !Object.is(valid.raw, normalisedFrom.value)) {
    problems.push('raw is not the payload it was normalised from (it must be the same reference, not a copy)')
  }
  const shared = objectsIn(valid.raw)
  for (const [label, value] of ownContainers(valid)) {
    if (value !== null && typeof value === 'object' && shared.has(value)) {
      problems.push(`${label} is an object of raw itself (share no object identity with raw; build your own)`)
    }
  }
  return problems
}
