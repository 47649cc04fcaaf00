import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'esbuild'

const benchRoot = dirname(dirname(fileURLToPath(import.meta.url)))

/** The adapters measured, by package name. */
export const ADAPTER_PACKAGES = ['@rcs-records/partner-gateway', '@rcs-records/bsg', '@rcs-records/spacivox'] as const

/** An esbuild bundle: its code and the files that put code in it (paths relative to `bench/`). */
interface Bundle {
  code: Uint8Array
  inputs: string[]
}

/**
 * What a bundle may leave out, to show what phone numbers cost: `phone metadata` swaps core's numbering plans
 * (`phone-metadata.js`, generated from libphonenumber-js's) for an empty set, `phone library` swaps out
 * libphonenumber-js too (its code and the metadata). Such a bundle does not work; it is only measured.
 */
export type Without = 'phone metadata' | 'phone library'

const STUBS: Readonly<Record<Without, { filter: RegExp; contents: string }[]>> = {
  'phone metadata': [{ filter: /\/phone-metadata\.js$/, contents: 'export const PHONE_METADATA = {}' }],
  'phone library': [
    { filter: /\/phone-metadata\.js$/, contents: 'export const PHONE_METADATA = {}' },
    {
      filter: /^libphonenumber-js(\/|$)/,
      contents:
        'export const isSupportedCountry = () => false; export class Metadata {}; export const parsePhoneNumberFromString = () => undefined',
    },
  ],
}

/** An esbuild plugin that loads each module matching a stub's filter as the stub's contents. */
const stubPlugin = (without: Without): Plugin => ({
  name: `without ${without}`,
  setup(pluginBuild) {
    for (const [index, stub] of STUBS[without].entries()) {
      pluginBuild.onResolve({ filter: stub.filter }, (args) => ({ path: `${index}:${args.path}`, namespace: 'stub' }))
    }
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents: STUBS[without][Number(args.path.split(':')[0])]?.contents ?? '',
      loader: 'js',
    }))
  },
})

const bundle = async (contents: string, without?: Without): Promise<Bundle> => {
  const result = await build({
    stdin: { contents, resolveDir: benchRoot, loader: 'js' },
    plugins: without === undefined ? [] : [stubPlugin(without)],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const output = Object.values(result.metafile.outputs)[0]
  return {
    code: result.outputFiles[0]?.contents ?? new Uint8Array(),
    inputs: Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file),
  }
}

const sizes = ({ code }: Bundle): { minified: number; gzipped: number } => ({
  minified: code.byteLength,
  gzipped: gzipSync(code, { level: 9 }).byteLength,
})

const appEntry = (adapterPackage: string): string =>
  [
    `import { createClient } from '@rcs-records/core'`,
    `import { adapter } from '${adapterPackage}'`,
    'export const client = (config) => createClient({ adapter, config })',
    '',
  ].join('\n')

/**
 * Minified + gzipped size of core plus one adapter, bundled by esbuild for the browser-neutral platform with every
 * dependency inlined (ky, io-ts, the fp-ts modules used). The entry re-exports both packages' whole public surface,
 * so this is an upper bound: an application that imports a few names tree-shakes to less (see {@link appBundleSize}).
 *
 * @example
 * const bytes = await bundleSize('@rcs-records/bsg') // { minified: 61234, gzipped: 19876 }
 */
export const bundleSize = async (adapterPackage: string): Promise<{ minified: number; gzipped: number }> =>
  sizes(await bundle(`export * from '@rcs-records/core'\nexport * from '${adapterPackage}'\n`))

/**
 * Minified + gzipped size of a typical application entry — `createClient` from core and the adapter definition —
 * bundled and tree-shaken like {@link bundleSize}: what an application that reads records actually ships; with
 * `without`, the same bundle less the phone-number metadata or library (see {@link Without}).
 *
 * @example
 * const bytes = await appBundleSize('@rcs-records/bsg') // { minified: 51234, gzipped: 17876 }
 * const rest = await appBundleSize('@rcs-records/bsg', 'phone metadata')
 */
export const appBundleSize = async (
  adapterPackage: string,
  without?: Without,
): Promise<{ minified: number; gzipped: number }> => sizes(await appBundle(adapterPackage, without))

/**
 * The bundle {@link appBundleSize} measures, with the files that put code in it: for checking what an application
 * ships (and what tree-shaking leaves out).
 *
 * @example
 * const { code, inputs } = await appBundle('@rcs-records/bsg')
 * inputs.some((file) => file.endsWith('/model/record.js')) // false
 */
export const appBundle = (adapterPackage: string, without?: Without): Promise<Bundle> =>
  bundle(appEntry(adapterPackage), without)

const timeNode = (script: string, cwd: string): number => {
  const started = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: 'ignore' })
  if (child.status !== 0) throw new Error(`import benchmark failed: ${script}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/**
 * Cold import time of an adapter (with core and its dependencies) in a fresh Node process, minus the time of a
 * fresh Node process that imports nothing — both measured here, median of `runs`.
 *
 * @example
 * const ms = coldImportMs('@rcs-records/bsg', 5)
 */
export const coldImportMs = (adapterPackage: string, runs: number): { importMs: number; baselineMs: number } => {
  const dir = mkdtempSync(join(tmpdir(), 'rcs-import-'))
  try {
    writeFileSync(join(dir, 'noop.mjs'), '')
    const baseline: number[] = []
    const measured: number[] = []
    for (let i = 0; i < runs; i++) {
      baseline.push(timeNode(`await import(${JSON.stringify(join(dir, 'noop.mjs'))})`, benchRoot))
      measured.push(timeNode(`await import('${adapterPackage}')`, benchRoot))
    }
    const baselineMs = median(baseline)
    return { importMs: Math.max(0, median(measured) - baselineMs), baselineMs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
