import type { DeliveryStatus } from '@rcs-records/core'
import pc from 'picocolors'

/**
 * The few styles the CLI uses; identity functions when colour is off.
 */
export interface Palette {
  enabled: boolean
  bold(text: string): string
  dim(text: string): string
  status(status: DeliveryStatus, text?: string): string
}

/**
 * Whether to colour a stream: only a terminal, never with `NO_COLOR` set (any value, see no-color.org) or
 * `--no-color`; `FORCE_COLOR` (non-empty, not `0`) turns it on even when piped.
 */
export const shouldColor = (target: {
  isTty: boolean
  env: Readonly<Record<string, string | undefined>>
  flag: boolean
}): boolean => {
  if (!target.flag) return false
  if (target.env.NO_COLOR !== undefined && target.env.NO_COLOR !== '') return false
  const force = target.env.FORCE_COLOR
  if (force !== undefined && force !== '' && force !== '0') return true
  return target.isTty
}

const STATUS_STYLE: Readonly<
  Record<DeliveryStatus, keyof Pick<typeof pc, 'green' | 'red' | 'yellow' | 'cyan' | 'gray'>>
> = {
  pending: 'yellow',
  sent: 'cyan',
  delivered: 'green',
  read: 'green',
  rejected: 'red',
  undeliverable: 'red',
  expired: 'red',
  canceled: 'red',
  unknown: 'gray',
}

/**
 * A palette, coloured or plain.
 */
export const createPalette = (enabled: boolean): Palette => {
  const colors = pc.createColors(enabled)
  return {
    enabled,
    bold: colors.bold,
    dim: colors.dim,
    status: (status, text = status) => colors[STATUS_STYLE[status]](text),
  }
}
