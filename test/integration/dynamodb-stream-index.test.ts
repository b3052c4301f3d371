import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../scripts/local-stack/dynamodb-local';
import { throwawayDatabaseRoot } from '../../scripts/local-stack/dynamodb-stream-index';
import { freePort } from '../../scripts/local-stack/ports';

/** Runs one SQL statement on a SQLite file with python3's sqlite3 module and gives back its rows, one per line. */
const sql = (databaseFile: string, statement: string): string[] => {
  const script = 'import sqlite3, sys\nfor row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, row)))';
  const result = spawnSync('python3', ['-c', script, databaseFile, statement], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.split('\n').filter(Boolean);
};

const throwawayDatabases = () => readdirSync(throwawayDatabaseRoot()).filter((name) => name.startsWith('ordo-dynamodb-'));

describe("DynamoDB Local's stream records, indexed by stream", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ordo-stream-index-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("finds a stream's first record through the index, not by reading every record before it", async () => {
    // Prepare
    const dynamodb = await startDynamoDbLocal(await freePort(), dataDir);

    // Act: the lookup DynamoDB Local makes on each write to a table with a stream
    const plan = sql(join(dataDir, 'shared-local-instance.db'), "EXPLAIN QUERY PLAN SELECT MIN(SequenceNumber) FROM us WHERE StreamID = 'any'");
    await dynamodb.stop();

    // Assess
    expect(dynamodb.streamIndex).toBe(true);
    expect(plan.join('\n')).toContain('USING COVERING INDEX ordo_stream_records_by_stream');
  });

  it('starts again on a data folder that has the index already, and keeps one', async () => {
    // Prepare
    await (await startDynamoDbLocal(await freePort(), dataDir)).stop();

    // Act
    const again = await startDynamoDbLocal(await freePort(), dataDir);
    await again.stop();

    // Assess
    expect(sql(join(dataDir, 'shared-local-instance.db'), "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'us'")).toEqual([
      'ordo_stream_records_by_stream',
    ]);
  });

  it('keeps the data of a DynamoDB Local without a data folder in a file of its own, gone once it stops', async () => {
    // Prepare
    const before = throwawayDatabases();

    // Act
    const dynamodb = await startDynamoDbLocal(await freePort());
    const running = throwawayDatabases().filter((name) => !before.includes(name));
    await dynamodb.stop();

    // Assess
    expect(running).toHaveLength(1);
    expect(throwawayDatabases()).not.toContain(running[0]);
  });
});
