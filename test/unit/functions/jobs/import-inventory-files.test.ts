import type { Context, ScheduledEvent } from 'aws-lambda';
import { handler } from '../../../../functions/jobs/import-inventory-files';
import { logger } from '../../../../shared/runtime/logger';
import { droppedFile, fakeImportRun, type FakeImportRun } from '../../domain/jobs/fixtures/import-run';
import { lambdaContext } from '../../../support/lambda';

const scheduled = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} } as ScheduledEvent;
const withTimeLeft = (ms: number): Context => ({ ...lambdaContext(), getRemainingTimeInMillis: () => ms });

describe('the import-inventory-files handler', () => {
  let deps: FakeImportRun;
  let invocations: Context[];
  const route = () =>
    handler.with({
      context: (lambda) => {
        invocations.push(lambda);
        return deps;
      },
    });

  beforeEach(() => {
    deps = fakeImportRun([droppedFile('a.csv'), droppedFile('b.csv')]);
    invocations = [];
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('imports the listed files and answers with the run summary', async () => {
    // Act
    const summary = await route()(scheduled, withTimeLeft(240_000));

    // Assess
    expect(summary).toEqual({ found: 2, imported: 2, alreadyImported: 0, inProgressElsewhere: 0, errors: 0, deferred: 0 });
  });

  it('starts no file when the invocation has less than a minute left', async () => {
    // Act
    const summary = await route()(scheduled, withTimeLeft(30_000));

    // Assess
    expect(summary).toMatchObject({ imported: 0, deferred: 2 });
    expect(deps.drop.moved).toEqual([]);
  });

  it('builds its parts for the invocation it runs in', async () => {
    // Prepare
    const invocation = withTimeLeft(240_000);

    // Act
    await route()(scheduled, invocation);

    // Assess
    expect(invocations.map((lambda) => lambda.awsRequestId)).toEqual([invocation.awsRequestId]);
  });
});
