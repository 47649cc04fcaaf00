/**
 * The config types as a consumer sees them: the files in config-types/ are compiled with the TypeScript compiler
 * (strict, `module: nodenext`) against the workspace packages. Each line after a `// @ts-expect-error` must fail to
 * compile and every other line must compile: wrong keys and wrong types of each built-in adapter's config, through
 * `createClient` and through `loadClient`.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'config-types')
const MARKER = /\/\/ @ts-expect-error\b.*$/

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // The workspace packages' sources, so the test never reads a stale build (the tarball check reads dist/).
  customConditions: ['source'],
}

/** The 1-based line numbers that follow a marker. */
const expectedLines = (text: string): number[] =>
  text.split('\n').flatMap((line, index) => (MARKER.test(line) ? [index + 2] : []))

/** The packages' and libraries' files, parsed once for every compilation here. */
const parsed = new Map<string, ts.SourceFile | undefined>()

/** Diagnostics in `file` as `line: message`, compiled as is or with every marker blanked out. */
const diagnose = (file: string, withMarkers: boolean): string[] => {
  const host = ts.createCompilerHost(OPTIONS)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, onError) => {
    if (name === file) {
      const text = readFileSync(file, 'utf8')
      const content = withMarkers
        ? text
        : text
            .split('\n')
            .map((line) => line.replace(MARKER, '// (expected to fail)'))
            .join('\n')
      return ts.createSourceFile(name, content, language)
    }
    if (!parsed.has(name)) parsed.set(name, getSourceFile(name, language, onError))
    return parsed.get(name)
  }
  const program = ts.createProgram([file], OPTIONS, host)
  const source = program.getSourceFile(file)
  if (source === undefined) throw new Error(`not compiled: ${file}`)
  // Only this file's diagnostics are computed (the packages' own sources are type-checked by `pnpm typecheck`).
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const line =
      diagnostic.file === undefined || diagnostic.start === undefined
        ? 0
        : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
    return `${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })
}

const lineOf = (diagnostic: string): number => Number(diagnostic.slice(0, diagnostic.indexOf(':')))

describe.each([
  ['create-client.ts', 15],
  ['load-client.ts', 8],
])('%s', (name, markers) => {
  const file = join(HERE, name)
  const expected = expectedLines(readFileSync(file, 'utf8'))

  it('has every expected failure marked (none lost in an edit)', () => {
    expect(expected).toHaveLength(markers)
  })

  it('compiles: every marked line is an error, every other line is not', () => {
    // An unused @ts-expect-error is itself reported (TS2578), so no diagnostic means both halves hold.
    expect(diagnose(file, true)).toEqual([])
  }, 120_000)

  it('without the markers, exactly the marked lines fail', () => {
    const failing = new Set(diagnose(file, false).map(lineOf))
    expect([...failing].sort((a, b) => a - b)).toEqual(expected)
  }, 120_000)
})
