// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g

/**
 * Makes vendor text safe to print on a terminal: control characters (escape sequences, line breaks, tabs) become a
 * single space, so a hostile payload cannot move the cursor, recolour the screen or break a table row.
 *
 * @example
 * import { terminalSafe } from '@rcs-records/cli'
 * terminalSafe('ok\u001b[2Jgone') // 'ok [2Jgone'
 */
export const terminalSafe = (text: string): string => text.replace(CONTROL, ' ')
