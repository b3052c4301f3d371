import { parseBatchChunk, type BatchRecord } from '../../../../shared/domain/jobs/batch';
import { CHUNK_LIMITS, chunkBatch, validateBatchRecords } from '../../../../shared/domain/jobs/batch-records';

const entity = (overrides: Record<string, unknown> = {}) => ({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5, ...overrides });

/** The one rejection of a batch of one entity. */
const rejectionOf = (value: unknown) => {
  const { valid, rejected } = validateBatchRecords([value]);
  expect(valid).toEqual([]);
  expect(rejected).toHaveLength(1);
  return rejected[0];
};

const records = (count: number, refLength = 8): BatchRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    index,
    skuRef: `S${String(index).padStart(refLength - 1, '0')}`,
    locationRef: 'L'.repeat(refLength),
    qty: index,
  }));

const BATCH = { accountId: 'acme', jobId: 'job-1', batchId: 'batch-1' };

describe('validateBatchRecords', () => {
  describe('valid records', () => {
    it('keeps each valid record with its index in the batch as posted', () => {
      // Prepare
      const entities = [entity({ skuRef: 'SKU-A' }), { skuRef: 'SKU-B' }, entity({ skuRef: 'SKU-C', qty: 0 })];

      // Act
      const { valid } = validateBatchRecords(entities);

      // Assess
      expect(valid).toEqual([
        { index: 0, skuRef: 'SKU-A', locationRef: 'LOC-1', qty: 5 },
        { index: 2, skuRef: 'SKU-C', locationRef: 'LOC-1', qty: 0 },
      ]);
    });

    it('keeps a given safetyStock and leaves it out when the record omits it', () => {
      // Act
      const { valid } = validateBatchRecords([entity({ skuRef: 'SKU-A', safetyStock: 2 }), entity({ skuRef: 'SKU-B' })]);

      // Assess
      expect(valid[0].safetyStock).toBe(2);
      expect(valid[1]).not.toHaveProperty('safetyStock');
    });

    it('accepts the same sku at two locations and two skus at one location', () => {
      // Act
      const { valid, rejected } = validateBatchRecords([
        entity({ skuRef: 'SKU-1', locationRef: 'LOC-1' }),
        entity({ skuRef: 'SKU-1', locationRef: 'LOC-2' }),
        entity({ skuRef: 'SKU-2', locationRef: 'LOC-1' }),
      ]);

      // Assess
      expect(rejected).toEqual([]);
      expect(valid.map((record) => record.index)).toEqual([0, 1, 2]);
    });
  });

  describe('invalid records', () => {
    it('reports a record without qty by its index, saying qty is required', () => {
      // Act
      const { valid, rejected } = validateBatchRecords([entity(), { skuRef: 'SKU-2', locationRef: 'LOC-1' }]);

      // Assess
      expect(valid.map((record) => record.index)).toEqual([0]);
      expect(rejected).toEqual([{ index: 1, skuRef: 'SKU-2', locationRef: 'LOC-1', code: 'INVALID_RECORD', message: 'qty is required' }]);
    });

    it('reports a negative qty with a message naming qty', () => {
      // Act
      const rejection = rejectionOf(entity({ qty: -1 }));

      // Assess
      expect(rejection).toMatchObject({ index: 0, code: 'INVALID_RECORD' });
      expect(rejection.message).toMatch(/^qty: /);
    });

    it('reports a non-integer qty as not a whole number rather than as missing', () => {
      // Act
      const rejection = rejectionOf(entity({ qty: 1.5 }));

      // Assess
      expect(rejection).toMatchObject({ index: 0, code: 'INVALID_RECORD' });
      expect(rejection.message).toMatch(/^qty: /);
      expect(rejection.message).not.toContain('required');
    });

    it('reports a qty sent as a string as of the wrong type rather than as missing', () => {
      // Act
      const rejection = rejectionOf(entity({ qty: '5' }));

      // Assess
      expect(rejection.message).toMatch(/^qty: /);
      expect(rejection.message).not.toContain('required');
    });

    it('reports a skuRef with characters outside A-Z, a-z, 0-9 and ._:- with a message naming skuRef', () => {
      // Act
      const rejection = rejectionOf(entity({ skuRef: 'SKU 1/2' }));

      // Assess
      expect(rejection).toEqual({
        index: 0,
        skuRef: 'SKU 1/2',
        locationRef: 'LOC-1',
        code: 'INVALID_RECORD',
        message: 'skuRef: must be 1 to 64 characters of A-Z, a-z, 0-9 and ._:-',
      });
    });

    it('reports an unknown field by name', () => {
      // Act
      const rejection = rejectionOf(entity({ colour: 'red' }));

      // Assess
      expect(rejection).toMatchObject({ index: 0, code: 'INVALID_RECORD', message: 'colour is not a known field' });
    });

    it.each([
      ['a string', 'SKU-1,LOC-1,5'],
      ['a number', 7],
      ['null', null],
      ['an array', ['SKU-1', 'LOC-1', 5]],
    ])('reports %s in place of a record as not an object', (_kind, value) => {
      // Act
      const rejection = rejectionOf(value);

      // Assess
      expect(rejection).toEqual({ index: 0, skuRef: '', locationRef: '', code: 'INVALID_RECORD', message: 'a record must be an object' });
    });

    it('names every field that is wrong in one record', () => {
      // Act
      const rejection = rejectionOf({ skuRef: 'SKU-1', locationRef: 'LOC 1', qty: -3 });

      // Assess
      expect(rejection.message).toContain('locationRef: ');
      expect(rejection.message).toContain('qty: ');
    });

    it('echoes refs of at most 64 characters in an error, however long the refs posted', () => {
      // Act
      const rejection = rejectionOf(entity({ skuRef: 'S'.repeat(10_000), locationRef: 'L'.repeat(65), qty: -1 }));

      // Assess
      expect(rejection.skuRef).toBe('S'.repeat(64));
      expect(rejection.locationRef).toBe('L'.repeat(64));
    });

    it('echoes an empty ref for a ref that is not a string', () => {
      // Act
      const rejection = rejectionOf(entity({ skuRef: 42 }));

      // Assess
      expect(rejection).toMatchObject({ index: 0, skuRef: '', locationRef: 'LOC-1', code: 'INVALID_RECORD' });
    });
  });

  describe('duplicates', () => {
    it('refuses a second record for one position, naming the index of the first', () => {
      // Act
      const { valid, rejected } = validateBatchRecords([entity({ qty: 5 }), entity({ skuRef: 'SKU-2' }), entity({ qty: 9 })]);

      // Assess
      expect(valid.map((record) => [record.index, record.qty])).toEqual([
        [0, 5],
        [1, 5],
      ]);
      expect(rejected).toEqual([
        { index: 2, skuRef: 'SKU-1', locationRef: 'LOC-1', code: 'DUPLICATE_RECORD', message: 'SKU-1 at LOC-1 is already given at index 0' },
      ]);
    });

    it('names the first valid record, not an invalid one before it, as the earlier index', () => {
      // Act
      const { rejected } = validateBatchRecords([entity({ qty: -1 }), entity({ qty: 1 }), entity({ qty: 2 })]);

      // Assess
      expect(rejected.map((error) => [error.index, error.code])).toEqual([
        [0, 'INVALID_RECORD'],
        [2, 'DUPLICATE_RECORD'],
      ]);
      expect(rejected[1].message).toContain('index 1');
    });
  });
});

describe('chunkBatch', () => {
  it('puts at most 2,500 records in a chunk', () => {
    // Act
    const chunks = chunkBatch(BATCH, records(5001, 4));

    // Assess
    expect(chunks.map((chunk) => chunk.records.length)).toEqual([2500, 2500, 1]);
  });

  it('starts a new chunk before one would pass the byte limit', () => {
    // Prepare
    const long = records(2500, 64);

    // Act
    const chunks = chunkBatch(BATCH, long);

    // Assess
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(CHUNK_LIMITS.bytes);
  });

  it('splits at a smaller byte limit when it is given one', () => {
    // Prepare
    const limits = { records: 2500, bytes: 1_000 };

    // Act
    const chunks = chunkBatch(BATCH, records(40), limits);

    // Assess
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(limits.bytes);
  });

  it('numbers chunks from 1 and carries the account, job and batch on each', () => {
    // Act
    const chunks = chunkBatch(BATCH, records(12), { records: 5, bytes: 200_000 });

    // Assess
    expect(chunks.map(({ accountId, jobId, batchId, chunk }) => ({ accountId, jobId, batchId, chunk }))).toEqual([
      { ...BATCH, chunk: 1 },
      { ...BATCH, chunk: 2 },
      { ...BATCH, chunk: 3 },
    ]);
  });

  it('keeps every record exactly once, in order, as a tuple with null for an omitted safetyStock', () => {
    // Prepare
    const all: BatchRecord[] = [...records(6000, 64), { index: 6000, skuRef: 'SKU-X', locationRef: 'LOC-X', qty: 3, safetyStock: 1 }];

    // Act
    const chunks = chunkBatch(BATCH, all);

    // Assess
    const tuples = chunks.flatMap((chunk) => chunk.records);
    expect(tuples).toEqual(all.map((record) => [record.index, record.skuRef, record.locationRef, record.qty, record.safetyStock ?? null]));
  });

  it('makes no chunk when there is no record', () => {
    // Act
    const chunks = chunkBatch(BATCH, []);

    // Assess
    expect(chunks).toEqual([]);
  });
});

describe('parseBatchChunk', () => {
  it('reads the retailer of a chunk that carries one', () => {
    // Prepare
    const [message] = chunkBatch({ accountId: 'acme', jobId: 'job-1', batchId: 'batch-1', retailerId: 'R1' }, [{ index: 0, skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5 }]);

    // Act
    const parsed = parseBatchChunk(JSON.stringify(message));

    // Assess
    expect(parsed.retailerId).toBe('R1');
  });

  it('still reads a chunk queued before chunks carried their retailer', () => {
    // Prepare
    const body = JSON.stringify({ accountId: 'acme', jobId: 'job-1', batchId: 'batch-1', chunk: 1, records: [[0, 'SKU-1', 'LOC-1', 5, null]] });

    // Act
    const parsed = parseBatchChunk(body);

    // Assess
    expect(parsed).toEqual({ accountId: 'acme', jobId: 'job-1', batchId: 'batch-1', chunk: 1, records: [[0, 'SKU-1', 'LOC-1', 5, null]] });
  });
});
