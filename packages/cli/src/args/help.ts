const GENERAL = `rcs-records — read RCS delivery records from partner-gateway, BSG and spacivox, normalised into one model.

Usage: rcs-records <command> [options]

Commands
  get <id>                     one message's record
  get-many <ids…|->            many messages (ids as arguments, or one per line on stdin with -)
  list --from T [--to T]       every record of a time window, streamed
  watch <ids…>                 poll until every message is final, printing each change
  report --from T [--to T]     delivery funnel per provider and per campaign, with bar charts
  sync [--from T] [--follow]   keep a store current: the window into it, resumable, then what is not final yet
  query [filters]              the records of a store, streamed (report --store: the funnel from the store)
  simulate                     run the local simulator of the three vendor APIs and print its configs
  demo                         no credentials needed: simulator + real adapters + embedded store + funnel
  serve --store URL            receive delivery callbacks (webhooks) into a store

Config (precedence: flags > --config file > environment > adapter defaults)
  -p, --provider NAME          partner-gateway | bsg | spacivox | a package name; list/report/sync: a,b or all
  -c, --config FILE            JSON: {"provider":"bsg","apiKey":"…"} or {"bsg":{…},"spacivox":{…}}
      --base-url URL           the provider's base URL
  environment                  RCS_PROVIDER, RCS_BSG_API_KEY, RCS_PG_API_KEY, RCS_PG_USERNAME, RCS_PG_PASSWORD,
                               RCS_SPACIVOX_TOKEN, RCS_BSG_BASE_URL, RCS_PG_BASE_URL, RCS_SPACIVOX_BASE_URL

HTTP (also an "http" object in the config file: {"timeoutMs":10000,"retry":{"limit":2},"concurrency":4})
      --timeout D              per request attempt, e.g. 10s (watch: how long to watch; use --request-timeout)
      --request-timeout D      per request attempt, on every command
      --retries N              retries after a failed attempt (default 4); each is announced on stderr
      --concurrency N          requests in flight per provider (default 8)
      --allow-insecure-http    allow plain http:// to a host other than loopback

Output
  -f, --format FMT             table | json | ndjson | csv (default: table on a terminal, ndjson when piped;
                               with --out, from the file's extension)
  -o, --out FILE               write to FILE instead of stdout
      --raw                    keep each record's vendor payload (json, ndjson)
      --no-color               plain output (also NO_COLOR=1; colour is never used when piped)
      --no-progress            no progress line on stderr (it is only drawn when stderr is a terminal)
  -v, --verbose                library info and debug messages on stderr

Store (sync, query, report --store)
      --store DIR|URL          a PGlite directory (default ./rcs-records-data, created if missing; one process at a
                               time), pglite:DIR, memory://, or postgres://user@host/db (also RCS_STORE; put a
                               password there or in PGPASSWORD, not in a flag)

Times: 2026-01-31T12:00:00Z, 2026-01-31T14:00:00+02:00, 2026-01-31 (midnight UTC), now, now-2h, now-7d.
Durations: 500ms, 5s, 2m, 1h, 1d (a bare number is seconds).

Exit codes: 0 ok · 1 internal error · 2 usage (or a query the vendor refused) · 3 config (or credentials refused)
            4 not found · 5 vendor or network error · 6 watch timed out · 130 interrupted (Ctrl-C)

Run "rcs-records help <command>" for a command's options.`

const COMMANDS: Readonly<Record<string, string>> = {
  get: `Usage: rcs-records get <id> [--channel rcs|sms|…] [--from T] [config and output options]

One message's record. --channel scopes the lookup (partner-gateway needs the send channel; default rcs),
--from is how far back the lookup searches. The table format shows every field. Not found: exit 4.`,
  'get-many': `Usage: rcs-records get-many <ids…|-> [--channel …] [--from T] [config and output options]

Records of many messages. With "-", ids are read from stdin (whitespace, comma or newline separated; # starts a
comment). Found records are written; unknown ids are listed on stderr and the exit code is 4.`,
  list: `Usage: rcs-records list --from T [--to T] [filters] [config and output options]

Every record of the window [from, to] (to defaults to now), streamed as it arrives.
Filters: --status s1,s2  --channel C  --campaign ID  --reference REF  --modified-since T (spacivox: within 48 h)
         --page-size N  --strict (stop on a record that does not decode instead of skipping it with a warning)
Several providers: --provider bsg,spacivox or --provider all (every provider in the --config file).
Progress (records, rate, position in the window, ETA) is drawn on stderr when it is a terminal.
Ctrl-C stops cleanly: the output written so far is complete line by line (a json array is closed), exit 130.`,
  watch: `Usage: rcs-records watch <ids…> [--interval 5s] [--timeout 10m] [--channel …] [config and output options]

Polls until every message is final, writing each change (table: one line per change; ndjson/csv: the record).
Exit 0 when all are final, 6 when --timeout passes first (a poll in flight is cut at the timeout), 5 when the
vendor was failing at the timeout, 4 when the vendor answered and an id was never found, 130 on Ctrl-C.
Without --timeout it polls until every message is final or Ctrl-C. The per-request timeout is --request-timeout.`,
  report: `Usage: rcs-records report --from T [--to T] [--top 10] [filters] [config and output options]
       rcs-records report --store DIR|URL [--from T] [--to T] [--top 10] [store filters] [output options]

Lists the window and prints the delivery funnel: overall, per provider and per campaign (the --top largest; the
rest folded into one row). Stages are cumulative: sent = left the vendor (sent, delivered, read, undeliverable,
expired); delivered includes read. Also in-flight (pending, sent), failures by kind and unknown.
Formats: table (bars), json (the report object), ndjson (one funnel per line), csv (one funnel per row).

With --store DIR|URL, the funnel of the records kept in a store, counted in SQL (no vendor is called): every
record by default, or --from/--to, --provider, --status, --final/--open, --channel, --campaign.`,
  sync: `Usage: rcs-records sync --provider P [--store DIR|URL] [--from T] [--to T] [--follow [--interval 1m]]
                        [--channel C] [config and HTTP options]

Keeps a store current (@rcs-records/store): lists the window [from, to) of each provider (--provider a,b or all)
into the store in 6-hour slices, each committed with its checkpoint, then re-reads the records that are not final
yet (created within 3 days). The first sync of a provider needs --from; later runs carry on from the checkpoint
(less 5 minutes for late records), so --from can be left out. --to defaults to now.
--follow keeps syncing: a run every --interval (default 1m) until Ctrl-C (exit 0 between runs). A vendor or network
failure in one run is reported and the next run tries again; any other failure stops it.
Progress is drawn on stderr when it is a terminal (--verbose: a line per committed slice, on any stderr). Each run
writes one summary per provider on stdout (table: a line; json/ndjson: the SyncReport).
Ctrl-C during a run: what was read is committed, the checkpoint stays at the last whole slice, exit 130; the next
run resumes there. Nothing is lost or counted twice, even after a kill (merging is idempotent).`,
  query: `Usage: rcs-records query [--store DIR|URL] [filters] [--limit N] [output options]

The records kept in a store, streamed page by page in constant memory, oldest first (by creation time, then
provider and id). Filters: --provider a,b  --status s1,s2  --final | --open (not final yet)  --channel C
--campaign ID  --from T --to T (the half-open range [from, to) of creation time; a spacivox record has only the
time of its current state). --limit N stops after N records. Formats as list: table, json, ndjson, csv, --raw.`,
  simulate: `Usage: rcs-records simulate [--port 8787] [--seed 1] [--records 1000]

Starts the simulator of the three vendor APIs on 127.0.0.1 (--port 0 picks a free port; --records per vendor,
created over the last 7 days) and prints a config file for all three on stdout
(save it and pass it with --config). Runs until Ctrl-C, then stops and exits 0.`,
  demo: `Usage: rcs-records demo [--rows 10] [--seed N] [--records N] [--no-color]

Needs no credentials: starts the simulator in-process, syncs a window from partner-gateway, BSG and spacivox
through the real adapters over HTTP into an embedded PGlite store in a temporary directory, reads back a records
table per provider (--rows each), the totals and the delivery funnel from the store (SQL), then removes the store,
stops the simulator and exits 0.`,
  serve: `Usage: rcs-records serve --store URL --provider partner-gateway,bsg [--port 8080] [--host 127.0.0.1]

Receives the vendors' delivery callbacks on POST /webhooks/<provider> and applies them to the store (--store:
memory://, pglite:./dir or a directory, postgres://…). The secret the vendors present (Authorization: Bearer,
the Basic auth password, or ?token=) is read from the environment variable RCS_RECORDS_WEBHOOK_SECRET, never
from a flag. Logs one line per request on stderr (no bodies, no secrets, no query strings). SIGTERM or Ctrl-C
stops accepting connections, finishes the requests in flight, closes the store and exits 0.`,
}

/**
 * The help text: general, or of one command (null when there is no such command).
 *
 * @example
 * import { helpText } from '@rcs-records/cli'
 * console.log(helpText('list'))
 */
export const helpText = (topic?: string): string | null => {
  if (topic === undefined) return GENERAL
  return COMMANDS[topic] ?? null
}
