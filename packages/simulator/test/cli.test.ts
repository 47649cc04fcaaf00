import { describe, expect, it } from 'vitest'
import { parseSimulatorArgs, runSimulatorCommand, SIMULATOR_USAGE } from '../src/cli.js'

const capture = () => {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err }
}

describe('rcs-records-simulator command', () => {
  it('parses --port, --seed, --records, --host, --window-days, --time-zone and --faults', () => {
    expect(parseSimulatorArgs([])).toMatchObject({ port: 8787, seed: 1, records: 100_000, host: '127.0.0.1' })
    expect(
      parseSimulatorArgs([
        '--port',
        '0',
        '--seed',
        '9',
        '--records',
        '500',
        '--window-days',
        '2',
        '--time-zone',
        'UTC',
        '--faults',
        '{"bsg":[{"kind":"error","rate":0.1}]}',
      ]),
    ).toEqual({
      port: 0,
      host: '127.0.0.1',
      seed: 9,
      records: 500,
      windowMs: 2 * 86_400_000,
      timeZone: 'UTC',
      faults: { bsg: [{ kind: 'error', rate: 0.1 }] },
    })
    expect(parseSimulatorArgs(['--help'])).toBeNull()
    expect(() => parseSimulatorArgs(['--port', 'x'])).toThrow(/--port/)
    expect(() => parseSimulatorArgs(['--faults', '{"twilio":[]}'])).toThrow(/unknown vendor/)
    expect(() => parseSimulatorArgs(['--nope'])).toThrow()
  })

  it('prints one config per provider (the shape rcs-records --config reads), nothing else', async () => {
    const { io, out } = capture()
    const stop = new AbortController()
    const running = runSimulatorCommand(['--port', '0', '--records', '5'], io, stop.signal)
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    const printed = JSON.parse(out.join('')) as Record<string, { baseUrl: string }>
    expect(Object.keys(printed).sort()).toEqual(['bsg', 'partner-gateway', 'spacivox'])
    for (const config of Object.values(printed)) expect(config.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
    stop.abort()
    expect(await running).toBe(0)
  })

  it('with --describe prints the url, configs and windows, serves them, and stops when signalled', async () => {
    const { io, out, err } = capture()
    const stop = new AbortController()
    const running = runSimulatorCommand(['--port', '0', '--records', '50', '--describe'], io, stop.signal)
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    const printed = JSON.parse(out.join('')) as {
      url: string
      config: { spacivox: { baseUrl: string; token: string } }
      windows: { bsg: { count: number } }
    }
    expect(printed.windows.bsg.count).toBe(50)
    const now = new Date().toISOString()
    const response = await fetch(
      `${printed.config.spacivox.baseUrl}/j/rcs_records?start=2000-01-01T00:00:00Z&end=${encodeURIComponent(now)}`,
      { headers: { authorization: `Bearer ${printed.config.spacivox.token}` } },
    )
    expect(((await response.json()) as unknown[]).length).toBe(50)
    stop.abort()
    expect(await running).toBe(0)
    expect(err.join('')).toContain('stopped after 1 requests')
    await expect(fetch(printed.url)).rejects.toThrow()
  })

  it('prints usage for --help and exits 2 on bad arguments', async () => {
    const help = capture()
    expect(await runSimulatorCommand(['--help'], help.io, new AbortController().signal)).toBe(0)
    expect(help.out.join('')).toContain(SIMULATOR_USAGE.split('\n')[0])
    const bad = capture()
    expect(await runSimulatorCommand(['--records', '-5'], bad.io, new AbortController().signal)).toBe(2)
    expect(bad.err.join('')).toContain('Usage')
  })
})
