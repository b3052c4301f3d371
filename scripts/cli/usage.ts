export const IMPORT_USAGE = `ordo import <file> --account <apiKey> [options]
  Streams a stock file through a new job, in batches, and waits until the server has processed them.
  <file>                  CSV skuRef,locationRef,qty[,safetyStock] (header optional) or JSON Lines
                          ({"skuRef","locationRef","qty","safetyStock"?} per line): .csv, .jsonl, .ndjson
  --account <apiKey>      API key (default: $ORDO_API_KEY)
  --retailer <retailerId> retailer of the job, whose INVENTORY_POSITION workflow hears of changed
                          stock (default: $ORDO_RETAILER, else "file-import", a label only)
  --url <baseUrl>         API base URL (default: $ORDO_URL, else http://localhost:$PORT, PORT 3000)
  --name <jobName>        job name (default: "import <file name> <ISO time>")
  --batch-size <n>        records per batch, 1-5000 (default 5000)
  --concurrency <n>       batches in flight at once (default 2)
  --json                  print the summary as one JSON object
`;

export const JOB_USAGE = `ordo job <jobId> --account <apiKey> [--url <baseUrl>] [--json]
  Prints a job's status, counts, batches and first errors (--json: the job as the API returns it).
`;

export const WEBHOOKS_USAGE = `ordo webhooks listen [--port <n>] [--secret <whsec_…>]
  Receives webhooks on http://127.0.0.1:<port> (any path) and prints each message: its type,
  webhook-id, whether its signature checks out, and its data. With --secret each message is checked
  with standardwebhooks (a bad signature is answered 401, a good one 204). Ctrl+C stops it.
  --port <n>              port to listen on, 0 for any free one (default 4000)
  --secret <whsec_…>      the subscription's secret, as POST /v1/webhooks or rotate-secret showed it

ordo webhooks list --account <apiKey> [--url <baseUrl>] [--json]
  Prints the account's webhook subscriptions (id, url, events, status) the key may see.
`;

export const EVENTS_USAGE = `ordo events redrive --account <apiKey> [--all | --event <eventId>] [--retailer <retailerId>] [--url <baseUrl>] [--json]
  Without --all or --event: lists the STUCK events (reached the events DLQ, or PENDING too long) and
  re-drives none. --all re-drives every one, with a progress bar, and prints what was re-driven and
  what the API refused; --event re-drives one (FAILED or STUCK). Each goes through the queue again
  under its own id, so it is applied once.
  --retailer <retailerId> only that retailer's events (for --event: the retailer whose event it is)
`;

export const USAGE = `Usage:
  ordo import <file> --account <apiKey> [--retailer <retailerId>] [options]
  ordo job <jobId> --account <apiKey> [--url <baseUrl>] [--json]
  ordo webhooks listen [--port <n>] [--secret <whsec_…>]
  ordo webhooks list --account <apiKey> [--url <baseUrl>] [--json]
  ordo events redrive --account <apiKey> [--all | --event <eventId>] [--retailer <retailerId>]
  ordo help

${IMPORT_USAGE}
${JOB_USAGE}
${WEBHOOKS_USAGE}
${EVENTS_USAGE}
Exit codes: 0 every record applied or unchanged · 1 API or network error · 2 some records (or re-drives) failed
            64 usage error · 66 file cannot be read
`;
