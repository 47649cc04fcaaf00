/**
 * Library advice rewritten as command-line advice: core and the adapters speak to programmers (`pass { from }`,
 * `use list()`, `set http.allowInsecureHttp`); a person at a terminal needs the flag that does it.
 */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/pass \{ from \}/g, 'pass --from'],
  [/pass \{ channel \}/g, 'pass --channel'],
  [/use list\(\{ from, to \}\)/g, 'use rcs-records list --from … --to …'],
  [/use list\(\)/g, 'use rcs-records list --from … --to …'],
  [/filter by `reference`/g, 'filter with --reference'],
  [/look records up by id with get\(\)\/getMany\(\)/g, 'look records up by id with rcs-records get / get-many'],
  [/set http\.allowInsecureHttp: true/g, 'pass --allow-insecure-http'],
  [/\(http\.maxBodyBytes\)/g, '(http.maxBodyBytes in the config file)'],
  [/modifiedSince is not supported/g, '--modified-since is not supported'],
  [/\(use from\/to\)/g, '(use --from/--to)'],
  [/raise maxPages/g, 'raise maxPages in the config file'],
]

/**
 * Rewrites the library's advice in an error message into the CLI's flags.
 */
export const forCommandLine = (message: string): string =>
  REWRITES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message)
