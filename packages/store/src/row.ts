import type { Channel, DeliveryStatus, RcsRecord, ReasonCode } from '@rcs-records/core'
import { jsonProblem, jsonText } from './stored-json.js'

/**
 * How a record maps to the columns of `rcs_records` (and of each `rcs_changes` entry): one column per canonical
 * field, `reason` and `cost` spread over columns, timestamps as `timestamptz`, `cost.amount` as `numeric`, `extra`
 * and `raw` as `jsonb` (or their JSON text when `jsonb` cannot hold them exactly, see `stored-json.ts`).
 */

/** The record columns, in table order, with the type each has in the JSON batch `json_to_recordset` reads. */
export const RECORD_COLUMNS = [
  ['provider', 'text'],
  ['id', 'text'],
  ['reference', 'text'],
  ['channel', 'text'],
  ['recipient', 'text'],
  ['sender', 'text'],
  ['campaign', 'text'],
  ['status', 'text'],
  ['final', 'boolean'],
  ['reason_code', 'text'],
  ['reason_permanent', 'boolean'],
  ['reason_vendor_code', 'text'],
  ['reason_message', 'text'],
  ['vendor_status', 'text'],
  ['vendor_status_number', 'boolean'],
  ['vendor_description', 'text'],
  ['created_at', 'bigint'],
  ['sent_at', 'bigint'],
  ['delivered_at', 'bigint'],
  ['read_at', 'bigint'],
  ['updated_at', 'bigint'],
  ['cost_amount', 'numeric'],
  ['cost_amount_text', 'text'],
  ['cost_currency', 'text'],
  ['fallback_channel', 'text'],
  ['fallback_ids', 'text[]'],
  ['fallback_parts', 'double precision'],
  ['extra', 'jsonb'],
  ['extra_text', 'text'],
  ['raw', 'jsonb'],
  ['raw_text', 'text'],
] as const

type ColumnName = (typeof RECORD_COLUMNS)[number][0]

const TIMESTAMP_COLUMNS = new Set<string>(['created_at', 'sent_at', 'delivered_at', 'read_at', 'updated_at'])

/** `a, b, c` — the record columns. */
export const COLUMN_LIST = RECORD_COLUMNS.map(([name]) => name).join(', ')

/** The column definitions of `json_to_recordset(...) AS r(<this>)`. */
export const RECORDSET_TYPES = RECORD_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')

/** The values to insert from a recordset aliased `r`: timestamps come as epoch milliseconds. */
export const RECORDSET_VALUES = RECORD_COLUMNS.map(([name]) =>
  TIMESTAMP_COLUMNS.has(name) ? `rcs_ms_to_ts(r.${name})` : `r.${name}`,
).join(', ')

/** The select list that {@link decodeRow} reads, from a table aliased `t`. */
export const SELECT_COLUMNS = RECORD_COLUMNS.map(([name]) =>
  TIMESTAMP_COLUMNS.has(name)
    ? `rcs_ts_to_ms(t.${name}) AS ${name}`
    : name === 'cost_amount'
      ? 't.cost_amount::text AS cost_amount'
      : name === 'fallback_parts'
        ? 't.fallback_parts::text AS fallback_parts'
        : `t.${name}`,
).join(', ')

/** One row of the JSON batch: column name → value. */
export type EncodedRow = Record<ColumnName, unknown>

/** A number as text that reads back to the same number (`-0`, NaN and Infinity included). */
const numberText = (value: number): string => (Object.is(value, -0) ? '-0' : String(value))

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso))

/** The text PostgreSQL's `numeric` gives back for a decimal string: no leading zeros, no sign on zero. */
export const numericText = (amount: string): string => {
  const negative = amount.startsWith('-')
  const unsigned = negative ? amount.slice(1) : amount
  const dot = unsigned.indexOf('.')
  const whole = (dot < 0 ? unsigned : unsigned.slice(0, dot)).replace(/^0+(?=\d)/, '')
  const fraction = dot < 0 ? '' : unsigned.slice(dot)
  const zero = /^[0.]*$/.test(whole + fraction)
  return `${negative && !zero ? '-' : ''}${whole}${fraction}`
}

/**
 * `jsonb` when it holds the value exactly, otherwise its JSON text. No value at all (`raw: undefined`) is the empty
 * text, which no JSON value is: a JSON `null` and a missing raw read back as what they were.
 */
const jsonColumns = (value: unknown): [unknown, string | null] => {
  if (value === undefined) return [null, '']
  return jsonProblem(value) === null ? [value, null] : [null, jsonText(value)]
}

/**
 * A record as one row of a JSON batch (for `json_to_recordset`). Only for records the store validated.
 */
export const encodeRow = (record: RcsRecord): EncodedRow => {
  const [extra, extraText] = jsonColumns(record.extra)
  const [raw, rawText] = jsonColumns(record.raw)
  const amount = record.cost?.amount ?? null
  const vendorStatus = record.vendorStatus
  return {
    provider: record.provider,
    id: record.id,
    reference: record.reference,
    channel: record.channel,
    recipient: record.recipient,
    sender: record.sender,
    campaign: record.campaign,
    status: record.status,
    final: record.final,
    reason_code: record.reason?.code ?? null,
    reason_permanent: record.reason?.permanent ?? null,
    reason_vendor_code: record.reason?.vendorCode ?? null,
    reason_message: record.reason?.message ?? null,
    vendor_status: typeof vendorStatus === 'number' ? numberText(vendorStatus) : vendorStatus,
    vendor_status_number: typeof vendorStatus === 'number',
    vendor_description: record.vendorDescription,
    created_at: ms(record.createdAt),
    sent_at: ms(record.sentAt),
    delivered_at: ms(record.deliveredAt),
    read_at: ms(record.readAt),
    updated_at: ms(record.updatedAt),
    cost_amount: amount,
    cost_amount_text: amount !== null && numericText(amount) !== amount ? amount : null,
    cost_currency: record.cost?.currency ?? null,
    fallback_channel: record.fallback?.channel ?? null,
    fallback_ids: record.fallback?.ids ?? null,
    fallback_parts:
      record.fallback === null || record.fallback.parts === null ? null : numberText(record.fallback.parts),
    extra,
    extra_text: extraText,
    raw,
    raw_text: rawText,
  }
}

const iso = (value: unknown): string | null => (value === null ? null : new Date(Number(value)).toISOString())

/**
 * The record a row of `SELECT {@link SELECT_COLUMNS}` holds, exactly as it was stored.
 */
export const decodeRow = (row: Record<string, unknown>): RcsRecord => {
  const status = row.status as DeliveryStatus
  const vendorStatus = row.vendor_status as string
  return {
    provider: row.provider as string,
    id: row.id as string,
    reference: row.reference as string | null,
    channel: row.channel as Channel,
    recipient: row.recipient as string | null,
    sender: row.sender as string | null,
    campaign: row.campaign as string | null,
    status,
    final: row.final as boolean,
    reason:
      row.reason_code === null
        ? null
        : {
            code: row.reason_code as ReasonCode,
            permanent: row.reason_permanent as boolean | null,
            vendorCode: row.reason_vendor_code as string | null,
            message: row.reason_message as string | null,
          },
    vendorStatus: row.vendor_status_number === true ? Number(vendorStatus) : vendorStatus,
    vendorDescription: row.vendor_description as string | null,
    createdAt: iso(row.created_at),
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    readAt: iso(row.read_at),
    updatedAt: iso(row.updated_at),
    cost:
      row.cost_amount === null
        ? null
        : {
            amount: (row.cost_amount_text as string | null) ?? (row.cost_amount as string),
            currency: row.cost_currency as string,
          },
    fallback:
      row.fallback_channel === null
        ? null
        : {
            channel: row.fallback_channel as Channel,
            ids: row.fallback_ids as string[],
            parts: row.fallback_parts === null ? null : Number(row.fallback_parts),
          },
    extra: (row.extra_text === null ? row.extra : JSON.parse(row.extra_text as string)) as Record<string, unknown>,
    raw: row.raw_text === null ? row.raw : row.raw_text === '' ? undefined : JSON.parse(row.raw_text as string),
  }
}
