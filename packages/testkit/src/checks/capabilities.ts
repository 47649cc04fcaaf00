import { type RcsRecord, systemClock } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { describeOutcome, runTask } from '../outcome.js'
import { drainList, expectKind, expectThrownKind, windowQuery } from '../probe.js'
import type { ConformanceRun } from '../run-context.js'

const PROBE_WINDOW = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date() })
const PROBE_ID = 'conformance-probe-id'
/** How far back `capability.modifiedSince` asks (within every vendor limit we know: Spacivox allows 48 hours). */
const MODIFIED_SINCE_LOOKBACK_MS = 24 * 3_600_000
const NO_SERVER = 'no server given (options.server): the supported call was not exercised'

/** The id the server knows: given, or the first one `list` yields. */
const knownIdOf = async <C>(run: ConformanceRun<C>): Promise<string | null> => {
  const connection = await run.connect()
  if (connection === null) return null
  if (connection.server.knownId !== undefined) return connection.server.knownId
  const listed = await run.listed()
  return listed?.records[0]?.id ?? null
}

/**
 * `capability.webhooks`: `webhooks: true` exactly when the adapter has `parseWebhook`.
 */
export const capabilityWebhooks: ConformanceCheck = {
  name: 'capability.webhooks',
  description: 'webhooks is declared exactly when parseWebhook exists',
  run: async (run) => {
    const declared = run.definition.capabilities.webhooks
    const present = typeof run.offline().adapter.parseWebhook === 'function'
    if (declared && !present) return report(['declares webhooks: true but the adapter has no parseWebhook'])
    if (!declared && present) return report(['has parseWebhook but declares webhooks: false'])
    return report()
  },
}

/**
 * `capability.get`: undeclared → `get` fails with kind `unsupported`; declared → against the server, `get(knownId)`
 * returns that id and `get(unknownId)` fails with `not_found`.
 */
export const capabilityGet: ConformanceCheck = {
  name: 'capability.get',
  description: 'get is honest: unsupported when undeclared, works against the server when declared',
  run: async (run) => {
    if (!run.definition.capabilities.get) {
      const outcome = await runTask(() => run.offline().adapter.get(PROBE_ID))
      if (outcome.kind === 'left') run.noteError(outcome.error, 'get (undeclared)')
      const problem = expectKind(outcome, 'unsupported', 'get (declared unsupported)')
      return report(problem === null ? [] : [problem])
    }
    const connection = await run.connect()
    if (connection === null) return skipped(NO_SERVER)
    const { client, server } = connection
    const problems: string[] = []
    const notes: string[] = []
    const knownId = await knownIdOf(run)
    if (knownId === null) {
      notes.push('no knownId (give server.knownId, or let list yield one): get(knownId) not exercised')
    } else {
      const outcome = await runTask(() => client.te.get(knownId, server.callOptions))
      if (outcome.kind === 'right') {
        const record = outcome.value as RcsRecord
        run.noteRecord({ record, source: `get(${knownId})` })
        if (record.id !== knownId)
          problems.push(`get(${JSON.stringify(knownId)}) returned id ${JSON.stringify(record.id)}`)
      } else {
        if (outcome.kind === 'left') run.noteError(outcome.error, `get(${knownId})`)
        problems.push(`get(${JSON.stringify(knownId)}) ${describeOutcome(outcome)}`)
      }
    }
    if (server.unknownId === undefined) {
      notes.push('no server.unknownId: get(unknownId) → not_found not exercised')
    } else {
      const unknownId = server.unknownId
      const outcome = await runTask(() => client.te.get(unknownId, server.callOptions))
      if (outcome.kind === 'left') run.noteError(outcome.error, `get(${unknownId})`)
      const problem = expectKind(outcome, 'not_found', `get(${JSON.stringify(unknownId)})`)
      if (problem !== null) problems.push(problem)
    }
    return report(problems, notes)
  },
}

/**
 * `capability.getMany`: undeclared → `getMany` fails with kind `unsupported`; `native` or `emulated` → against the
 * server, `getMany([knownId, unknownId])` returns the known record and reports exactly the unknown id as missing.
 */
export const capabilityGetMany: ConformanceCheck = {
  name: 'capability.getMany',
  description: 'getMany is honest: unsupported when undeclared, records + missing against the server when declared',
  run: async (run) => {
    if (run.definition.capabilities.getMany === false) {
      const outcome = await runTask(() => run.offline().adapter.getMany([PROBE_ID, `${PROBE_ID}-2`]))
      if (outcome.kind === 'left') run.noteError(outcome.error, 'getMany (undeclared)')
      const problem = expectKind(outcome, 'unsupported', 'getMany (declared unsupported)')
      return report(problem === null ? [] : [problem])
    }
    const connection = await run.connect()
    if (connection === null) return skipped(NO_SERVER)
    const { client, server } = connection
    const knownId = await knownIdOf(run)
    if (knownId === null) return skipped('no knownId (give server.knownId, or let list yield one)')
    const ids = server.unknownId === undefined ? [knownId] : [knownId, server.unknownId]
    const outcome = await runTask(() => client.te.getMany(ids, server.callOptions))
    if (outcome.kind !== 'right') {
      if (outcome.kind === 'left') run.noteError(outcome.error, 'getMany')
      return report([`getMany(${JSON.stringify(ids)}) ${describeOutcome(outcome)}`])
    }
    const problems: string[] = []
    const result = outcome.value as { records?: unknown; missing?: unknown }
    if (!Array.isArray(result.records) || !Array.isArray(result.missing)) {
      return report([`getMany returned ${JSON.stringify(Object.keys(result ?? {}))}, not { records, missing }`])
    }
    const records = result.records as RcsRecord[]
    for (const record of records) run.noteRecord({ record, source: 'getMany' })
    const returned = records.map((record) => record?.id)
    if (returned.filter((id) => id === knownId).length !== 1) {
      problems.push(`getMany returned ${JSON.stringify(returned)}: expected ${JSON.stringify(knownId)} exactly once`)
    }
    const strangers = returned.filter((id) => !ids.includes(id as string))
    if (strangers.length > 0)
      problems.push(`getMany returned ids that were not asked for: ${JSON.stringify(strangers)}`)
    const expectedMissing = server.unknownId === undefined ? [] : [server.unknownId]
    if (JSON.stringify(result.missing) !== JSON.stringify(expectedMissing)) {
      problems.push(`getMany missing is ${JSON.stringify(result.missing)}, expected ${JSON.stringify(expectedMissing)}`)
    }
    const notes = server.unknownId === undefined ? ['no server.unknownId: missing ids not exercised'] : []
    return report(problems, notes)
  },
}

/**
 * `capability.list`: undeclared → `list` throws kind `unsupported`; declared → over the server's window, `list`
 * completes and yields each record exactly once (and, when `expectedIds` is given, exactly those ids).
 */
export const capabilityList: ConformanceCheck = {
  name: 'capability.list',
  description: 'list is honest: unsupported when undeclared, each record exactly once over the window when declared',
  run: async (run) => {
    if (!run.definition.capabilities.list) {
      const ended = await drainList(() => run.offline().adapter.list(PROBE_WINDOW()), 1)
      if (ended.threw) run.noteError(ended.error, 'list (undeclared)')
      const problem = expectThrownKind(ended, 'unsupported', 'list (declared unsupported)')
      return report(problem === null ? [] : [problem])
    }
    const connection = await run.connect()
    const listed = await run.listed()
    if (connection === null || listed === null) return skipped(NO_SERVER)
    const problems: string[] = []
    const notes: string[] = [`list yielded ${listed.records.length} record(s)`]
    if (listed.error !== null)
      problems.push(`list over the window failed: ${String((listed.error as Error)?.message ?? listed.error)}`)
    if (listed.duplicates.length > 0) {
      problems.push(
        `list yielded ${listed.duplicates.length} duplicate(s), e.g. ${JSON.stringify(listed.duplicates.slice(0, 5))}`,
      )
    }
    const expected = connection.server.expectedIds
    if (expected === undefined) {
      notes.push('no server.expectedIds: completeness not checked, only duplicates')
    } else {
      const want = new Set(await expected(connection.server.window))
      const got = new Set(listed.records.map((record) => record.id))
      const missing = [...want].filter((id) => !got.has(id))
      const unexpected = [...got].filter((id) => !want.has(id))
      if (missing.length > 0)
        problems.push(`list missed ${missing.length} id(s), e.g. ${JSON.stringify(missing.slice(0, 5))}`)
      if (unexpected.length > 0) {
        problems.push(
          `list yielded ${unexpected.length} unexpected id(s), e.g. ${JSON.stringify(unexpected.slice(0, 5))}`,
        )
      }
    }
    const warnings = connection.warnings()
    if (warnings > 0) notes.push(`the adapter logged ${warnings} warning(s) (e.g. skipped invalid records)`)
    return report(problems, notes)
  },
}

/**
 * `capability.modifiedSince`: when declared, `list` with `modifiedSince` 24 hours before the server's now completes
 * and yields a subset of the window's records, each once.
 */
export const capabilityModifiedSince: ConformanceCheck = {
  name: 'capability.modifiedSince',
  description: 'list with modifiedSince works and yields a subset of the window',
  run: async (run) => {
    if (!run.definition.capabilities.modifiedSince) return skipped('the adapter declares no modifiedSince')
    const connection = await run.connect()
    const listed = await run.listed()
    if (connection === null || listed === null) return skipped(NO_SERVER)
    const { client, server } = connection
    const modifiedSince = new Date((server.clock ?? systemClock).now() - MODIFIED_SINCE_LOOKBACK_MS)
    const ids: string[] = []
    const ended = await drainList(async function* () {
      for await (const record of client.list(windowQuery(server.window, server.pageSize, { modifiedSince }))) {
        run.noteRecord({ record, source: 'list with modifiedSince' })
        ids.push(record.id)
        yield record
      }
    })
    if (ended.threw) {
      run.noteError(ended.error, 'list with modifiedSince')
      return report([`list with modifiedSince failed: ${String((ended.error as Error)?.message ?? ended.error)}`])
    }
    const problems: string[] = []
    if (new Set(ids).size !== ids.length) problems.push('list with modifiedSince yielded duplicates')
    const all = new Set(listed.records.map((record) => record.id))
    const outside = ids.filter((id) => !all.has(id))
    if (outside.length > 0) {
      problems.push(
        `list with modifiedSince yielded ids the window listing lacks: ${JSON.stringify(outside.slice(0, 5))}`,
      )
    }
    return report(problems, [`${ids.length} record(s) modified since ${modifiedSince.toISOString()}`])
  },
}
