import { parseArgs } from 'node:util'
import type { FaultSpec } from './faults/types.js'
import type { SimulatorOptions } from './options.js'
import { type Simulator, startSimulator } from './start.js'
import { isVendor, type Vendor } from './vendors.js'

/**
 * Usage of the `rcs-records-simulator` command.
 */
export const SIMULATOR_USAGE = `Usage: rcs-records-simulator [options]

Serves the partner-gateway, BSG and /j/rcs_records APIs on one loopback port and prints the client configs as JSON:
one object per provider, the shape \`rcs-records simulate\` prints and \`rcs-records --config\` reads. Runs until
SIGINT/SIGTERM.

Options:
  --port <n>          port (default 8787; 0 picks a free one)
  --host <addr>       address to listen on (default 127.0.0.1)
  --seed <n>          seed of the generated data (default 1)
  --records <n>       generated records per vendor (default 100000)
  --window-days <n>   records are created over the last n days (default 7)
  --time-zone <zone>  BSG's time zone (default Europe/Kyiv)
  --faults <json>     fault rules per vendor, e.g. '{"bsg":[{"kind":"error","rate":0.1}]}'
  --describe          print { url, config, credentials, windows } instead (for tools: the windows hold the counts)
  --help              this text`

/**
 * Where the command writes.
 */
export interface CommandIo {
  out(text: string): void
  err(text: string): void
}

const integer = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text)) throw new RangeError(`--${name} must be a non-negative integer, got ${text}`)
  return Number(text)
}

const parseFaults = (text: string | undefined): SimulatorOptions['faults'] => {
  if (text === undefined) return undefined
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RangeError('--faults must be a JSON object keyed by vendor')
  }
  const faults: Partial<Record<Vendor, FaultSpec[]>> = {}
  for (const [vendor, specs] of Object.entries(value)) {
    if (!isVendor(vendor)) throw new RangeError(`--faults: unknown vendor ${vendor}`)
    faults[vendor] = (Array.isArray(specs) ? specs : [specs]) as FaultSpec[]
  }
  return faults
}

/**
 * Parses the command's arguments into simulator options (null for `--help`).
 */
export const parseSimulatorArgs = (argv: readonly string[]): SimulatorOptions | null =>
  parseCommand(argv)?.options ?? null

const parseCommand = (argv: readonly string[]): { options: SimulatorOptions; describe: boolean } | null => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      records: { type: 'string' },
      'window-days': { type: 'string' },
      'time-zone': { type: 'string' },
      faults: { type: 'string' },
      describe: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help === true) return null
  const faults = parseFaults(values.faults)
  const options: SimulatorOptions = {
    port: integer('port', values.port, 8787),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', values.seed, 1),
    records: integer('records', values.records, 100_000),
    windowMs: integer('window-days', values['window-days'], 7) * 86_400_000,
    ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
    ...(faults === undefined ? {} : { faults }),
  }
  return { options, describe: values.describe === true }
}

/**
 * What the command prints once listening.
 */
export const describeSimulator = (sim: Simulator) => ({
  url: sim.url,
  config: sim.config,
  credentials: sim.credentials,
  windows: {
    'partner-gateway': sim.truth.window('partner-gateway'),
    bsg: sim.truth.window('bsg'),
    spacivox: sim.truth.window('spacivox'),
  },
})

/**
 * Runs the command: starts a simulator, prints its configs as JSON (`sim.config`, one object per provider — what
 * `rcs-records simulate` prints and `rcs-records --config` reads; with `--describe`, {@link describeSimulator}),
 * and stops when `signal` aborts. Resolves to the exit code.
 */
export const runSimulatorCommand = async (
  argv: readonly string[],
  io: CommandIo,
  signal: AbortSignal,
): Promise<number> => {
  let command: { options: SimulatorOptions; describe: boolean } | null
  try {
    command = parseCommand(argv)
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${SIMULATOR_USAGE}\n`)
    return 2
  }
  if (command === null) {
    io.out(`${SIMULATOR_USAGE}\n`)
    return 0
  }
  let sim: Simulator
  try {
    sim = await startSimulator(command.options)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      io.err(`rcs-records-simulator: port ${command.options.port} is in use; pick another with --port, or --port 0\n`)
      return 2
    }
    io.err(`rcs-records-simulator: ${(error as Error).message}\n`)
    return 1
  }
  io.out(`${JSON.stringify(command.describe ? describeSimulator(sim) : sim.config, null, 2)}\n`)
  io.err(`rcs-records-simulator listening on ${sim.url} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })
  await sim.close()
  const stats = sim.stats()
  io.err(`rcs-records-simulator stopped after ${stats.requests} requests\n`)
  return 0
}
