import { mergeRecords, RcsError, type RcsRecord } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { describeError, runTask } from '../outcome.js'

const mergeProblem = (label: string, a: RcsRecord, b: RcsRecord): string | null => {
  try {
    const merged = mergeRecords(a, b)
    if (merged.id !== a.id || merged.provider !== a.provider) {
      return `${label}: the merged record is ${merged.provider} ${merged.id}, not ${a.provider} ${a.id}`
    }
    return null
  } catch (error) {
    return `${label}: mergeRecords refused them (${describeError(error)}); both must be observations of the same message (same provider and id)`
  }
}

/**
 * `records.mergeable`: what `get` and `getMany` return for a message listed by `list` is an observation of the same
 * message — `mergeRecords` combines them (same `provider` and `id`) — while two different listed messages are never
 * merged (`mergeRecords` throws a `bad_request` RcsError rather than make a chimera of them).
 */
export const recordsMergeable: ConformanceCheck = {
  name: 'records.mergeable',
  description: 'observations of one message (list, get, getMany) merge; different messages are refused',
  run: async (run) => {
    if (!run.definition.capabilities.list) return skipped('the adapter declares no list')
    const connection = await run.connect()
    const listed = await run.listed()
    if (connection === null || listed === null) return skipped('no server given (options.server)')
    const { client, server } = connection
    const problems: string[] = []
    const notes: string[] = []
    const records = listed.records
    const known = records.find((record) => record.id === (server.knownId ?? records[0]?.id))
    if (known === undefined) return skipped('list over the window yielded no record to look up')
    const capabilities = run.definition.capabilities
    if (capabilities.get) {
      const got = await runTask(() => client.te.get(known.id, server.callOptions))
      if (got.kind === 'right') {
        run.noteRecord({ record: got.value, source: `get(${JSON.stringify(known.id)})` })
        const problem = mergeProblem(`list's and get's records of ${known.id}`, known, got.value)
        if (problem !== null) problems.push(problem)
      } else notes.push(`get(${JSON.stringify(known.id)}) did not succeed (see capability.get)`)
    }
    if (capabilities.getMany !== false) {
      const got = await runTask(() => client.te.getMany([known.id], server.callOptions))
      const record = got.kind === 'right' ? got.value.records[0] : undefined
      if (record !== undefined) {
        const problem = mergeProblem(`list's and getMany's records of ${known.id}`, known, record)
        if (problem !== null) problems.push(problem)
      } else notes.push(`getMany([${JSON.stringify(known.id)}]) found no record (see capability.getMany)`)
    }
    const other = records.find((record) => record.id !== known.id)
    if (other === undefined) notes.push('only one message listed: merging two different messages not exercised')
    else {
      let thrown: unknown = null
      try {
        mergeRecords(known, other)
      } catch (error) {
        thrown = error
      }
      if (!RcsError.is(thrown, 'bad_request')) {
        problems.push(
          `mergeRecords of two different messages (${known.id} and ${other.id}) should throw a bad_request RcsError, but ${thrown === null ? 'returned a record' : `threw ${describeError(thrown)}`}`,
        )
      }
    }
    return report(problems, notes)
  },
}
