import {
  inventoryFileFormatOf,
  parseInventoryFile,
  parseInventoryLines,
  type InventoryFileEntry,
  type InventoryFileOptions,
} from '../../../../shared/domain/jobs/inventory-file';

const collect = async (entries: AsyncIterable<InventoryFileEntry>) => {
  const all: InventoryFileEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
};

const parse = (text: string, options: InventoryFileOptions = {}) => collect(parseInventoryFile([text], options));

async function* oneByteChunks(text: string) {
  for (const byte of new TextEncoder().encode(text)) yield Uint8Array.of(byte);
}

describe('parseInventoryFile', () => {
  describe('CSV', () => {
    it('reads each line as a record numbered by its line in the file', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,5\nSKU-2,LOC-2,7\n', { fileName: 'stock.csv' });

      // Assess
      expect(entries).toEqual([
        { line: 1, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } },
        { line: 2, record: { skuRef: 'SKU-2', locationRef: 'LOC-2', qty: 7 } },
      ]);
    });

    it('skips a header line whose first cell is skuRef in any case', async () => {
      // Act
      const entries = await parse('SKUREF,locationRef,qty\nSKU-1,LOC-1,5\n');

      // Assess
      expect(entries).toEqual([{ line: 2, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } }]);
    });

    it('reads a fourth cell as the safety stock', async () => {
      // Act
      const entries = await parse('skuRef,locationRef,qty,safetyStock\nSKU-1,LOC-1,5,2\n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5, safetyStock: 2 });
    });

    it('leaves the safety stock out when its cell is empty', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,5,\n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 });
    });

    it('trims the cells', async () => {
      // Act
      const entries = await parse('  SKU-1 ,\tLOC-1 , 5 \n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 });
    });

    it('reads double-quoted cells holding commas and escaped quotes', async () => {
      // Act
      const entries = await parse('"SKU,1", "LOC ""north""","5"\n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU,1', locationRef: 'LOC "north"', qty: 5 });
    });

    it('reads CRLF line endings', async () => {
      // Act
      const entries = await parse('skuRef,locationRef,qty\r\nSKU-1,LOC-1,5\r\nSKU-2,LOC-2,6\r\n');

      // Assess
      expect(entries.map((entry) => entry.record)).toEqual([
        { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 },
        { skuRef: 'SKU-2', locationRef: 'LOC-2', qty: 6 },
      ]);
    });

    it('reads the last line when the file does not end with a newline', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,5\nSKU-2,LOC-2,6');

      // Assess
      expect(entries.map((entry) => entry.line)).toEqual([1, 2]);
    });

    it('skips blank lines but keeps counting them', async () => {
      // Act
      const entries = await parse('\nSKU-1,LOC-1,5\n   \r\n\nSKU-2,LOC-2,6\n');

      // Assess
      expect(entries.map((entry) => entry.line)).toEqual([2, 5]);
    });

    it('reads the same records when the file arrives one byte at a time', async () => {
      // Prepare
      const text = 'skuRef,locationRef,qty\r\n"SKU,é",LOC-1,5\r\nSKU-2,LÖC-2,6,1\r\n';

      // Act
      const entries = await collect(parseInventoryFile(oneByteChunks(text)));

      // Assess
      expect(entries).toEqual([
        { line: 2, record: { skuRef: 'SKU,é', locationRef: 'LOC-1', qty: 5 } },
        { line: 3, record: { skuRef: 'SKU-2', locationRef: 'LÖC-2', qty: 6, safetyStock: 1 } },
      ]);
    });

    it('reads lines split across text chunks', async () => {
      // Act
      const entries = await collect(parseInventoryFile(['SKU-1,LO', 'C-1,5\r', '\nSKU-2', ',LOC-2,6\n']));

      // Assess
      expect(entries.map((entry) => entry.record)).toEqual([
        { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 },
        { skuRef: 'SKU-2', locationRef: 'LOC-2', qty: 6 },
      ]);
    });

    it('turns integer cells into numbers, negative ones included', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,-3,0\n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: -3, safetyStock: 0 });
    });

    it('leaves a quantity that is not an integer as the text found', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,2.5\nSKU-2,LOC-2,ten,x\nSKU-3,LOC-3,\n');

      // Assess
      expect(entries.map((entry) => entry.record)).toEqual([
        { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: '2.5' },
        { skuRef: 'SKU-2', locationRef: 'LOC-2', qty: 'ten', safetyStock: 'x' },
        { skuRef: 'SKU-3', locationRef: 'LOC-3', qty: '' },
      ]);
    });

    it('leaves an integer too large for a number as the text found', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,123456789012345678901\n');

      // Assess
      expect(entries[0].record?.qty).toBe('123456789012345678901');
    });

    it('reports a line with the wrong number of cells, naming the line, and reads the lines after it', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,5\nSKU-2,LOC-2\nSKU-3,LOC-3,7\n');

      // Assess
      expect(entries).toEqual([
        { line: 1, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } },
        {
          line: 2,
          error: {
            code: 'MALFORMED_LINE',
            message: 'line 2: expected 3 or 4 comma-separated cells (skuRef,locationRef,qty[,safetyStock]), found 2',
          },
        },
        { line: 3, record: { skuRef: 'SKU-3', locationRef: 'LOC-3', qty: 7 } },
      ]);
    });

    it('reports a quote that is never closed', async () => {
      // Act
      const entries = await parse('"SKU-1,LOC-1,5\n');

      // Assess
      expect(entries[0].error?.message).toBe('line 1: cell 1 opens a double quote that is never closed');
    });

    it('treats a header-like line after the first data line as data', async () => {
      // Act
      const entries = await parse('SKU-1,LOC-1,5\nskuRef,locationRef,qty\n');

      // Assess
      expect(entries[1]).toEqual({ line: 2, record: { skuRef: 'skuRef', locationRef: 'locationRef', qty: 'qty' } });
    });

    it('ignores a UTF-8 byte order mark', async () => {
      // Act
      const entries = await parse('\uFEFFskuRef,locationRef,qty\nSKU-1,LOC-1,5\n');

      // Assess
      expect(entries).toEqual([{ line: 2, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } }]);
    });

    it('reports a line longer than the limit without holding it and reads the lines after it', async () => {
      // Prepare
      const chunks = ['SKU-1,LOC-1,5\n', 'x'.repeat(40), 'y'.repeat(40), 'z\nSKU-2,LOC-2,6\n'];

      // Act
      const entries = await collect(parseInventoryFile(chunks, { maxLineLength: 50 }));

      // Assess
      expect(entries).toEqual([
        { line: 1, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } },
        { line: 2, error: { code: 'MALFORMED_LINE', message: 'line 2: longer than 50 characters' } },
        { line: 3, record: { skuRef: 'SKU-2', locationRef: 'LOC-2', qty: 6 } },
      ]);
    });
  });

  describe('JSON Lines', () => {
    it('reads one object per line', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":"LOC-1","qty":5,"safetyStock":1}\n', {
        fileName: 'stock.jsonl',
      });

      // Assess
      expect(entries).toEqual([{ line: 1, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5, safetyStock: 1 } }]);
    });

    it('passes the values on as found, without other fields', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":7,"qty":"5","note":"x"}\n');

      // Assess
      expect(entries[0].record).toEqual({ skuRef: 'SKU-1', locationRef: 7, qty: '5' });
    });

    it('reports a line that is not JSON and reads the lines after it', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":"LOC-1","qty":5}\n{"skuRef":\n{"skuRef":"SKU-3","locationRef":"LOC-3","qty":1}\n');

      // Assess
      expect(entries.map((entry) => [entry.line, entry.error?.code ?? 'OK'])).toEqual([
        [1, 'OK'],
        [2, 'MALFORMED_LINE'],
        [3, 'OK'],
      ]);
    });

    it('names the line of invalid JSON in the message', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":"LOC-1","qty":5}\n\n{"skuRef":\n');

      // Assess
      expect(entries[1].error?.message).toMatch(/^line 3: not valid JSON \(/);
    });

    it('reports a JSON line that is not an object', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":"LOC-1","qty":5}\n["SKU-2","LOC-2",5]\n', {
        fileName: 'x.ndjson',
      });

      // Assess
      expect(entries[1].error?.message).toBe(
        'line 2: expected a JSON object {"skuRef", "locationRef", "qty"[, "safetyStock"]}, found an array',
      );
    });

    it('reads objects split across one-byte chunks', async () => {
      // Act
      const entries = await collect(
        parseInventoryFile(oneByteChunks('{"skuRef":"SKU-ü","locationRef":"LOC-1","qty":5}\r\n'), { fileName: 'a.jsonl' }),
      );

      // Assess
      expect(entries).toEqual([{ line: 1, record: { skuRef: 'SKU-ü', locationRef: 'LOC-1', qty: 5 } }]);
    });
  });

  describe('format detection', () => {
    it('reads JSON Lines when the first non-blank character is a brace', async () => {
      // Act
      const entries = await parse('\n  {"skuRef":"SKU-1","locationRef":"LOC-1","qty":5}\n', { fileName: 'stock.txt' });

      // Assess
      expect(entries).toEqual([{ line: 2, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } }]);
    });

    it('lets the file extension win over the content', async () => {
      // Act
      const entries = await parse('{"skuRef":"SKU-1","locationRef":"LOC-1","qty":5}\n', { fileName: 'stock.csv' });

      // Assess
      expect(entries[0].error?.code).toBe('MALFORMED_LINE');
    });

    it('knows the csv, jsonl and ndjson extensions in any case', () => {
      // Act
      const formats = ['a.CSV', 'b.jsonl', 'dir.v1/c.NDJSON', 'd.txt', 'noext'].map(inventoryFileFormatOf);

      // Assess
      expect(formats).toEqual(['csv', 'jsonl', 'jsonl', undefined, undefined]);
    });
  });
});

describe('parseInventoryLines', () => {
  it('reads lines that arrive one by one, with or without a carriage return', async () => {
    // Act
    const entries = await collect(parseInventoryLines(['skuRef,locationRef,qty\r', '', 'SKU-1,LOC-1,5\r', 'SKU-2,LOC-2']));

    // Assess
    expect(entries).toEqual([
      { line: 3, record: { skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 } },
      {
        line: 4,
        error: {
          code: 'MALFORMED_LINE',
          message: 'line 4: expected 3 or 4 comma-separated cells (skuRef,locationRef,qty[,safetyStock]), found 2',
        },
      },
    ]);
  });
});
