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

export const USAGE = `Usage:
  ordo import <file> --account <apiKey> [--retailer <retailerId>] [options]
  ordo job <jobId> --account <apiKey> [--url <baseUrl>] [--json]
  ordo help

${IMPORT_USAGE}
${JOB_USAGE}
Exit codes: 0 every record applied or unchanged · 1 API or network error · 2 some records failed
            64 usage error · 66 file cannot be read
`;
