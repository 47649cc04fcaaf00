// How much redaction costs as a client's secrets churn: one error's message redacted, and one RcsError built and
// scrubbed, with the API key and one token held, after 10,000 token renewals, and with 500 tokens held at once.
// Medians of 7 runs, in microseconds. Run after `npx --yes pnpm@10 build`:
//   node reliability/scripts/redaction-cost.mjs
import { createSecretSet, RcsError, scrubError } from '../../packages/core/dist/index.js'

const token = (n) =>
  `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpYXQiOjE3Mzg3Nzc2NjgsImV4cCI6MTc0MTM2OTY2OCwibiI6${n.toString(36).padStart(8, '0')}fQ.c2lnbmF0dXJl`
const message =
  'bsg: GET https://one-api.bsg.world/api/messages answered 500: Server Error {"errors":[{"field":"page","given":"x"}]} '.repeat(
    3,
  )
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
const micros = (fn, n = 2_000) => {
  for (let i = 0; i < 200; i++) fn()
  const runs = []
  for (let run = 0; run < 7; run++) {
    const started = performance.now()
    for (let i = 0; i < n; i++) fn()
    runs.push(((performance.now() - started) * 1000) / n)
  }
  return Number(median(runs).toFixed(2))
}

const set = createSecretSet()
set.add('live_8JeF1mLckxI4QResuP6X')
set.add(token(0))
const redactOne = () => set.redact(message)
const errorOne = () => scrubError(set, new RcsError({ kind: 'provider', message }))
const fresh = { redactUs: micros(redactOne), errorUs: micros(errorOne) }
let started = performance.now()
for (let i = 1; i <= 10_000; i++) set.replace(token(i - 1), token(i))
const renewMs = (performance.now() - started) / 10_000
const after = { redactUs: micros(redactOne), errorUs: micros(errorOne), secretsHeld: set.size }
started = performance.now()
for (let i = 0; i < 100; i++) {
  set.replace(token(10_000 + i), token(10_001 + i))
  set.redact('x')
}
const rebuildMs = (performance.now() - started) / 100
const many = createSecretSet()
for (let i = 0; i < 500; i++) many.add(token(i))
const held500 = { redactUs: micros(() => many.redact(message)) }
console.log(
  JSON.stringify({ fresh, afterTenThousandRenewals: after, renewMs, renewAndRebuildMs: rebuildMs, held500 }, null, 1),
)
