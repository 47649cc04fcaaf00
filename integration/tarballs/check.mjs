#!/usr/bin/env node
/**
 * The published packages as a user gets them: builds, packs the workspace with `pnpm -r pack`, checks each tarball
 * (only the public packages are packed; LICENSE, no *.tsbuildinfo or tests, repository/homepage, a `default`
 * condition on every export; publint --strict; attw --profile esm-only), then installs them with npm into a new
 * project outside the workspace (the README's "install from a clone" recipe) and there: type-checks consumer code
 * under `module: nodenext` and `bundler` (the config-type checks of ../test/config-types included), runs a script
 * against the simulator, and require()s every package from CommonJS.
 *
 * Exits non-zero on the first problem. Needs the npm registry for the packages' own dependencies.
 * Run: pnpm run check:packages   (or: node integration/tarballs/check.mjs)
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..')
const BIN = join(ROOT, 'node_modules', '.bin')
/** pnpm: the one running this script (`pnpm run check:packages`), else pnpm 10 through npx. */
const PNPM = process.env.npm_execpath?.includes('pnpm')
  ? [process.execPath, process.env.npm_execpath]
  : ['npx', '--yes', 'pnpm@10']
/** The environment for npm: without the npm_config_* variables pnpm sets, which npm would warn about. */
const NPM_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)))
/** Installed into the app: the testkit is checked as a tarball but not installed (it pulls in vitest, a peer). */
const NOT_INSTALLED = new Set(['@rcs-records/testkit'])

const problems = []
const fail = (message) => {
  problems.push(message)
  console.error(`✗ ${message}`)
}
const started = Date.now()
const step = (title) => console.log(`\n── ${title} (at ${Math.round((Date.now() - started) / 1000)} s)`)
const run = (command, args, options = {}) => {
  console.log(`$ ${[command, ...args].join(' ')}`)
  execFileSync(command, args, { stdio: 'inherit', ...options })
}
const output = (command, args, options = {}) => execFileSync(command, args, { encoding: 'utf8', ...options })
const tarballName = (name, version) => `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`

const work = mkdtempSync(join(tmpdir(), 'rcs-records-tarballs-'))
try {
  step('build and pack (pnpm -r pack)')
  run(PNPM[0], [...PNPM.slice(1), 'build'], { cwd: ROOT })
  const tarballs = join(work, 'tarballs')
  run(PNPM[0], [...PNPM.slice(1), '-r', 'pack', '--pack-destination', tarballs], { cwd: ROOT, stdio: 'ignore' })

  step('only the public packages are packed')
  const workspace = JSON.parse(
    output(PNPM[0], [...PNPM.slice(1), '-r', 'ls', '--depth', '-1', '--json'], { cwd: ROOT }),
  )
  const manifests = workspace
    .filter((project) => project.path !== ROOT)
    .map((project) => ({ dir: project.path, ...JSON.parse(readFileSync(join(project.path, 'package.json'), 'utf8')) }))
  const packed = new Set(readdirSync(tarballs))
  const published = []
  for (const manifest of manifests) {
    const file = tarballName(manifest.name, manifest.version ?? '0.0.0')
    if (manifest.private === true) {
      if ([...packed].some((name) => name.startsWith(`${manifest.name.replace(/^@/, '').replace('/', '-')}-`))) {
        fail(`${manifest.name} is private but was packed`)
      }
    } else if (!packed.has(file)) fail(`${manifest.name}: no tarball ${file}`)
    else published.push({ manifest, file: join(tarballs, file) })
  }
  console.log(`packed: ${[...packed].sort().join(', ')}`)
  if (published.length === 0) fail('no public package was packed')

  for (const { manifest, file } of published) {
    step(`${manifest.name}: contents, publint, attw`)
    const entries = output('tar', ['-tzf', file]).split('\n').filter(Boolean)
    if (!entries.includes('package/LICENSE')) fail(`${basename(file)}: no LICENSE`)
    for (const entry of entries) {
      if (entry.endsWith('.tsbuildinfo')) fail(`${basename(file)}: contains ${entry}`)
      if (/\.test\.[cm]?[jt]s$/.test(entry)) fail(`${basename(file)}: contains the test ${entry}`)
    }
    const packedManifest = JSON.parse(output('tar', ['-xzOf', file, 'package/package.json']))
    for (const field of ['license', 'repository', 'homepage']) {
      if (packedManifest[field] === undefined) fail(`${manifest.name}: no ${field} field`)
    }
    for (const [entry, conditions] of Object.entries(packedManifest.exports ?? {})) {
      if (typeof conditions === 'object' && conditions !== null && !('default' in conditions)) {
        fail(`${manifest.name}: exports["${entry}"] has no default condition (require() needs it)`)
      }
    }
    for (const [name, path] of Object.entries(packedManifest.bin ?? {})) {
      if (!entries.includes(`package/${path.replace(/^\.\//, '')}`))
        fail(`${manifest.name}: bin ${name} → ${path} missing`)
    }
    try {
      run(join(BIN, 'publint'), [file, '--strict'])
    } catch {
      fail(`${manifest.name}: publint`)
    }
    try {
      run(join(BIN, 'attw'), [file, '--profile', 'esm-only', '--format', 'table-flipped'])
    } catch {
      fail(`${manifest.name}: attw --profile esm-only`)
    }
  }

  step('install the tarballs with npm into a new project outside the workspace')
  const app = join(work, 'app')
  cpSync(join(HERE, 'app'), app, { recursive: true })
  for (const fixture of readdirSync(join(HERE, '..', 'test', 'config-types'))) {
    cpSync(join(HERE, '..', 'test', 'config-types', fixture), join(app, fixture))
  }
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2)}\n`,
  )
  const installed = published.filter(({ manifest }) => !NOT_INSTALLED.has(manifest.name)).map(({ file }) => file)
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...installed, '@types/node@^20.19.0'], {
    cwd: app,
    env: NPM_ENV,
  })

  step('type-check the consumer code: module nodenext (and emit), bundler; loadClient with `import type {}` only')
  const tsc = join(BIN, 'tsc')
  for (const [title, args] of [
    ['nodenext', ['-p', 'tsconfig.json']],
    ['bundler', ['-p', 'tsconfig.bundler.json']],
    ['nodenext, load-client.ts alone', ['-p', 'tsconfig.load-only.json']],
    [
      'bundler, load-client.ts alone',
      ['-p', 'tsconfig.load-only.json', '--module', 'esnext', '--moduleResolution', 'bundler'],
    ],
  ]) {
    try {
      run(tsc, args, { cwd: app })
      console.log(`✓ ${title}`)
    } catch {
      fail(`tsc (${title})`)
    }
  }

  step('run a script against the simulator, and require() every package')
  try {
    run('node', [join('out', 'smoke.js')], { cwd: app })
  } catch {
    fail('the smoke script against the simulator')
  }
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major > 20 || (major === 20 && minor >= 19)) {
    try {
      run('node', ['require.cjs'], { cwd: app })
    } catch {
      fail('require() from CommonJS')
    }
  } else console.log(`require() skipped: Node ${process.versions.node} < 20.19 cannot require() ES modules`)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
} finally {
  rmSync(work, { recursive: true, force: true })
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) with the packages:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
console.log('\n✓ the packages are clean: packed, linted, installed, type-checked, run and require()d')
