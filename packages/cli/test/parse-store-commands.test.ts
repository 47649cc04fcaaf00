import { describe, expect, it } from 'vitest'
import { CliError } from '../src/cli-error.js'
import { storeLocation } from '../src/commands/store-target.js'
import { parseCommandLine } from '../src/index.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const parse = (...argv: string[]) => parseCommandLine(argv, NOW)

const usageMessage = (...argv: string[]): string => {
  try {
    parseCommandLine(argv, NOW)
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
    return (error as CliError).message
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

describe('sync, query and report --store on the command line', () => {
  it('reads sync: store, window, channel, follow and interval', () => {
    const command = parse(
      'sync',
      '-p',
      'bsg,spacivox',
      '--store',
      'pglite:./data',
      '--from',
      'now-7d',
      '--follow',
      '--interval',
      '30s',
    )
    expect(command).toMatchObject({
      name: 'sync',
      store: 'pglite:./data',
      from: '2026-02-22T12:00:00.000Z',
      follow: true,
      intervalMs: 30_000,
      common: { provider: 'bsg,spacivox' },
    })
    expect(command.name === 'sync' && command.to).toBeUndefined()
    expect(parse('sync', '-p', 'bsg')).toMatchObject({ name: 'sync', follow: false })
  })

  it('refuses what sync cannot do', () => {
    expect(usageMessage('sync', '-p', 'bsg', '--follow', '--to', 'now')).toContain('--follow keeps up with now')
    expect(usageMessage('sync', '-p', 'bsg', '--interval', '1m')).toContain('--interval applies to --follow')
    expect(usageMessage('sync', '-p', 'bsg', '--from', 'now', '--to', 'now-1h')).toContain('--from must be before --to')
    expect(usageMessage('sync', '-p', 'bsg', '--raw')).toMatch(/--raw/)
    expect(usageMessage('sync', 'extra')).toContain('sync takes no arguments')
    expect(usageMessage('sync', '--store', ' ')).toContain('--store needs a directory or a postgres:// URL')
  })

  it('reads query filters: providers, statuses, final/open, campaign, the creation-time range and --limit', () => {
    const command = parse(
      'query',
      '--provider',
      'bsg, spacivox',
      '--status',
      'undeliverable,EXPIRED',
      '--open',
      '--campaign',
      '7',
      '--from',
      '2026-02-01',
      '--to',
      'now',
      '--limit',
      '50',
    )
    expect(command).toMatchObject({
      name: 'query',
      limit: 50,
      query: {
        provider: ['bsg', 'spacivox'],
        status: ['undeliverable', 'expired'],
        final: false,
        campaign: '7',
        from: '2026-02-01T00:00:00.000Z',
        to: '2026-03-01T12:00:00.000Z',
      },
    })
    expect(parse('query', '--final')).toMatchObject({ query: { final: true } })
    // No filter: the whole store, no default window.
    expect(parse('query')).toMatchObject({ name: 'query', query: {} })
    expect(usageMessage('query', '--final', '--open')).toContain('--final and --open exclude each other')
    expect(usageMessage('query', '--limit', '0')).toMatch(/--limit/)
    expect(usageMessage('query', '--config', 'x.json')).toMatch(/--config/)
  })

  it('report --store reads the store: its filters, no vendor options, no required --from', () => {
    const command = parse('report', '--store', 'postgres://rcs@db/rcs', '--provider', 'bsg', '--top', '3')
    expect(command).toMatchObject({
      name: 'report',
      store: 'postgres://rcs@db/rcs',
      query: { provider: ['bsg'] },
      top: 3,
    })
    expect(usageMessage('report', '--store', './data', '--base-url', 'http://x')).toContain(
      '--base-url does not apply to report --store',
    )
    expect(usageMessage('report', '--from', 'now-1d', '--open')).toContain('--open applies to report --store only')
  })

  it('the store is --store, else RCS_STORE, else ./rcs-records-data', () => {
    expect(storeLocation('pglite:./x', { RCS_STORE: 'postgres://db/rcs' })).toBe('pglite:./x')
    expect(storeLocation(undefined, { RCS_STORE: 'postgres://db/rcs' })).toBe('postgres://db/rcs')
    expect(storeLocation(undefined, { RCS_STORE: ' ' })).toBe('./rcs-records-data')
    expect(storeLocation(undefined, {})).toBe('./rcs-records-data')
  })
})
