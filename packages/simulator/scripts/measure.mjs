// Measures the simulator: start-up of a large simulator (wall time, CPU time, heap, RSS) and how fast it serves
// records over HTTP (a plain fetch + JSON.parse client in the same process).
// Usage: pnpm build && node --expose-gc packages/simulator/scripts/measure.mjs [records] [served]
import { startSimulator } from '../dist/index.js'

const records = Number(process.argv[2] ?? 1_000_000)
const served = Number(process.argv[3] ?? 200_000)
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

globalThis.gc?.()
const heapBefore = process.memoryUsage().heapUsed
const cpuBefore = process.cpuUsage()
const t0 = performance.now()
const sim = await startSimulator({ records })
const wall = performance.now() - t0
const cpu = process.cpuUsage(cpuBefore)
globalThis.gc?.()
console.log(
  `start ${records.toLocaleString('en')} records per vendor: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, heap +${mb(process.memoryUsage().heapUsed - heapBefore)}, RSS ${mb(process.memoryUsage().rss)}`,
)

const report = (name, n, started) => {
  const ms = performance.now() - started
  console.log(
    `${name}: ${n.toLocaleString('en')} records in ${ms.toFixed(0)} ms (${Math.round((n / ms) * 1000).toLocaleString('en')} records/s)`,
  )
}

const now = new Date(sim.clock.now())
{
  const { baseUrl, apiKey } = sim.config.bsg
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', body: JSON.stringify({ api_key: apiKey }) })
  const { bearer } = await login.json()
  const started = performance.now()
  let n = 0
  for (let offset = 0; n < served; offset += 500) {
    const page = await (
      await fetch(`${baseUrl}/api/messages?page[limit]=500&page[offset]=${offset}`, {
        headers: { authorization: `Bearer ${bearer}` },
      })
    ).json()
    if (page.data.length === 0) break
    n += page.data.length
  }
  report('bsg /api/messages, pages of 500', n, started)
}
{
  const { baseUrl, apiKey } = sim.config['partner-gateway']
  const from = encodeURIComponent(sim.truth.window('partner-gateway').from)
  const to = encodeURIComponent(now.toISOString())
  const started = performance.now()
  let n = 0
  for (let page = 0; n < served; page++) {
    const items = await (
      await fetch(
        `${baseUrl}/partner-gateway/v1/messages/history?channel=RCS&from=${from}&to=${to}&limit=1000&page=${page}`,
        { headers: { 'x-api-key': apiKey } },
      )
    ).json()
    n += items.length
    if (items.length < 1000) break
  }
  report('partner-gateway history, pages of 1000', n, started)
}
{
  const { baseUrl, token } = sim.config.spacivox
  const window = sim.truth.window('spacivox')
  const end = new Date(Date.parse(window.from) + ((Date.parse(window.to) - Date.parse(window.from)) * served) / records)
  const started = performance.now()
  const items = await (
    await fetch(`${baseUrl}/j/rcs_records?start=${window.from}&end=${end.toISOString()}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()
  report('spacivox /j/rcs_records, one streamed answer', items.length, started)
}
await sim.close()
