import { generateVendorPage } from '@rcs-records/simulator'
import { toE164 } from '@rcs-records/core'
import { it } from 'vitest'
import { createNormalizer } from '../src/index.js'
it('speed', () => {
  const items = JSON.parse(JSON.stringify(generateVendorPage('bsg', { seed: 7, count: 10000 }))) as any[]
  const phones = items.map((i) => i.phone)
  const n = createNormalizer('Europe/Kyiv')
  for (let r = 0; r < 8; r++) {
    let t = performance.now(); let k = 0
    for (const p of phones) if (toE164(p) !== null) k++
    const a = performance.now() - t
    t = performance.now()
    for (const p of phones) if (typeof p === 'number' ? String(p).length > 3 : false) k++
    const b = performance.now() - t
    t = performance.now()
    for (const i of items) if (n(i)._tag === 'Right') k++
    const c = performance.now() - t
    console.log('toE164', a.toFixed(1), 'String', b.toFixed(1), 'normalize', c.toFixed(1), k)
  }
})
