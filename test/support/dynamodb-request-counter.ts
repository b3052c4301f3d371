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

  attach(client: DynamoDBClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
        if (WRITES.has(operation)) {
          for (const table of tablesOf(args.input as Record<string, unknown>)) this.writes.set(table, (this.writes.get(table) ?? 0) + 1);
        }
        return next(args);
      },
      { step: 'initialize', name: 'ordoRequestCounter' },
    );
    return this;
  }

  reset(): void {
    this.counts.clear();
    this.writes.clear();
  }

  byOperation(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort());
  }

  total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
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
