import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../../domain/bounded-parallel';
import type { StockFigureChange, StockSummaries } from '../../ports/stock-summaries';
import { figuresOfItems, summaryFromItem, summaryItem, summaryKey, type Summary, type SummaryFigures } from './availability-summary-items';
import { writtenIfCondition } from './conditional-write';
import { skuPartition } from './inventory-items';
import { queryAll } from './query-all';

/** Writers of one summary (the stream's consumer, a count written through, a rebuild) take turns by its version. */
const MAX_WRITE_ATTEMPTS = 10;
/** SKUs whose summaries are brought up to date at once. */
const SKUS_IN_FLIGHT = 8;

const patch = (figures: Map<string, SummaryFigures>, change: StockFigureChange): void => {
  const current = figures.get(change.locationRef) ?? { reserved: 0 };
  const next: SummaryFigures = { ...current };
  if (change.part === 'reservation') next.reserved = change.reserved;
  else if (change.count) next.count = change.count;
  else delete next.count;
  figures.set(change.locationRef, next);
};

const bySku = (changes: readonly StockFigureChange[]): Map<string, StockFigureChange[]> => {
  const grouped = new Map<string, StockFigureChange[]>();
  for (const change of changes) grouped.set(change.skuRef, [...(grouped.get(change.skuRef) ?? []), change]);
  return grouped;
};

/** The availability read model on one account's table (see availability-summary-items.ts). */
export class DynamoStockSummaries implements StockSummaries {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async apply(changes: readonly StockFigureChange[], options: { build: boolean } = { build: true }): Promise<void> {
    const tasks = [...bySku(changes)].map(([skuRef, ofSku]) => () =>
      this.write(skuRef, async (stored) => {
        if (!stored) {
          // Read after every change of this batch was committed, the partition already holds them all.
          return options.build ? this.exactFigures(skuRef) : undefined;
        }
        if (!stored.figures) return undefined;
        for (const change of ofSku) patch(stored.figures, change);
        return stored.figures;
      }),
    );
    await inParallel(tasks, SKUS_IN_FLIGHT);
  }

  async rebuild(skuRefs: readonly string[]): Promise<void> {
    await inParallel(
      [...new Set(skuRefs)].map((skuRef) => () => this.write(skuRef, () => this.exactFigures(skuRef))),
      SKUS_IN_FLIGHT,
    );
  }

  /**
   * Reads the summary, works out its next figures (undefined: leave it as it is) and writes them on
   * the condition that nobody wrote in between; otherwise reads again.
   */
  private async write(
    skuRef: string,
    next: (stored: Summary | undefined) => Promise<Map<string, SummaryFigures> | undefined>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: summaryKey(skuRef), ConsistentRead: true }));
      const stored = Item ? summaryFromItem(Item) : undefined;
      const figures = await next(stored);
      if (!figures) return;
      const version = stored?.version ?? 0;
      const written = await writtenIfCondition(() =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: summaryItem({ skuRef, version: version + 1, figures }),
            ...(stored
              ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          }),
        ),
      );
      if (written) return;
    }
    throw new Error(`The availability summary of ${skuRef} kept changing under ${MAX_WRITE_ATTEMPTS} writes`);
  }

  private async exactFigures(skuRef: string): Promise<Map<string, SummaryFigures>> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': skuPartition(skuRef) },
      ProjectionExpression: 'SK, locationRef, onHand, reserved, safetyStock',
      ConsistentRead: true,
    });
    return figuresOfItems(items);
  }
}
