/**
 * Every adapter in the repository has the design's file set and the same import direction: the pure modules
 * (`provider`, `config`, `payload`, `mapping`, `normalize`, `webhook` and the pure extras) import only pure modules,
 * never an I/O one (`api`, `list`, `get`, `client`, `auth`, …), and no source file imports from `node:`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The design's files every adapter has; `webhook` and `get` where the vendor has callbacks / lookups by id. */
const REQUIRED = ['provider', 'config', 'payload', 'mapping', 'normalize', 'api', 'list', 'client', 'index']

/** Modules that do no I/O. Anything else in an adapter's `src/` is I/O (or wiring) and may import these. */
const PURE = new Set([
  'provider',
  'config',
  'payload',
  'mapping',
  'normalize',
  'webhook',
  'fields',
  'windows',
  'jwt',
  'slices',
  'rfc2822',
])

const ADAPTERS = [
  { dir: 'packages/bsg', webhook: true, get: true },
  { dir: 'packages/partner-gateway', webhook: true, get: true },
  { dir: 'packages/spacivox', webhook: false, get: false },
  { dir: 'examples/custom-adapter', webhook: true, get: true },
] as const

const LOCAL_IMPORT = /^(?:import|export)\s[^'";]*?from\s+'\.\/([\w-]+)\.js'/gm
/** A module's code without its comments (JSDoc examples import the module itself). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
const NODE_IMPORT = /from\s+'node:|import\s*\(\s*'node:/

const modulesOf = (dir: string): string[] =>
  readdirSync(join(ROOT, dir, 'src'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))

const importsOf = (dir: string, module: string): string[] => {
  const text = code(readFileSync(join(ROOT, dir, 'src', `${module}.ts`), 'utf8'))
  return [...text.matchAll(LOCAL_IMPORT)].map((match) => match[1] as string)
}

describe.each(ADAPTERS)('$dir', ({ dir, webhook, get }) => {
  it("has the design's file set", () => {
    const expected = [...REQUIRED, ...(webhook ? ['webhook'] : []), ...(get ? ['get'] : [])]
    for (const module of expected) expect(existsSync(join(ROOT, dir, 'src', `${module}.ts`)), module).toBe(true)
    if (!webhook) expect(existsSync(join(ROOT, dir, 'src', 'webhook.ts'))).toBe(false)
  })

  it('imports flow from I/O to pure modules only, never back', () => {
    const wrongWay: string[] = []
    for (const module of modulesOf(dir).filter((name) => PURE.has(name))) {
      for (const imported of importsOf(dir, module)) {
        if (!PURE.has(imported)) wrongWay.push(`${module} → ${imported}`)
      }
    }
    expect(wrongWay).toEqual([])
  })

  it('nothing imports normalize.ts for PROVIDER, and nothing imports from node:', () => {
    for (const module of modulesOf(dir)) {
      const text = code(readFileSync(join(ROOT, dir, 'src', `${module}.ts`), 'utf8'))
      expect(text, module).not.toMatch(/import \{[^}]*\bPROVIDER\b[^}]*\} from '\.\/normalize\.js'/)
      expect(NODE_IMPORT.test(text), module).toBe(false)
    }
  })
})
