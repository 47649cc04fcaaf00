import { parseArgs } from 'node:util'
import { type Channel, ChannelCodec, DELIVERY_STATUSES, type DeliveryStatus } from '@rcs-records/core'
import { CliError } from '../cli-error.js'
import type { HttpFlags } from '../config/http-options.js'
import { isOutputFormat, OUTPUT_FORMATS } from '../output/format.js'
import type { Command, CommonOptions, ListFilters, LookupOptions, StoreFilters } from './command.js'
import { parseDuration } from './duration.js'
import { parseInstant } from './instant.js'
import { didYouMean } from './suggest.js'

const OPTIONS = {
  provider: { type: 'string', short: 'p' },
  config: { type: 'string', short: 'c' },
  'base-url': { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  raw: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  status: { type: 'string' },
  channel: { type: 'string' },
  campaign: { type: 'string' },
  reference: { type: 'string' },
  'modified-since': { type: 'string' },
  'page-size': { type: 'string' },
  strict: { type: 'boolean' },
  interval: { type: 'string' },
  timeout: { type: 'string' },
  top: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  records: { type: 'string' },
  rows: { type: 'string' },
  'request-timeout': { type: 'string' },
  retries: { type: 'string' },
  concurrency: { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  store: { type: 'string' },
  follow: { type: 'boolean' },
  final: { type: 'boolean' },
  open: { type: 'boolean' },
  limit: { type: 'string' },
} as const

type OptionName = keyof typeof OPTIONS
type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

const VENDOR_OPTIONS: readonly OptionName[] = [
  'provider',
  'config',
  'base-url',
  'format',
  'out',
  'raw',
  'no-color',
  'no-progress',
  'verbose',
  'request-timeout',
  'retries',
  'concurrency',
  'allow-insecure-http',
]
const LIST_OPTIONS: readonly OptionName[] = [
  'from',
  'to',
  'status',
  'channel',
  'campaign',
  'reference',
  'modified-since',
  'page-size',
  'strict',
]

/** The options of a command that reads a store (`query`, `report --store`): the store, its filters, output. */
const STORE_OPTIONS: readonly OptionName[] = [
  'store',
  'provider',
  'from',
  'to',
  'status',
  'channel',
  'campaign',
  'final',
  'open',
  'no-color',
  'no-progress',
  'verbose',
]

/** Which options each command accepts (besides --help). */
const ALLOWED: Readonly<Record<string, readonly OptionName[]>> = {
  get: [...VENDOR_OPTIONS, 'timeout', 'from', 'channel'],
  'get-many': [...VENDOR_OPTIONS, 'timeout', 'from', 'channel'],
  list: [...VENDOR_OPTIONS, 'timeout', ...LIST_OPTIONS],
  // watch's --timeout is how long to watch; its per-request timeout is --request-timeout.
  watch: [...VENDOR_OPTIONS, 'from', 'channel', 'interval', 'timeout'],
  report: [
    ...VENDOR_OPTIONS,
    'timeout',
    ...LIST_OPTIONS.filter((name) => name !== 'strict'),
    'top',
    'store',
    'final',
    'open',
  ],
  sync: [
    ...VENDOR_OPTIONS.filter((name) => name !== 'raw'),
    'timeout',
    'store',
    'from',
    'to',
    'channel',
    'follow',
    'interval',
  ],
  query: [...STORE_OPTIONS, 'format', 'out', 'raw', 'limit'],
  simulate: ['port', 'seed', 'records', 'no-color', 'verbose'],
  demo: ['seed', 'records', 'rows', 'no-color', 'verbose'],
  serve: ['provider', 'config', 'base-url', 'no-color', 'verbose', 'store', 'port', 'host'],
}

/**
 * The commands, in the order `--help` lists them.
 */
export const COMMAND_NAMES = [
  'get',
  'get-many',
  'list',
  'watch',
  'report',
  'sync',
  'query',
  'simulate',
  'demo',
  'serve',
] as const

const usageError = (message: string): CliError => CliError.usage(`${message} (see rcs-records --help)`)

const wholeNumber = (
  name: string,
  text: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined => {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(`--${name} expects a whole number from ${min} to ${max}, got "${text}"`)
  }
  return value
}

const positiveInteger = (name: string, text: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined =>
  wholeNumber(name, text, 1, max)

const instant = (name: string, text: string, nowMs: number): string => {
  const value = parseInstant(text, nowMs)
  if (value === null) {
    throw usageError(`--${name} expects an ISO-8601 time (2026-01-31T12:00:00Z), a date, now or now-<duration>`)
  }
  return value
}

const duration = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const value = parseDuration(text)
  if (value === null || value <= 0) throw usageError(`--${name} expects a duration such as 500ms, 5s, 2m or 1h`)
  return value
}

const channelOf = (text: string | undefined): Channel | undefined => {
  if (text === undefined) return undefined
  const value = text.trim().toLowerCase()
  if (!ChannelCodec.is(value)) {
    throw usageError(`--channel expects one of ${Object.keys(ChannelCodec.keys).join(', ')}, got "${text}"`)
  }
  return value
}

const statusesOf = (text: string | undefined): DeliveryStatus[] | undefined => {
  if (text === undefined) return undefined
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
  const bad = names.find((name) => !(DELIVERY_STATUSES as readonly string[]).includes(name))
  if (bad !== undefined || names.length === 0) {
    throw usageError(`--status expects a comma-separated list of ${DELIVERY_STATUSES.join(', ')}`)
  }
  return names as DeliveryStatus[]
}

const httpOf = (values: Values, command: string): HttpFlags => {
  const timeoutText = values['request-timeout'] ?? (command === 'watch' ? undefined : values.timeout)
  const timeoutName = values['request-timeout'] === undefined ? 'timeout' : 'request-timeout'
  const timeoutMs = duration(timeoutName, timeoutText)
  const retries = wholeNumber('retries', values.retries, 0, 20)
  const concurrency = positiveInteger('concurrency', values.concurrency, 64)
  return {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined ? {} : { retries }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(values['allow-insecure-http'] === true ? { allowInsecureHttp: true } : {}),
  }
}

const commonOf = (values: Values, command: string): CommonOptions => {
  const format = values.format?.trim().toLowerCase()
  if (format !== undefined && !isOutputFormat(format)) {
    throw usageError(`--format expects one of ${OUTPUT_FORMATS.join(', ')}, got "${values.format}"`)
  }
  return {
    ...(values.provider === undefined ? {} : { provider: values.provider }),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(format === undefined ? {} : { format }),
    ...(values.out === undefined ? {} : { out: values.out }),
    raw: values.raw === true,
    color: values['no-color'] !== true,
    progress: values['no-progress'] !== true,
    verbose: values.verbose === true,
    http: httpOf(values, command),
  }
}

const lookupOf = (values: Values, nowMs: number): LookupOptions => {
  const channel = channelOf(values.channel)
  return {
    ...(channel === undefined ? {} : { channel }),
    ...(values.from === undefined ? {} : { from: instant('from', values.from, nowMs) }),
  }
}

const filtersOf = (values: Values, nowMs: number): ListFilters => {
  if (values.from === undefined) throw usageError('--from is required')
  const from = instant('from', values.from, nowMs)
  const to = values.to === undefined ? new Date(nowMs).toISOString() : instant('to', values.to, nowMs)
  if (Date.parse(from) >= Date.parse(to)) throw usageError('--from must be before --to')
  const status = statusesOf(values.status)
  const channel = channelOf(values.channel)
  const pageSize = positiveInteger('page-size', values['page-size'], 10_000)
  return {
    from,
    to,
    ...(status === undefined ? {} : { status }),
    ...(channel === undefined ? {} : { channel }),
    ...(values.campaign === undefined ? {} : { campaign: values.campaign }),
    ...(values.reference === undefined ? {} : { reference: values.reference }),
    ...(values['modified-since'] === undefined
      ? {}
      : { modifiedSince: instant('modified-since', values['modified-since'], nowMs) }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(values.strict === true ? { strict: true } : {}),
  }
}

/** `--store`: a PGlite directory, `pglite:DIR`, `memory://` or a `postgres://` URL; checked by the store itself. */
const storeOf = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined
  if (text.trim() === '') throw usageError('--store needs a directory or a postgres:// URL')
  return text
}

const providersOf = (text: string | undefined): string[] | undefined => {
  if (text === undefined) return undefined
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) throw usageError('--provider expects a provider name or a comma-separated list')
  return names
}

/** The filters of `query` and `report --store`: every one optional (the whole store by default). */
const storeFiltersOf = (values: Values, nowMs: number): StoreFilters => {
  if (values.final === true && values.open === true) throw usageError('--final and --open exclude each other')
  const from = values.from === undefined ? undefined : instant('from', values.from, nowMs)
  const to = values.to === undefined ? undefined : instant('to', values.to, nowMs)
  if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) {
    throw usageError('--from must be before --to')
  }
  const provider = providersOf(values.provider)
  const status = statusesOf(values.status)
  const channel = channelOf(values.channel)
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(status === undefined ? {} : { status }),
    ...(values.final === true ? { final: true } : values.open === true ? { final: false } : {}),
    ...(channel === undefined ? {} : { channel }),
    ...(values.campaign === undefined ? {} : { campaign: values.campaign }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  }
}

/** `report --store` reads the store only: the options that talk to a vendor do not apply. */
const storeReport = (values: Values, common: CommonOptions, nowMs: number): Command => {
  for (const option of Object.keys(values) as OptionName[]) {
    if (values[option] !== undefined && ![...STORE_OPTIONS, 'format', 'out', 'top'].includes(option)) {
      throw usageError(`--${option} does not apply to report --store (it reads the store, not a vendor)`)
    }
  }
  return {
    name: 'report',
    common,
    store: storeOf(values.store) as string,
    query: storeFiltersOf(values, nowMs),
    top: positiveInteger('top', values.top, 1_000) ?? 10,
  }
}

const idsOf = (positionals: readonly string[], command: string): string[] => {
  const ids = positionals.map((id) => id.trim()).filter((id) => id !== '')
  if (ids.length === 0) throw usageError(`${command} needs at least one message id`)
  return ids
}

const LONG_NAMES = Object.keys(OPTIONS)
const SHORT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OPTIONS).flatMap(([name, option]) => ('short' in option ? [[option.short, name]] : [])),
)
const takesValue = (name: string | undefined): boolean =>
  name !== undefined && (OPTIONS as Record<string, { type: string }>)[name]?.type === 'string'

/** The option a token names (`--top`, `-p`), or undefined. */
const optionOf = (token: string): string | undefined => {
  if (token.startsWith('--')) return LONG_NAMES.includes(token.slice(2)) ? token.slice(2) : undefined
  if (/^-[a-zA-Z]$/.test(token)) return SHORT_NAMES[token.slice(1)]
  return undefined
}

/**
 * `--top -3` → `--top=-3`: a value that starts with a dash but names no option is the option's value, so that it
 * gets the option's own message ("--top expects a whole number…") instead of parseArgs' "ambiguous".
 */
const joinDashValues = (argv: readonly string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string
    if (token === '--') {
      out.push(...argv.slice(i))
      break
    }
    const next = argv[i + 1]
    const name = optionOf(token)
    if (takesValue(name) && next?.startsWith('-') === true && next !== '-' && optionOf(next) === undefined) {
      out.push(`--${name}=${next}`)
      i++
    } else out.push(token)
  }
  return out
}

const parseError = (error: unknown): CliError => {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    const suggestion = option.startsWith('--') ? didYouMean(option.slice(2), LONG_NAMES, (name) => `--${name}`) : ''
    return usageError(`unknown option ${option}${suggestion}`)
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    const name = option.startsWith('--') ? option : `--${SHORT_NAMES[option.replace(/^-/, '')] ?? option}`
    return usageError(
      takesValue(name.slice(2)) ? `${name} needs a value` : `${name} takes no value (it is a switch: just ${name})`,
    )
  }
  return usageError(message === '' ? 'invalid arguments' : message)
}

const parseRaw = (argv: readonly string[]) => {
  try {
    return parseArgs({ args: joinDashValues(argv), options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw parseError(error)
  }
}

/**
 * Parses `rcs-records` arguments (without `node` and the script) into a {@link Command}. Every problem is a usage
 * {@link CliError} (exit 2) with one clear line. `nowMs` anchors `now` and relative times.
 *
 * @example
 * import { parseCommandLine } from '@rcs-records/cli'
 * parseCommandLine(['list', '--provider', 'bsg', '--from', 'now-1d'], Date.now())
 */
export const parseCommandLine = (argv: readonly string[], nowMs: number): Command => {
  const { values, positionals } = parseRaw(argv) as { values: Values; positionals: string[] }
  const [name, ...rest] = positionals
  if (values.version === true && name === undefined) return { name: 'version' }
  if (name === undefined) return { name: 'help' }
  if (name === 'help') return rest[0] === undefined ? { name: 'help' } : { name: 'help', topic: rest[0] }
  const allowed = ALLOWED[name]
  if (allowed === undefined) throw usageError(`unknown command "${name}"${didYouMean(name, COMMAND_NAMES)}`)
  if (values.help === true) return { name: 'help', topic: name }
  for (const [option, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.includes(option as OptionName)) {
      throw usageError(`--${option} does not apply to ${name}`)
    }
  }
  const common = commonOf(values, name)
  switch (name) {
    case 'get': {
      if (rest.length !== 1) throw usageError('get takes exactly one message id')
      const [id] = idsOf(rest, 'get')
      return { name, common, id: id as string, lookup: lookupOf(values, nowMs) }
    }
    case 'get-many': {
      const ids = rest.length === 1 && rest[0] === '-' ? 'stdin' : idsOf(rest, 'get-many')
      if (ids !== 'stdin' && ids.includes('-')) throw usageError('get-many: "-" (read ids from stdin) must stand alone')
      return { name, common, ids, lookup: lookupOf(values, nowMs) }
    }
    case 'list':
      if (rest.length > 0) throw usageError(`list takes no arguments, got "${rest[0]}"`)
      return { name, common, filters: filtersOf(values, nowMs) }
    case 'watch': {
      const intervalMs = duration('interval', values.interval)
      const timeoutMs = duration('timeout', values.timeout)
      return {
        name,
        common,
        ids: idsOf(rest, 'watch'),
        lookup: lookupOf(values, nowMs),
        ...(intervalMs === undefined ? {} : { intervalMs }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      }
    }
    case 'report':
      if (rest.length > 0) throw usageError(`report takes no arguments, got "${rest[0]}"`)
      if (values.store !== undefined) return storeReport(values, common, nowMs)
      if (values.final === true || values.open === true) {
        throw usageError(`--${values.final === true ? 'final' : 'open'} applies to report --store only`)
      }
      return { name, common, filters: filtersOf(values, nowMs), top: positiveInteger('top', values.top, 1_000) ?? 10 }
    case 'sync': {
      if (rest.length > 0) throw usageError(`sync takes no arguments, got "${rest[0]}"`)
      const from = values.from === undefined ? undefined : instant('from', values.from, nowMs)
      const to = values.to === undefined ? undefined : instant('to', values.to, nowMs)
      if (values.follow === true && to !== undefined) throw usageError('--follow keeps up with now: it takes no --to')
      if (values.interval !== undefined && values.follow !== true) throw usageError('--interval applies to --follow')
      if (from !== undefined && Date.parse(from) >= Date.parse(to ?? new Date(nowMs).toISOString())) {
        throw usageError('--from must be before --to (and before now)')
      }
      const intervalMs = duration('interval', values.interval)
      const store = storeOf(values.store)
      const channel = channelOf(values.channel)
      return {
        name,
        common,
        follow: values.follow === true,
        ...(store === undefined ? {} : { store }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(channel === undefined ? {} : { channel }),
        ...(intervalMs === undefined ? {} : { intervalMs }),
      }
    }
    case 'query': {
      if (rest.length > 0) throw usageError(`query takes no arguments, got "${rest[0]}"`)
      const store = storeOf(values.store)
      const limit = positiveInteger('limit', values.limit)
      return {
        name,
        common,
        query: storeFiltersOf(values, nowMs),
        ...(store === undefined ? {} : { store }),
        ...(limit === undefined ? {} : { limit }),
      }
    }
    case 'simulate': {
      if (rest.length > 0) throw usageError(`simulate takes no arguments, got "${rest[0]}"`)
      const port = values.port === '0' ? 0 : positiveInteger('port', values.port, 65_535)
      const seed = positiveInteger('seed', values.seed, 2 ** 31 - 1)
      const records = positiveInteger('records', values.records, 100_000_000)
      return {
        name,
        common,
        ...(port === undefined ? {} : { port }),
        ...(seed === undefined ? {} : { seed }),
        ...(records === undefined ? {} : { records }),
      }
    }
    case 'serve': {
      if (rest.length > 0) throw usageError(`serve takes no arguments, got "${rest[0]}"`)
      if (values.store === undefined || values.store === '') throw usageError('serve needs --store URL')
      const port = values.port === '0' ? 0 : positiveInteger('port', values.port, 65_535)
      return {
        name,
        common,
        store: values.store,
        ...(port === undefined ? {} : { port }),
        ...(values.host === undefined ? {} : { host: values.host }),
      }
    }
    default: {
      if (rest.length > 0) throw usageError(`demo takes no arguments, got "${rest[0]}"`)
      const seed = positiveInteger('seed', values.seed, 2 ** 31 - 1)
      const records = positiveInteger('records', values.records, 1_000_000)
      return {
        name: 'demo',
        common,
        rows: positiveInteger('rows', values.rows, 1_000) ?? 10,
        ...(seed === undefined ? {} : { seed }),
        ...(records === undefined ? {} : { records }),
      }
    }
  }
}
