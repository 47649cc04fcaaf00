/**
 * Migration 2 (issue 20): what receiving webhooks needs besides the records.
 *
 * - `rcs_aliases`: a vendor's other id of a message → the id its record is kept under (partner-gateway: the
 *   `messageId` of its callbacks → the `customerMessageId` its status API is keyed by). `id` is null while only
 *   observations keyed by the alias itself have been seen; `unjoined` says a record may be stored under the alias,
 *   to be folded into `id`'s record when that is learned (see `aliases.ts`). The row is also the lock that orders
 *   everyone who reads or writes that alias.
 * - `rcs_dead_letters`: callback bodies the handler refused as malformed, kept for inspection: the first bytes of the
 *   body (with the webhook secret removed), its full size, the content type and why it was refused — never a
 *   header, never the URL (which may carry `?token=`).
 */
export const WEBHOOK_MIGRATION = {
  version: 2,
  name: 'webhook aliases, dead letters',
  statements: [
    `CREATE TABLE rcs_aliases (
      provider text NOT NULL,
      alias text NOT NULL,
      id text,
      unjoined boolean NOT NULL DEFAULT false,
      learned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider, alias))`,
    'CREATE INDEX rcs_aliases_target ON rcs_aliases (provider, id) WHERE id IS NOT NULL',
    `CREATE TABLE rcs_dead_letters (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      received_at timestamptz NOT NULL DEFAULT now(),
      provider text NOT NULL,
      content_type text,
      reason text NOT NULL,
      body bytea NOT NULL,
      body_bytes bigint NOT NULL,
      truncated boolean NOT NULL)`,
  ],
} as const
