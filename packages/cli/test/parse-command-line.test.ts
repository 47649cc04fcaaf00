import { describe, expect, it } from 'vitest'
import { CliError } from '../src/cli-error.js'
import { parseCommandLine } from '../src/index.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const parse = (...argv: string[]) => parseCommandLine(argv, NOW)

const usageMessage = (argv: string[]): string => {
  try {
    parseCommandLine(argv, NOW)
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
    return (error as CliError).message
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

describe('parseCommandLine', () => {
  it('reads get with its lookup options and the common options', () => {
    const command = parse('get', '26130', '-p', 'bsg', '--channel', 'SMS', '--from', '2026-01-01', '-f', 'json')
    expect(command).toEqual({
      name: 'get',
      id: '26130',
      lookup: { channel: 'sms', from: '2026-01-01T00:00:00.000Z' },
      common: { provider: 'bsg', format: 'json', raw: false, color: true, progress: true, verbose: false, http: {} },
    })
  })

  it('reads list filters, resolving relative times against now and defaulting --to to now', () => {
    const command = parse('list', '--from', 'now-2h', '--status', 'delivered,READ', '--campaign', '7', '--strict')
    expect(command.name).toBe('list')
    if (command.name !== 'list') return
    expect(command.filters).toEqual({
      from: '2026-03-01T10:00:00.000Z',
      to: '2026-03-01T12:00:00.000Z',
      status: ['delivered', 'read'],
      campaign: '7',
      strict: true,
    })
  })

  it('accepts offsets and converts them to UTC', () => {
    const command = parse('report', '--from', '2026-02-01T02:00:00+02:00', '--to', '2026-02-02T00:00:00Z')
    expect(command.name === 'report' && command.store === undefined && command.filters.from).toBe(
      '2026-02-01T00:00:00.000Z',
    )
    expect(command.name === 'report' && command.top).toBe(10)
  })

  it('reads get-many ids from arguments, or stdin with a lone "-"', () => {
    expect(parse('get-many', 'a', 'b')).toMatchObject({ name: 'get-many', ids: ['a', 'b'] })
    expect(parse('get-many', '-')).toMatchObject({ name: 'get-many', ids: 'stdin' })
  })

  it('reads watch timing as durations', () => {
    expect(parse('watch', '1', '2', '--interval', '250ms', '--timeout', '2m')).toMatchObject({
      name: 'watch',
      ids: ['1', '2'],
      intervalMs: 250,
      timeoutMs: 120_000,
    })
  })

  it('reads --no-color, --no-progress and --raw', () => {
    const command = parse('list', '--from', 'now-1d', '--no-color', '--no-progress', '--raw')
    expect(command.name === 'list' && command.common).toMatchObject({ color: false, progress: false, raw: true })
  })

  it('gives help for no arguments, --help and help <command>', () => {
    expect(parse()).toEqual({ name: 'help' })
    expect(parse('--help')).toEqual({ name: 'help' })
    expect(parse('list', '--help')).toEqual({ name: 'help', topic: 'list' })
    expect(parse('help', 'watch')).toEqual({ name: 'help', topic: 'watch' })
    expect(parse('--version')).toEqual({ name: 'version' })
  })

  it.each([
    [['lsit'], /unknown command "lsit"/],
    [['list', '--form', 'x'], /^unknown option --form; did you mean --format\?/],
    [['get', '1', '--status', 'read'], /--status does not apply to get/],
    [['get'], /exactly one message id/],
    [['get', '1', '2'], /exactly one message id/],
    [['list'], /--from is required/],
    [['list', '--from', 'yesterday'], /--from expects an ISO-8601 time/],
    [['list', '--from', '2026-02-02', '--to', '2026-02-01'], /--from must be before --to/],
    [['list', '--from', 'now-1d', '--status', 'done'], /--status expects/],
    [['list', '--from', 'now-1d', '--channel', 'fax'], /--channel expects/],
    [['list', '--from', 'now-1d', '--format', 'yaml'], /--format expects one of table, json, ndjson, csv/],
    [['list', '--from', 'now-1d', '--page-size', '0'], /--page-size expects a whole number/],
    [['watch'], /at least one message id/],
    [['watch', '1', '--timeout', 'soon'], /--timeout expects a duration/],
    [['get-many', 'a', '-'], /must stand alone/],
    [['simulate', '--port', '70000'], /--port expects a whole number from 1 to 65535/],
    [['list', '--from'], /^--from needs a value/],
  ])('rejects %j with one clear line', (argv, pattern) => {
    const message = usageMessage(argv)
    expect(message).toMatch(pattern)
    expect(message).not.toContain('\n')
  })
})

describe('HTTP flags', () => {
  it('reads --timeout, --retries, --concurrency and --allow-insecure-http on the vendor commands', () => {
    const command = parse(
      'list',
      '--from',
      'now-1h',
      '--timeout',
      '10s',
      '--retries',
      '0',
      '--concurrency',
      '2',
      '--allow-insecure-http',
    )
    expect(command.name === 'list' && command.common.http).toEqual({
      timeoutMs: 10_000,
      retries: 0,
      concurrency: 2,
      allowInsecureHttp: true,
    })
  })

  it("on watch, --timeout is how long to watch and --request-timeout is the request's", () => {
    const command = parse('watch', '1', '--timeout', '10m', '--request-timeout', '5s')
    expect(command.name === 'watch' && command.timeoutMs).toBe(600_000)
    expect(command.name === 'watch' && command.common.http).toEqual({ timeoutMs: 5_000 })
  })

  it('refuses values out of range with the option named', () => {
    expect(usageMessage(['list', '--from', 'now-1h', '--retries', '50'])).toMatch(
      /--retries expects a whole number from 0 to 20/,
    )
    expect(usageMessage(['list', '--from', 'now-1h', '--concurrency', '0'])).toMatch(
      /--concurrency expects a whole number from 1/,
    )
    expect(usageMessage(['get', '1', '--timeout', 'soon'])).toMatch(/--timeout expects a duration/)
  })
})

describe('mistakes get a suggestion or their own message', () => {
  it.each([
    [['list', '--frm', 'now-1d'], /^unknown option --frm; did you mean --from\?/],
    [['get', '1', '--bogus'], /^unknown option --bogus \(see/],
    [['lsit'], /^unknown command "lsit"; did you mean "list"\?/],
    [['report', '--from', 'now-1d', '--top', '-3'], /^--top expects a whole number from 1 to 1000, got "-3"/],
    [['list', '--from'], /^--from needs a value/],
    [['list', '-p', '-c', 'x.json', '--from', 'now-1d'], /^--provider needs a value/],
  ])('%j', (argv, pattern) => {
    expect(usageMessage(argv)).toMatch(pattern)
  })

  it("a negative-looking value is still a value: --from -1d is read as the option's value", () => {
    expect(usageMessage(['list', '--from', '-1d'])).toMatch(/^--from expects an ISO-8601 time/)
  })
})
