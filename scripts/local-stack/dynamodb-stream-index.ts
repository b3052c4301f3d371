import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

/*
 * DynamoDB Local keeps every change-stream record in one SQLite table, `us`, keyed by sequence number, and on each write
 * to a table with a stream it looks up that stream's first record there. With no index on the stream, the lookup reads
 * every record written before the stream began, so writes to a table made late (an account made on a stack that has
 * run a while) slow down as the emulator holds more: 200 writes took 2.5 s behind 20,000 records, 0.4 s with the index.
 * The index is added to its database file with python3's sqlite3 module: Node 20 has no SQLite, and DynamoDB Local's
 * in-memory database is out of reach of any other process.
 */

const STREAM_INDEX = 'CREATE INDEX IF NOT EXISTS ordo_stream_records_by_stream ON us (StreamID, SequenceNumber)';

let available: boolean | undefined;

/** Whether python3 and its sqlite3 module are here to add the index. */
export const streamIndexAvailable = (): boolean => {
  available ??= spawnSync('python3', ['-c', 'import sqlite3'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return available;
};

/** Adds the index to a running DynamoDB Local's database file; a file that has it already is left as it is. */
export const addStreamIndex = (databaseFile: string): void => {
  const script = 'import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1], timeout=30)\ndb.execute(sys.argv[2])\ndb.commit()';
  const result = spawnSync('python3', ['-c', script, databaseFile, STREAM_INDEX], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`could not index the stream records of ${databaseFile}: ${result.stderr || result.error?.message}`);
};

/** Where a throwaway database goes: memory-backed where the system has /dev/shm, the temp folder elsewhere. */
export const throwawayDatabaseRoot = (): string => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
