import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** The tables a request names: TableName, or the keys of RequestItems / TransactItems. */
const tablesOf = (input: Record<string, unknown>): string[] => {
  if (typeof input.TableName === 'string') return [input.TableName];
  if (input.RequestItems && typeof input.RequestItems === 'object') return Object.keys(input.RequestItems);
  if (Array.isArray(input.TransactItems)) {
    return [
      ...new Set(
        input.TransactItems.flatMap((item: Record<string, { TableName?: string }>) => Object.values(item).map((op) => op.TableName ?? '')),
      ),
    ];
  }
  return [];
};

/**
 * Counts the requests a DynamoDB client really sends, by operation and by table, with an SDK
 * middleware: benchmarks and tests report measured request counts, never estimates.
 */
export class DynamoDbRequestCounter {
  private counts = new Map<string, number>();
  private writes = new Map<string, number>();
  private committed = new Map<string, number>();

  attach(client: DynamoDBClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
        const tables = WRITES.has(operation) ? tablesOf(args.input as Record<string, unknown>) : [];
        for (const table of tables) this.writes.set(table, (this.writes.get(table) ?? 0) + 1);
        const output = await next(args);
        // Only now did the write land: a refused conditional write or a cancelled transaction wrote nothing.
        for (const table of tables) this.committed.set(table, (this.committed.get(table) ?? 0) + 1);
        return output;
      },
      { step: 'initialize', name: 'ordoRequestCounter' },
    );
    return this;
  }

  reset(): void {
    this.counts.clear();
    this.writes.clear();
    this.committed.clear();
  }

  byOperation(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort());
  }

  total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Write requests that succeeded, by the table they named: what was really written, not what was tried. */
  committedWritesByTable(): Record<string, number> {
    return Object.fromEntries(this.committed.entries());
  }

  /** Write requests (Put, Update, Delete, BatchWrite, TransactWrite) by the table they named. */
  writesByTable(): Record<string, number> {
    return Object.fromEntries(this.writes.entries());
  }

  /** Write requests (Put, Update, Delete, BatchWrite, TransactWrite) that named this table. */
  writesTo(tableName: string): number {
    return this.writes.get(tableName) ?? 0;
  }
}
