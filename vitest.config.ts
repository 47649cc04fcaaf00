import { defineConfig } from 'vitest/config'

const packages = ['core', 'partner-gateway', 'bsg', 'spacivox', 'testkit', 'simulator', 'store', 'cli'] as const

/**
 * One vitest project per package (and one for the examples). Workspace packages resolve to their TypeScript
 * sources through the `source` export condition, so tests never run against a stale build.
 */
export default defineConfig({
  test: {
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ['test/**/*.test.ts'],
          setupFiles: ['../../vitest.setup.ts'],
          // The store's tests start PGlite (an initdb in WebAssembly: seconds on a loaded machine) and child processes.
          ...(name === 'store' ? { testTimeout: 300_000, hookTimeout: 300_000 } : {}),
        },
      })),
      ...(['bench', 'reliability', 'integration'] as const).map((name) => ({
        extends: true as const,
        test: { name, root: name, include: ['test/**/*.test.ts'], setupFiles: ['../vitest.setup.ts'] },
      })),
      {
        extends: true as const,
        test: {
          name: 'examples',
          root: 'examples',
          include: ['*/test/**/*.test.ts'],
          setupFiles: ['../vitest.setup.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
  resolve: { conditions: ['source', 'import', 'module', 'default'] },
  // vitest hands ssr.resolve.conditions to Node as --conditions flags: an `import` condition there would make a
  // CommonJS require() of a dual package (pg requires pg-pool) load its ES module build and break.
  ssr: { resolve: { conditions: ['source', 'module', 'default'], externalConditions: ['source'] } },
})
