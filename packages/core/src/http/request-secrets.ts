import { looksLikeCredentialName, registerCredentialValue, registerSecret } from '../errors/secrets.js'

/**
 * Registers the credentials a request carries so that no error, hook event or log line can show them, even when an
 * adapter forgot to register them: values of credential headers (`Authorization`, `X-Api-Key`, cookies…), of query
 * parameters named like credentials, and of top-level JSON body fields named like credentials (a login's
 * `api_key`). Cheap: a name test per header/parameter, and secrets already known are skipped.
 */
export const registerRequestSecrets = (
  headers: Record<string, string> | undefined,
  params: URLSearchParams | undefined,
  json: unknown,
): void => {
  if (headers !== undefined) {
    for (const name in headers) {
      const value = headers[name]
      if (typeof value === 'string' && looksLikeCredentialName(name)) registerCredentialValue(value)
    }
  }
  if (params !== undefined) for (const [name, value] of params) if (looksLikeCredentialName(name)) registerSecret(value)
  registerCredentialFields(json)
}

/**
 * Registers the values of the query parameters named like credentials in `search` (a URL's `search`, `?a=1&b=2` or
 * empty) — the same values `URLSearchParams` gives. Only a parameter whose name looks like a credential (or needs
 * decoding to tell) is parsed, so a long query of ids costs a scan for `&` and `=`, not a full parse.
 *
 * @example
 * import { registerQuerySecrets } from './request-secrets.js'
 * registerQuerySecrets('?ids=a,b&api_key=k3y-123456') // registers 'k3y-123456'
 */
export const registerQuerySecrets = (search: string): void => {
  let start = search.startsWith('?') ? 1 : 0
  while (start < search.length) {
    let end = search.indexOf('&', start)
    if (end < 0) end = search.length
    let nameEnd = search.indexOf('=', start)
    if (nameEnd < 0 || nameEnd > end) nameEnd = end
    const name = search.slice(start, nameEnd)
    if (ENCODED.test(name) || looksLikeCredentialName(name)) {
      registerRequestSecrets(undefined, new URLSearchParams(search.slice(start, end)), undefined)
    }
    start = end + 1
  }
}

/** A raw parameter name that decodes to something else (`%xx` or `+`): tested after `URLSearchParams` decodes it. */
const ENCODED = /[%+]/

/**
 * Registers top-level string fields named like credentials in a JSON object: a login request's `api_key` or
 * `password`, a login response's `token` or `bearer`.
 */
export const registerCredentialFields = (json: unknown): void => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return
  const record = json as Record<string, unknown>
  for (const name in record) {
    const value = record[name]
    if (typeof value === 'string' && looksLikeCredentialName(name)) registerSecret(value)
  }
}
