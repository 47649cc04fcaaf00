// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g

/**
 * The one sanitiser of vendor text on its way to a terminal (error lines, warnings, table cells, watch lines, and
 * csv/json on a terminal). Makes vendor text safe to print on a terminal: control characters (escape sequences, line breaks, tabs) become a
 * single space, so a hostile payload cannot move the cursor, recolour the screen or break a table row.
 */
export const terminalSafe = (text: string): string => text.replace(CONTROL, ' ')

const C1_AND_DEL = /[\u007f-\u009f]/g

/**
 * Makes a line of JSON safe for a terminal without changing what it means: `JSON.stringify` escapes C0 controls
 * but writes DEL and the C1 controls (U+0080–U+009F, e.g. U+009B, a one-character CSI) as they are; here they
 * become `\u00XX` escapes, which parse back to the same string.
 */
export const terminalSafeJson = (json: string): string =>
  json.replace(C1_AND_DEL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
