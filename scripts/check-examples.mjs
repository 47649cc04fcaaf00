// Type-checks every `@example` block of the JSDoc in packages/<name>/src, as docs-ts does for fp-ts:
// `node scripts/check-examples.mjs [package…]` (default: the packages listed in CHECKED below, and the sample
// packages under examples/ that others import, see SAMPLES). A package is named by its folder under packages/
// (`core`) or by its path from the root (`examples/custom-adapter`).
//
// Each block becomes one module in <package>/.examples/ (git-ignored, rewritten on every run) and all of them
// are compiled by tsc with the workspace's strict settings. An example imports only public entry points
// (`@rcs-records/<package>`, `@rcs-records/core/kit`, a sample's own package name) — a relative import ('./mapping.js') is reported as an error
// without compiling, since a reader cannot write it — and declares what it uses. Exits 1 on any error, naming the
// source file and line of the example.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The packages whose examples CI checks so far (every package's are to be, as each is cleaned up). */
const CHECKED = ['core', 'partner-gateway', 'bsg', 'spacivox', 'testkit', 'simulator', 'store', 'cli']
/**
 * The sample packages: examples/<name> whose package.json has `exports` (a package others import, such as the custom
 * adapter), so its JSDoc examples import it by name. The other examples are programs, whose JSDoc examples show
 * their own modules and are run by their tests instead.
 */
const SAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => {
    const manifest = join(ROOT, 'examples', entry.name, 'package.json')
    return (
      entry.isDirectory() && existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).exports !== undefined
    )
  })
  .map((entry) => `examples/${entry.name}`)
const packages = process.argv.length > 2 ? process.argv.slice(2) : [...CHECKED, ...SAMPLES]
/** A package's folder from its name: `core` → packages/core, `examples/custom-adapter` as given. */
const folderOf = (name) => join(ROOT, name.includes('/') ? name : join('packages', name))

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })

/** The `@example` blocks of a file: their text and the line each starts on. */
const examplesOf = (text) => {
  const found = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, comment.index).split('\n').length
    const lines = comment[0].split('\n').map((line) => line.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''))
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i])) continue
      const body = []
      let j = i + 1
      for (; j < lines.length && !/^@\w+/.test(lines[j]); j++) body.push(lines[j])
      const code = body
        .join('\n')
        .replace(/^```\w*\n?|```\s*$/gm, '')
        .trim()
      if (code !== '') found.push({ code, line: startLine + i })
      i = j - 1
    }
  }
  return found
}

const problems = []
const index = new Map()
for (const name of packages) {
  const pkg = folderOf(name)
  const out = join(pkg, '.examples')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  let count = 0
  for (const file of sources(join(pkg, 'src'))) {
    for (const { code, line } of examplesOf(readFileSync(file, 'utf8'))) {
      const where = `${relative(ROOT, file)}:${line}`
      const relativeImport = code.match(/from\s+'(\.{1,2}\/[^']*)'/)
      if (relativeImport !== null) {
        problems.push(`${where}: imports ${relativeImport[1]}, not a public entry point`)
        continue
      }
      const target = join(out, `example-${++count}.ts`)
      index.set(relative(ROOT, target), where)
      // `export {}`: every example is a module (top-level await allowed, names never clash).
      writeFileSync(target, `${code}\nexport {}\n`)
    }
  }
  // Paths relative to the .examples folder; a sample's own name resolves to its source.
  const packagesDir = relative(out, join(ROOT, 'packages'))
  const paths = {
    '@rcs-records/core': [`${packagesDir}/core/src/index.ts`],
    '@rcs-records/core/kit': [`${packagesDir}/core/src/kit.ts`],
    '@rcs-records/*': [`${packagesDir}/*/src/index.ts`],
  }
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'))
  if (name.includes('/')) paths[manifest.name] = ['../src/index.ts']
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(out, join(ROOT, 'tsconfig.base.json')),
      compilerOptions: { composite: false, declaration: false, declarationMap: false, noEmit: true, paths },
      include: ['*.ts'],
    }),
  )
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n')
  console.log(`${name}: ${count} examples`)
  if (count === 0) continue
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(out, 'tsconfig.json'), '--pretty', 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
  } catch (error) {
    for (const line of String(error.stdout).split('\n').filter(Boolean)) {
      const m = line.match(/^(.*?example-\d+\.ts)\((\d+),\d+\): (.*)$/)
      if (m === null) problems.push(line)
      else problems.push(`${index.get(relative(ROOT, join(ROOT, m[1]))) ?? m[1]} (example line ${m[2]}): ${m[3]}`)
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'))
  console.error(`${problems.length} problem(s) in the examples`)
  process.exit(1)
}
console.log('every example compiles')
