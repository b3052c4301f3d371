import { importDroppedFiles, MIN_START_MS } from '../../../../shared/domain/jobs/import-dropped-files';
import { droppedFile, fakeImportRun } from './fixtures/import-run';

const plentyOfTime = { remainingMs: () => 240_000 };

describe('importDroppedFiles', () => {
  it('imports every listed file, oldest first, and counts them as imported', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv'), droppedFile('b.csv')]);

    // Act
    const summary = await importDroppedFiles(plentyOfTime, deps);

    // Assess
    expect(summary).toEqual({ found: 2, imported: 2, alreadyImported: 0, inProgressElsewhere: 0, errors: 0, deferred: 0 });
    expect(deps.drop.moved).toEqual(['accounts/ghost/inventory/failed/a.csv', 'accounts/ghost/inventory/failed/b.csv']);
  });

  it('counts a file an overlapping run already imported without importing it again', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv')]);
    deps.once.overlaps.set('a.csv', 'DONE_BEFORE');

    // Act
    const summary = await importDroppedFiles(plentyOfTime, deps);

    // Assess
    expect(summary).toMatchObject({ imported: 0, alreadyImported: 1 });
    expect(deps.drop.moved).toEqual([]);
  });

  it('leaves a file another run is importing to that run', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv'), droppedFile('b.csv')]);
    deps.once.overlaps.set('a.csv', 'IN_PROGRESS');

    // Act
    const summary = await importDroppedFiles(plentyOfTime, deps);

    // Assess
    expect(summary).toMatchObject({ imported: 1, inProgressElsewhere: 1 });
    expect(deps.drop.moved).toEqual(['accounts/ghost/inventory/failed/b.csv']);
  });

  it('counts a file whose import fails as an error, leaves it in place and goes on with the next', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv'), droppedFile('b.csv')]);
    deps.once.overlaps.set('a.csv', 'THROWS');

    // Act
    const summary = await importDroppedFiles(plentyOfTime, deps);

    // Assess
    expect(summary).toMatchObject({ imported: 1, errors: 1 });
    expect(deps.logged.files).toEqual([
      ['a.csv', 'FAILED'],
      ['b.csv', 'IMPORTED'],
    ]);
  });

  it('defers the files it has no time left to start to the next run', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv'), droppedFile('b.csv'), droppedFile('c.csv')]);
    const left = [MIN_START_MS + 1_000, MIN_START_MS - 1];

    // Act
    const summary = await importDroppedFiles({ remainingMs: () => left.shift() ?? 0 }, deps);

    // Assess
    expect(summary).toMatchObject({ found: 3, imported: 1, deferred: 2 });
    expect(deps.drop.moved).toEqual(['accounts/ghost/inventory/failed/a.csv']);
  });

  it('tells the run log the summary once the run ends', async () => {
    // Prepare
    const deps = fakeImportRun([droppedFile('a.csv')]);

    // Act
    const summary = await importDroppedFiles(plentyOfTime, deps);

    // Assess
    expect(deps.logged.summary).toEqual(summary);
  });
});
