import { CliError } from '../cli-error.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { waitForAbort } from '../runtime/wait-for-abort.js'
import type { Session } from './session.js'

/** The port `simulate` listens on by default, as the simulator's own command does; `--port 0` picks a free one. */
const DEFAULT_PORT = 8787

/**
 * `rcs-records simulate`: starts the simulator of the three vendor APIs on 127.0.0.1, prints a config file for all
 * three on stdout (usable as `--config`), and runs until Ctrl-C, then stops it and exits 0.
 */
export const runSimulate = async (
  session: Session,
  options: { port?: number; seed?: number; records?: number },
): Promise<ExitCode> => {
  const { startSimulator } = await import('@rcs-records/simulator')
  const port = options.port ?? DEFAULT_PORT
  let simulator: Awaited<ReturnType<typeof startSimulator>>
  try {
    simulator = await startSimulator({
      port,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.records === undefined ? {} : { records: options.records }),
    })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'EADDRINUSE')
      throw CliError.usage(`port ${port} is in use; pick another with --port, or --port 0 for a free one`)
    if (code === 'EACCES') throw CliError.usage(`port ${port} needs privileges; pick one above 1023 with --port`)
    throw error
  }
  try {
    const { sink } = session.openOutput()
    sink.writeLines([JSON.stringify(simulator.config, null, 2)])
    session.note(`rcs-records: simulator of partner-gateway, bsg and spacivox listening on ${simulator.url}`)
    session.note('rcs-records: save the config above (e.g. sim.json), then try:')
    session.note('  rcs-records list --config sim.json --provider bsg --from now-1d')
    session.note('  rcs-records report --config sim.json --provider all --from now-7d')
    session.note('rcs-records: Ctrl-C to stop')
    await waitForAbort(session.scope.signal)
  } finally {
    await simulator.close()
  }
  return EXIT.ok
}
