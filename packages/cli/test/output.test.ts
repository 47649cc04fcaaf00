import { RcsError } from '@rcs-records/core'
import { registerSecret } from '@rcs-records/core/kit'
import { describe, expect, it } from 'vitest'
import { describeFailure } from '../src/describe-failure.js'
import { CliError } from '../src/index.js'
import { createPalette, shouldColor } from '../src/output/colors.js'
import { defaultFormat } from '../src/output/format.js'
import { CSV_COLUMNS } from '../src/output/record-columns.js'
import { createRecordWriter } from '../src/output/record-writer.js'
import { type LineSink, streamSink } from '../src/output/sink.js'
import { record } from './support/records.js'

const memorySink = (): LineSink & { lines: string[] } => {
  const lines: string[] = []
  return {
    lines,
    broken: false,
    writeLines: (more) => lines.push(...more),
    ready: () => null,
    flush: () => {},
    close: async () => {},
  }
}

const options = { raw: false, width: 100, palette: createPalette(false) }
const records = [
  record('1', 'delivered', { campaign: 'c, "quoted"', raw: { secretish: 'vendor' } }),
  record('2', 'undeliverable', {
    reason: { code: 'not_rcs_capable', permanent: true, vendorCode: 'not_rcs_user', message: null },
  }),
]

describe('record writers', () => {
  it('ndjson: one JSON record per line, raw only on request', () => {
    const sink = memorySink()
    const writer = createRecordWriter('ndjson', sink, options)
    for (const r of records) writer.write(r)
    writer.end()
    expect(sink.lines.map((line) => JSON.parse(line).id)).toEqual(['1', '2'])
    expect(JSON.parse(sink.lines[0] ?? '')).not.toHaveProperty('raw')
    const withRaw = memorySink()
    createRecordWriter('ndjson', withRaw, { ...options, raw: true }).write(records[0] ?? record('x', 'sent'))
    expect(JSON.parse(withRaw.lines[0] ?? '').raw).toEqual({ secretish: 'vendor' })
  })

  it.each([0, 1, 2])('json: a valid array of %i records once ended, written in whole lines', (n) => {
    const sink = memorySink()
    const writer = createRecordWriter('json', sink, options)
    for (const r of records.slice(0, n)) writer.write(r)
    writer.end()
    const parsed = JSON.parse(sink.lines.join('\n')) as { id: string }[]
    expect(parsed.map((r) => r.id)).toEqual(records.slice(0, n).map((r) => r.id))
  })

  it('csv: a header, then one line per record with the canonical fields', () => {
    const sink = memorySink()
    const writer = createRecordWriter('csv', sink, options)
    for (const r of records) writer.write(r)
    writer.end()
    expect(sink.lines[0]).toBe(CSV_COLUMNS.map((c) => c.name).join(','))
    expect(sink.lines[1]).toContain('"c, ""quoted"""')
    expect(sink.lines[2]).toContain(',undeliverable,true,not_rcs_capable,true,')
    expect(sink.lines).toHaveLength(3)
  })

  it('table: renders at the end, with the footer', () => {
    const sink = memorySink()
    const writer = createRecordWriter('table', sink, { ...options, tableFooter: (n) => `${n} records` })
    for (const r of records) writer.write(r)
    expect(sink.lines).toEqual([])
    writer.end()
    expect(sink.lines.at(-1)).toBe('2 records')
    expect(sink.lines.join('\n')).toContain('undeliverable')
  })
})

describe('record writers on a terminal', () => {
  const hostile = record('9', 'undeliverable', { vendorDescription: 'x\u001b]0;pwned\u0007 \u009b2J y\u007f' })

  it('json escapes the controls JSON.stringify leaves (C1, DEL), and parses back to the same text', () => {
    const sink = memorySink()
    const writer = createRecordWriter('ndjson', sink, { ...options, terminal: true })
    writer.write(hostile)
    const [line] = sink.lines
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
    expect((JSON.parse(line ?? '{}') as { vendorDescription: string }).vendorDescription).toBe(
      hostile.vendorDescription,
    )
  })

  it('csv cells lose their control characters on a terminal, and keep them in a file', () => {
    const shown = memorySink()
    createRecordWriter('csv', shown, { ...options, terminal: true }).write(hostile)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
    for (const line of shown.lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
    const file = memorySink()
    createRecordWriter('csv', file, options).write(hostile)
    expect(file.lines.join('\n')).toContain('\u009b')
  })
})

describe('streamSink', () => {
  it('writes whole lines and stops quietly once the reader is gone (EPIPE)', () => {
    const written: string[] = []
    let onError: (error: Error) => void = () => {}
    let broken = 0
    const sink = streamSink(
      {
        write: (chunk: string) => {
          written.push(chunk)
          return true
        },
        on: (_event: 'error', listener: (error: Error) => void) => {
          onError = listener
        },
      },
      () => {
        broken += 1
      },
    )
    sink.writeLines(['a', 'b'])
    onError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    sink.writeLines(['c'])
    expect(written).toEqual(['a\nb\n'])
    expect(sink.broken).toBe(true)
    expect(broken).toBe(1)
  })
})

describe('defaultFormat', () => {
  it('is table on a terminal, ndjson when piped, and follows the --out extension', () => {
    expect(defaultFormat({ stdoutIsTty: true })).toBe('table')
    expect(defaultFormat({ stdoutIsTty: false })).toBe('ndjson')
    expect(defaultFormat({ stdoutIsTty: true, outPath: 'x.CSV' })).toBe('csv')
    expect(defaultFormat({ stdoutIsTty: true, outPath: 'x.json' })).toBe('json')
    expect(defaultFormat({ stdoutIsTty: true, outPath: 'x.jsonl' })).toBe('ndjson')
    expect(defaultFormat({ stdoutIsTty: false, outPath: 'x' })).toBe('ndjson')
  })
})

describe('shouldColor', () => {
  it.each([
    [{ isTty: true, env: {}, flag: true }, true],
    [{ isTty: false, env: {}, flag: true }, false],
    [{ isTty: true, env: { NO_COLOR: '1' }, flag: true }, false],
    [{ isTty: true, env: {}, flag: false }, false],
    [{ isTty: false, env: { FORCE_COLOR: '1' }, flag: true }, true],
    [{ isTty: true, env: { NO_COLOR: '' }, flag: true }, true],
  ])('%j → %s', (target, expected) => expect(shouldColor(target)).toBe(expected))
})

describe('describeFailure', () => {
  it('maps each error to one redacted line and its exit code', () => {
    const secret = 'canary-key-0b6f2e9d'
    registerSecret(secret)
    const cases: [unknown, number][] = [
      [new RcsError({ kind: 'config', message: `bsg: invalid config: apiKey ${secret}` }), 3],
      [new RcsError({ kind: 'auth', message: 'bsg: credentials refused' }), 3],
      [new RcsError({ kind: 'not_found', message: 'bsg: no message 42' }), 4],
      [new RcsError({ kind: 'bad_request', message: 'bsg: window too long' }), 2],
      [new RcsError({ kind: 'unsupported', message: 'spacivox: get is not supported' }), 2],
      [new RcsError({ kind: 'transport', message: 'bsg: connection reset' }), 5],
      [new RcsError({ kind: 'decode', message: 'bsg: bad page' }), 5],
      [CliError.usage('bad\nflag'), 2],
      [new TypeError(`boom ${secret}`), 1],
    ]
    for (const [error, code] of cases) {
      const failure = describeFailure(error)
      expect(failure.exitCode).toBe(code)
      expect(failure.line).toMatch(/^rcs-records: /)
      expect(failure.line).not.toContain('\n')
      expect(failure.line).not.toContain(secret)
    }
  })
})
