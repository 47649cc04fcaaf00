/**
 * What a new user runs after installing the tarballs with npm: every built-in adapter reads the simulator's records
 * through `loadClient` (default import: npm's layout needs no `importModule`) and through `createClient`, and each
 * listing holds exactly the simulator's ground truth.
 */
import { adapter as bsg } from '@rcs-records/bsg'
import { createClient, loadClient, RcsError } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'

const sim = await startSimulator({ seed: 17, records: 120 })
try {
  const to = new Date(sim.clock.now()).toISOString()
  for (const provider of ['partner-gateway', 'bsg', 'spacivox'] as const) {
    const { from } = sim.truth.window(provider)
    const client = await loadClient({ provider, ...sim.config[provider] })
    const listed: string[] = []
    for await (const record of client.list({ from, to })) listed.push(record.id)
    // partner-gateway lists one channel, `rcs` by default.
    const truth = sim.truth.ids(provider, { from, to, ...(provider === 'partner-gateway' ? { channel: 'rcs' } : {}) })
    if (listed.length === 0 || [...listed].sort().join() !== [...truth].sort().join()) {
      throw new Error(`${provider}: listed ${listed.length} records, the simulator holds ${truth.length}`)
    }
    console.log(`${provider}: ${listed.length} records, as the simulator holds them`)
  }

  const client = createClient({ adapter: bsg, config: sim.config.bsg })
  const { from } = sim.truth.window('bsg')
  const id = sim.truth.ids('bsg', { from, to })[0]
  if (id === undefined) throw new Error('bsg: the simulator holds no record')
  const record = await client.get(id, { from })
  if (record.id !== id || record.provider !== 'bsg') throw new Error(`bsg: get(${id}) gave ${record.id}`)
  console.log(`bsg: get(${id}) → ${record.status}`)

  try {
    createClient({ adapter: bsg, config: { apiKey: '' } })
    throw new Error('an empty apiKey was accepted')
  } catch (error) {
    if (!RcsError.is(error, 'config')) throw error
    console.log(`config error as expected: ${error.message}`)
  }
} finally {
  await sim.close()
}
