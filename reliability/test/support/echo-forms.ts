/**
 * Every form in which a vendor may echo a credential it was sent, by name: as is; JSON-escaped (JavaScript's, PHP's
 * `\/` and `\u00e4`, and twice); percent-encoded with upper- and lower-case hex digits, `%20` or `+` for a space;
 * HTML-escaped; base64 of the secret alone, of `user:secret` (a Basic header) and of longer texts holding it at
 * either of the other two byte offsets; base64url.
 */
export const echoForms = (secret: string, user = 'canary-user'): Record<string, string> => {
  const json = JSON.stringify(secret).slice(1, -1)
  const upper = encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const form = new URLSearchParams({ v: secret }).toString().slice(2)
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  return {
    raw: secret,
    json,
    'json twice': JSON.stringify(json).slice(1, -1),
    'json, PHP': json
      .replace(/\//g, '\\/')
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'percent, upper hex': upper,
    'percent, lower hex': upper.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    'form, +': form,
    'form, lower hex': form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    html: secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    base64: base64(secret),
    'base64 of user:secret': base64(`${user}:${secret}`),
    'base64, offset 1': base64(`{${secret}}`),
    'base64, offset 2': base64(`x=${secret}`),
    base64url: Buffer.from(secret, 'utf8').toString('base64url'),
  }
}
