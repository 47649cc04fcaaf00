import { credentialParts, looksLikeCredentialName, type SecretSet } from '../errors/secrets.js'

/**
 * Keeps the credentials a request carries among the recent secrets of its client, so that no error, hook event or
 * log line can show them even when an adapter forgot to register them: values of credential headers
 * (`Authorization`, `X-Api-Key`, cookies…), of query parameters named like credentials, and of top-level JSON body
 * fields named like credentials (a login's `api_key`). Cheap: a name test per header/parameter, and secrets the
 * set already holds are skipped. Nothing of a response is ever registered because of its name.
 */
export const rememberRequestSecrets = (
  secrets: SecretSet,
  headers: Record<string, string> | undefined,
  params: URLSearchParams | undefined,
  json: unknown,
): void => {
  if (headers !== undefined) {
    for (const name in headers) {
      const value = headers[name]
      if (typeof value !== 'string' || !looksLikeCredentialName(name) || secrets.has(value)) continue
      for (const part of credentialParts(value)) if (!secrets.has(part)) secrets.remember(part)
    }
  }
  if (params !== undefined) {
    for (const [name, value] of params)
      if (looksLikeCredentialName(name) && !secrets.has(value)) secrets.remember(value)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return
  const record = json as Record<string, unknown>
  for (const name in record) {
    const value = record[name]
    if (typeof value === 'string' && looksLikeCredentialName(name) && !secrets.has(value)) secrets.remember(value)
  }
}

/**
 * Keeps the values of the query parameters named like credentials in `search` (a URL's `search`, `?a=1&b=2` or
 * empty) — the same values `URLSearchParams` gives — among the recent secrets. Only a parameter whose name looks
 * like a credential (or needs decoding to tell) is parsed, so a long query of ids costs a scan for `&` and `=`.
 */
export const rememberQuerySecrets = (secrets: SecretSet, search: string): void => {
  let start = search.startsWith('?') ? 1 : 0
  while (start < search.length) {
    let end = search.indexOf('&', start)
    if (end < 0) end = search.length
    let nameEnd = search.indexOf('=', start)
    if (nameEnd < 0 || nameEnd > end) nameEnd = end
    const name = search.slice(start, nameEnd)
    if (ENCODED.test(name) || looksLikeCredentialName(name)) {
      rememberRequestSecrets(secrets, undefined, new URLSearchParams(search.slice(start, end)), undefined)
    }
    start = end + 1
  }
}

/** A raw parameter name that decodes to something else (`%xx` or `+`): tested after `URLSearchParams` decodes it. */
const ENCODED = /[%+]/
