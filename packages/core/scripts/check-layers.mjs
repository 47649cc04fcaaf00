// Core's folders are layers: a module may import from its own folder or a lower one, never a higher one.
// `node packages/core/scripts/check-layers.mjs` prints each folder's imports and exits 1 on an upward import.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Lowest first: `fp` and `errors` under the helpers (`util`, `time`), `client` (what applications call) on top. */
const LAYERS = ['fp', 'errors', 'util', 'time', 'model', 'runtime', 'http', 'adapter', 'list', 'client']
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src')

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )

const folderOf = (file) => relative(SRC, file).split('/')[0]
const upward = []
const edges = new Map()
for (const file of files(SRC)) {
  const from = folderOf(file)
  if (!LAYERS.includes(from)) continue // index.ts and kit.ts: the entry points re-export every layer
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  for (const [, spec] of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const to = folderOf(join(dirname(file), spec))
    if (to === from) continue
    edges.set(`${from} → ${to}`, (edges.get(`${from} → ${to}`) ?? 0) + 1)
    if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${relative(SRC, file)} imports ${spec} (${to})`)
  }
}
console.log(`layers, lowest first: ${LAYERS.join(' < ')}`)
for (const [edge, count] of [...edges].sort()) console.log(`  ${edge} (${count})`)
if (upward.length > 0) {
  console.error(`upward imports:\n  ${upward.join('\n  ')}`)
  process.exit(1)
}
console.log('no module imports from a layer above its own')
