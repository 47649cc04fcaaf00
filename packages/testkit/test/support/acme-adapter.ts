/**
 * A small in-memory adapter ("acme") that follows every rule of the contract, plus switches that break one rule
 * each. The testkit's own tests run the conformance suite on it: green when sound, red (on the right check) when
 * broken.
 */
import {
  type Adapter,
  type AdapterDefinition,
  type DecodeIssue,
  type DeliveryStatus,
  type ListQuery,
  RcsError,
  type RcsRecord,
  type StatusTable,
} from '@rcs-records/core'
import {
  buildRecord,
  decodeError,
  lookupStatus,
  RecentIds,
  reportInvalidRecord,
  toE164,
  toEpochMs,
} from '@rcs-records/core/kit'
import { type Either, left, right } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

/** The vendor's payload as documented. */
export interface AcmePayload {
  ref: number | string
  state: string
  to?: string
  at?: string
  campaign?: string
  tag?: string
  note?: string
}

export const ACME_STATUSES: StatusTable<string> = {
  queued: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  seen: 'read',
  failed: 'rejected',
  bounced: 'undeliverable',
  expired: 'expired',
}

/** Switches that each break one rule. */
export interface AcmeFlaws {
  throwsOnJunk: boolean
  unknownIsDelivered: boolean
  lyingGetMany: boolean
  lyingGet: boolean
  duplicates: boolean
  dropsLast: boolean
  wrongFinal: boolean
  wrongProvider: boolean
  extraIsRaw: boolean
  copiesRaw: boolean
  ignoresStatusFilter: boolean
  acceptsBadDates: boolean
  echoesSecret: boolean
  acceptsAnyConfig: boolean
  webhookThrows: boolean
  decodeWithoutPath: boolean
  getReturnsWrongId: boolean
  /** Refuses a valid query (status `unknown`) as a bad_request. */
  rejectsValidQuery: boolean
  /** Asks the server for `[from, to]`: the record stamped exactly at `to` is listed by two ranges. */
  inclusiveTo: boolean
  /** Skips a record that fails to decode without telling anyone. */
  dropsInvalidSilently: boolean
}

/** In-memory "servers": a dataset name in the config picks one. */
export const datasets = new Map<string, AcmePayload[]>()

const Token = t.refinement(t.string, (s) => s.length >= 12, 'a token of at least 12 characters')
const EchoingToken = new t.Type<string, string, unknown>(
  'EchoingToken',
  t.string.is,
  (u, c) =>
    typeof u === 'string' && u.startsWith('acme_')
      ? t.success(u)
      : t.failure(u, c, `a token starting with acme_ (got ${JSON.stringify(u)})`),
  (s) => s,
)
const Region = t.keyof({ eu: null, us: null }, '"eu" | "us"')

const configCodec = (flaws: Partial<AcmeFlaws>) => {
  // The echoing variant names its credential `accessCode`: a name core's credential heuristic does not recognise,
  // so only `secretFields` (which this variant forgets) could have protected it.
  const Strict = flaws.echoesSecret
    ? t.intersection([
        t.type({ accessCode: EchoingToken }),
        t.partial({ region: Region, dataset: t.string, baseUrl: t.string }),
      ])
    : t.intersection([t.type({ token: Token }), t.partial({ region: Region, dataset: t.string, baseUrl: t.string })])
  const tokenOf = (value: t.TypeOf<typeof Strict>): string =>
    'accessCode' in value ? value.accessCode : (value as { token: string }).token
  if (flaws.acceptsAnyConfig) {
    return new t.Type<AcmeConfig, AcmeConfig, unknown>(
      'AnyConfig',
      (u): u is AcmeConfig => true,
      (u) =>
        t.success({
          token: String((u as { token?: unknown } | null)?.token ?? ''),
          region: 'eu',
          dataset: 'none',
          baseUrl: DEFAULT_BASE_URL,
        }),
      (c) => c,
    )
  }
  return new t.Type<AcmeConfig, AcmeConfig, unknown>(
    'AcmeConfig',
    (u): u is AcmeConfig => Strict.is(u),
    (u, c) => {
      const result = Strict.validate(u, c)
      if (result._tag === 'Left') return result
      return t.success({
        token: tokenOf(result.right),
        region: result.right.region ?? 'eu',
        dataset: result.right.dataset ?? 'default',
        baseUrl: result.right.baseUrl ?? DEFAULT_BASE_URL,
      })
    },
    (config) => config,
  )
}

export interface AcmeConfig {
  token: string
  region: 'eu' | 'us'
  dataset: string
  /** Where its listing endpoint is (the test server of `acme-options.ts`). */
  baseUrl: string
}

/** Nothing listens there: an acme without a server fails its listings with a transport error. */
const DEFAULT_BASE_URL = 'http://127.0.0.1:9/acme'

const PROVIDER = 'acme'

const isRecordLike = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const normalizeWith =
  (flaws: Partial<AcmeFlaws>) =>
  (payload: unknown): Either<RcsError, RcsRecord> => {
    if (flaws.throwsOnJunk) {
      // Deliberately careless: dereferences before checking.
      const ref = (payload as { ref: unknown }).ref
      void ref
    }
    const issues: DecodeIssue[] = []
    if (!isRecordLike(payload)) {
      issues.push({ path: '(root)', expected: 'an object', actual: Array.isArray(payload) ? 'array' : String(payload) })
    } else {
      const ref = payload.ref
      if (!(typeof ref === 'string' && ref !== '') && !(typeof ref === 'number' && Number.isSafeInteger(ref))) {
        issues.push({ path: 'ref', expected: 'a string or an integer', actual: typeof ref })
      }
      if (typeof payload.state !== 'string')
        issues.push({ path: 'state', expected: 'string', actual: typeof payload.state })
    }
    if (issues.length > 0 || !isRecordLike(payload)) {
      if (flaws.decodeWithoutPath)
        return left(new RcsError({ kind: 'decode', provider: PROVIDER, message: 'bad payload' }))
      return left(decodeError(PROVIDER, payload, issues, ['ref']))
    }
    const state = payload.state as string
    let status: DeliveryStatus = lookupStatus(ACME_STATUSES, state)
    if (flaws.unknownIsDelivered && status === 'unknown') status = 'delivered'
    const extra: Record<string, unknown> = {}
    if (typeof payload.tag === 'string') extra.tag = payload.tag
    const at =
      typeof payload.at === 'string' && toEpochMs(payload.at) !== null
        ? new Date(toEpochMs(payload.at) as number).toISOString()
        : null
    const record = buildRecord({
      provider: flaws.wrongProvider ? 'ACME' : PROVIDER,
      id: String(payload.ref),
      status,
      vendorStatus: state,
      vendorDescription: typeof payload.note === 'string' ? payload.note : null,
      recipient: toE164(payload.to),
      campaign: typeof payload.campaign === 'string' ? payload.campaign : null,
      reference: typeof payload.tag === 'string' ? payload.tag : null,
      createdAt: at,
      sentAt: at,
      extra,
      raw: flaws.copiesRaw ? { ...payload } : payload,
    })
    if (flaws.wrongFinal && status === 'sent') return right({ ...record, final: true })
    if (flaws.extraIsRaw) return right({ ...record, extra: payload })
    return right(record)
  }

const parseWebhookWith =
  (flaws: Partial<AcmeFlaws>, normalize: (payload: unknown) => Either<RcsError, RcsRecord>) =>
  (body: unknown): Either<RcsError, RcsRecord[]> => {
    const events = isRecordLike(body) ? body.events : undefined
    if (flaws.webhookThrows && !Array.isArray(events)) throw new TypeError('events is not iterable')
    if (!Array.isArray(events)) {
      return left(
        decodeError(PROVIDER, body, [{ path: 'events', expected: 'an array of events', actual: typeof events }]),
      )
    }
    const records: RcsRecord[] = []
    for (const [index, event] of events.entries()) {
      const result = normalize(event)
      if (result._tag === 'Left') {
        const details = result.left.details as { issues?: DecodeIssue[] } | null
        const issues = (details?.issues ?? []).map((issue) => ({ ...issue, path: `events.${index}.${issue.path}` }))
        return left(decodeError(PROVIDER, body, issues))
      }
      records.push(result.right)
    }
    return right(records)
  }

const badDate = (field: string) =>
  new RcsError({ kind: 'bad_request', provider: PROVIDER, message: `acme: ${field} is not a usable date` })

const matches = (record: RcsRecord, query: ListQuery): boolean => {
  const statuses = query.status === undefined ? null : Array.isArray(query.status) ? query.status : [query.status]
  if (statuses !== null && !statuses.includes(record.status)) return false
  if (query.channel !== undefined && record.channel !== query.channel) return false
  if (query.campaign !== undefined && record.campaign !== query.campaign) return false
  if (query.reference !== undefined && record.reference !== query.reference) return false
  return true
}

/** Builds the acme definition, optionally with flaws. */
export const makeAcme = (flaws: Partial<AcmeFlaws> = {}): AdapterDefinition<AcmeConfig> => {
  const normalize = normalizeWith(flaws)
  const parseWebhook = parseWebhookWith(flaws, normalize)
  return {
    name: PROVIDER,
    configCodec: configCodec(flaws),
    capabilities: { get: !flaws.lyingGet, getMany: 'native', list: true, modifiedSince: false, webhooks: true },
    ...(flaws.echoesSecret ? {} : { secretFields: ['token'] }),
    create: (config, ctx): Adapter => {
      const data = () => datasets.get(config.dataset) ?? []
      const find = (id: string) => data().find((payload) => String(payload.ref) === id)
      return {
        get: (id) => async () => {
          const payload = find(id)
          if (payload === undefined) {
            return left(new RcsError({ kind: 'not_found', provider: PROVIDER, message: `acme: no message ${id}` }))
          }
          const result = normalize(flaws.getReturnsWrongId ? { ...payload, ref: `${payload.ref}-x` } : payload)
          return result
        },
        getMany: (ids) => async () => {
          if (flaws.lyingGetMany) {
            return left(new RcsError({ kind: 'unsupported', provider: PROVIDER, message: 'acme: no batch lookup' }))
          }
          const records: RcsRecord[] = []
          const missing: string[] = []
          for (const id of new Set(ids)) {
            const payload = find(id)
            const result = payload === undefined ? null : normalize(payload)
            if (result === null) missing.push(id)
            else if (result._tag === 'Right') records.push(result.right)
            else return result
          }
          return right({ records, missing })
        },
        list: async function* (query) {
          const from = toEpochMs(query.from)
          const to = query.to === undefined ? ctx.clock.now() : toEpochMs(query.to)
          if (!flaws.acceptsBadDates) {
            if (from === null) throw badDate('from')
            if (to === null) throw badDate('to')
          }
          if (flaws.rejectsValidQuery && query.status === 'unknown') {
            throw new RcsError({
              kind: 'bad_request',
              provider: PROVIDER,
              message: 'acme: status unknown is not supported',
            })
          }
          const pageSize = query.pageSize ?? 10
          const seen = new RecentIds(pageSize * 2)
          const window = {
            from: new Date(from ?? 0).toISOString(),
            to: new Date((to ?? 0) + (flaws.inclusiveTo ? 1 : 0)).toISOString(),
          }
          for (let offset = 0, total = 1; offset < total; offset += pageSize) {
            // Pages overlap by one item, as real vendors' pages do when records arrive: RecentIds drops the repeat.
            const start = Math.max(0, offset - 1)
            const response = await ctx.http.request({
              url: `${config.baseUrl}/messages`,
              searchParams: { dataset: config.dataset, ...window, offset: start, limit: offset + pageSize - start },
              headers: { authorization: `Bearer ${config.token}` },
              ...(query.signal === undefined ? {} : { signal: query.signal }),
            })()
            if (response._tag === 'Left') throw response.left
            const body = response.right.body as { items: unknown[]; total: number }
            total = body.total
            const last = offset + pageSize >= total
            const page = flaws.dropsLast && last ? body.items.slice(0, -1) : body.items
            for (const item of page) {
              const result = normalize(item)
              if (result._tag === 'Left') {
                if (!flaws.dropsInvalidSilently) reportInvalidRecord(query, ctx.logger, result.left)
                continue
              }
              const record = result.right
              if (!seen.add(record.id) && !(flaws.duplicates && offset === pageSize)) continue
              if (!flaws.ignoresStatusFilter && !matches(record, query)) continue
              if (flaws.ignoresStatusFilter && !matches(record, { ...query, status: undefined })) continue
              yield record
            }
          }
        },
        normalize,
        parseWebhook,
      }
    },
  }
}

const STATES = Object.keys(ACME_STATUSES)

/** Deterministic vendor data: `count` messages, one a minute from `start`. */
export const seedAcme = (count: number, start = Date.parse('2025-03-01T00:00:00Z')): AcmePayload[] =>
  Array.from({ length: count }, (_, index) => ({
    ref: 1000 + index,
    state: STATES[index % STATES.length] as string,
    to: `+3806612345${String(index % 100).padStart(2, '0')}`,
    at: new Date(start + index * 60_000).toISOString(),
    campaign: `c${index % 3}`,
    tag: `order-${index}`,
    ...(index % 5 === 0 ? { note: 'as documented' } : {}),
  }))
