import { type DecodeIssue, RcsError, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'
import { decodeError, issuesFromValidation } from '@rcs-records/core/kit'
import { hasUnstorableText, jsonProblem } from './stored-json.js'

/** The store's name in errors about the records given to it (they may come from any provider). */
const STORE = 'store'

const textIssue = (path: string, value: string): DecodeIssue => ({
  path,
  expected: 'text without U+0000 or an unpaired surrogate (PostgreSQL text cannot hold them)',
  actual: `${JSON.stringify(value).slice(0, 37)}`,
})

/** Canonical text fields that go into `text` columns: they must be text PostgreSQL can hold. */
const textFieldIssues = (record: RcsRecord): DecodeIssue[] => {
  const issues: DecodeIssue[] = []
  const check = (path: string, value: string | null | undefined) => {
    if (typeof value === 'string' && hasUnstorableText(value)) issues.push(textIssue(path, value))
  }
  check('provider', record.provider)
  check('id', record.id)
  check('reference', record.reference)
  check('recipient', record.recipient)
  check('sender', record.sender)
  check('campaign', record.campaign)
  if (typeof record.vendorStatus === 'string') check('vendorStatus', record.vendorStatus)
  check('vendorDescription', record.vendorDescription)
  check('reason.vendorCode', record.reason?.vendorCode)
  check('reason.message', record.reason?.message)
  check('cost.currency', record.cost?.currency)
  record.fallback?.ids.forEach((id, index) => {
    check(`fallback.ids.${index}`, id)
  })
  for (const field of ['extra', 'raw'] as const) {
    // A record without a raw payload at all (`raw: undefined`) is kept as such.
    const problem = field === 'raw' && record.raw === undefined ? null : jsonProblem(record[field])
    if (problem?.kind === 'not_json') {
      const path = problem.path === '' ? field : `${field}.${problem.path}`
      issues.push({ path, expected: 'JSON data', actual: problem.found })
    }
  }
  return issues
}

/**
 * Checks one record before the store takes it: a valid {@link RcsRecord} (core's `RcsRecordCodec`), whose canonical
 * text fields PostgreSQL can hold and whose `extra` and `raw` are JSON data. Returns the issues, with paths
 * prefixed by `prefix` (the record's place in the batch), or null when the record is fine.
 */
export const recordIssues = (value: unknown, prefix: string): DecodeIssue[] | null => {
  let issues: DecodeIssue[]
  if (RcsRecordCodec.is(value)) {
    issues = textFieldIssues(value)
  } else {
    const result = RcsRecordCodec.decode(value)
    issues = result._tag === 'Left' ? issuesFromValidation(result.left) : textFieldIssues(result.right)
  }
  if (issues.length === 0) return null
  return issues.map((issue) => ({ ...issue, path: issue.path === '(root)' ? prefix : `${prefix}.${issue.path}` }))
}

/**
 * The `decode` RcsError for a record the store refuses: it names each failing path (`3.status`: the fourth record
 * of the input) and keeps the record in `details.raw`.
 */
export const refusal = (value: unknown, issues: readonly DecodeIssue[]): RcsError => {
  const provider = (value as { provider?: unknown } | null)?.provider
  const error = decodeError(typeof provider === 'string' ? provider : STORE, value, issues)
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: expected ${issue.expected}, got ${issue.actual}`)
    .join('; ')
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : ''
  return new RcsError({
    kind: 'decode',
    provider: error.provider,
    message: `store: record refused, nothing of its batch was written: ${summary}${more}`,
    details: error.details,
  })
}
