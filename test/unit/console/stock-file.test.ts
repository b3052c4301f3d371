import { BATCH_LIMIT, batchesOf, readStockFile } from '../../../console/src/screens/jobs/stock-file';

describe('a stock file chosen in the console', () => {
  it('lists each record with its line in the file, past a header and blank lines', async () => {
    // Act
    const file = await readStockFile('skuRef,locationRef,qty\r\nSKU-001,WH-NORTH,12\r\n\r\nSKU-002,WH-SOUTH,3,1\r\n', 'stock.csv');

    // Assess
    expect(file).toEqual({
      records: [
        { line: 2, record: { skuRef: 'SKU-001', locationRef: 'WH-NORTH', qty: 12 } },
        { line: 4, record: { skuRef: 'SKU-002', locationRef: 'WH-SOUTH', qty: 3, safetyStock: 1 } },
      ],
      malformed: [],
    });
  });

  it('keeps a qty that is not a count as written, for the batch API to refuse by its index', async () => {
    // Act
    const file = await readStockFile('SKU-001,WH-NORTH,ten\n', 'stock.csv');

    // Assess
    expect(file.records).toEqual([{ line: 1, record: { skuRef: 'SKU-001', locationRef: 'WH-NORTH', qty: 'ten' } }]);
  });

  it('names each unreadable line by its number, with the reason once', async () => {
    // Act
    const file = await readStockFile('SKU-001,WH-NORTH,1\nSKU-002,WH-NORTH\nSKU-003,"WH-NORTH,4\n', 'stock.csv');

    // Assess
    expect(file.malformed).toEqual([
      { line: 2, message: 'expected 3 or 4 comma-separated cells (skuRef,locationRef,qty[,safetyStock]), found 2' },
      { line: 3, message: 'cell 2 opens a double quote that is never closed' },
    ]);
  });
});

describe('batches of a stock file', () => {
  it('go in order, none over the batch limit, every record once', () => {
    // Prepare
    const records = Array.from({ length: 2 * BATCH_LIMIT + 1 }, (_, index) => index);

    // Act
    const batches = batchesOf(records);

    // Assess
    expect(batches.map((batch) => batch.length)).toEqual([BATCH_LIMIT, BATCH_LIMIT, 1]);
    expect(batches.flat()).toEqual(records);
  });
});
