/**
 * The shortest credential the library accepts and redacts. A shorter value cannot be kept out of text without
 * destroying ordinary words and numbers (`admin`, `1234`), and no vendor issues one: `createClient` refuses a
 * configured secret this short with a `config` error, and no secret set holds one.
 *
 * @example
 * import { MIN_SECRET_LENGTH } from '@rcs-records/core/kit'
 * 'live_8f3a'.length >= MIN_SECRET_LENGTH // true
 */
export const MIN_SECRET_LENGTH = 6

const utf8 = new TextEncoder()

const binaryOf = (bytes: Uint8Array): string => {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return binary
}

const urlSafe = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_')

/**
 * Base64 of `secret` wherever it may sit in a longer encoded text (`user:password` in a Basic header, a JSON
 * document, a signed blob): the secret's bytes can start at any of the three positions of a 3-byte group, and for
 * each the characters that encode only the secret's bits are the same whatever surrounds it. Also the whole
 * base64 of the secret alone (unpadded: it matches the padded form too).
 */
const base64Forms = (secret: string): string[] => {
  const bytes = utf8.encode(secret)
  const forms = [btoa(binaryOf(bytes)).replace(/=+$/, '')]
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length)
    shifted.set(bytes, offset)
    const encoded = btoa(binaryOf(shifted))
    forms.push(encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)))
  }
  return [...forms, ...forms.map(urlSafe)]
}

/** JSON string escaping as JavaScript writes it (without the quotes). */
const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1)

const hex4 = (code: number, upper: boolean): string => {
  const hex = code.toString(16).padStart(4, '0')
  return upper ? hex.toUpperCase() : hex
}

/**
 * The ways JSON encoders escape `text`: JavaScript's; PHP's (`\/`, non-ASCII as `\uxxxx`); Python's (non-ASCII as
 * `\uxxxx`); Go's (`<`, `>`, `&` as `\u003c`…) — with either case of hex digits — and JavaScript's applied twice (a
 * JSON document quoted inside another).
 */
const jsonForms = (text: string): string[] => {
  const plain = jsonEscape(text)
  const forms = [plain, jsonEscape(plain)]
  for (const slash of [false, true]) {
    for (const markup of [false, true]) {
      for (const ascii of [null, false, true]) {
        let form = slash ? plain.replace(/\//g, '\\/') : plain
        if (markup) form = form.replace(/[<>&]/g, (c) => `\\u${hex4(c.charCodeAt(0), false)}`)
        if (ascii !== null) form = form.replace(/[^\x20-\x7e]/g, (c) => `\\u${hex4(c.charCodeAt(0), ascii)}`)
        forms.push(form)
        if (ascii === true || markup)
          forms.push(form.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => `\\u${h.toUpperCase()}`))
      }
    }
  }
  return forms
}

/** Characters left as they are by `encodeURIComponent`, by form encoding (`URLSearchParams`), and by RFC 3986. */
const UNESCAPED = [/[A-Za-z0-9\-_.!~*'()]/, /[A-Za-z0-9*\-._]/, /[A-Za-z0-9\-._~]/].map((keep) =>
  Array.from({ length: 128 }, (_, code) => keep.test(String.fromCharCode(code))),
)

const HEX_UPPER = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)
const HEX_LOWER = HEX_UPPER.map((upper) => upper.toLowerCase())

/** Percent-encodings of `text` (UTF-8): three sets of unescaped characters × space as `%20` or `+` × hex case. */
const percentForms = (text: string): string[] => {
  const bytes = utf8.encode(text)
  const forms = new Set<string>()
  for (const keep of UNESCAPED) {
    // Whether this set escapes anything at all in `text` (a plain token is its own only form).
    let escapes = false
    let spaces = false
    for (const byte of bytes) {
      if (byte >= 0x80 || !keep[byte]) escapes = true
      if (byte === 0x20) spaces = true
    }
    if (!escapes) {
      forms.add(text)
      continue
    }
    for (const plus of spaces ? [false, true] : [false]) {
      for (const hex of [HEX_UPPER, HEX_LOWER]) {
        let form = ''
        for (const byte of bytes) {
          if (byte < 0x80 && keep[byte]) form += String.fromCharCode(byte)
          else if (plus && byte === 0x20) form += '+'
          else form += hex[byte]
        }
        forms.add(form)
      }
    }
  }
  return [...forms]
}

/** HTML escaping of `text` (an HTML error page of a proxy echoing a header), named and numeric. */
const htmlForms = (text: string): string[] => {
  const named = text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '&#39;',
  )
  const numeric = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return [named, numeric, named.replace(/&#39;/g, '&#x27;')]
}

/**
 * Every form in which a vendor may echo `secret`: as is; JSON-escaped (the encoders above, and twice); percent-encoded
 * (either case of hex digits, `%20` or `+` for a space); HTML-escaped; base64 and base64url of the secret alone and
 * inside a longer encoded text (any offset), and those percent-encoded or with `\/`. Forms shorter than
 * {@link MIN_SECRET_LENGTH} are left out (none for a secret of at least that length). Unique, longest first.
 */
export const formsOfSecret = (secret: string): string[] => {
  const encoded = base64Forms(secret)
  const forms = new Set<string>([
    secret,
    ...jsonForms(secret),
    ...percentForms(secret),
    ...htmlForms(secret),
    ...encoded,
    ...encoded.flatMap((form) => [...percentForms(form), form.replace(/\//g, '\\/')]),
  ])
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}
