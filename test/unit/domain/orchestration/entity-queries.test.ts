import { NotFoundError } from '../../../../shared/domain/domain-errors';
import { getEntity } from '../../../../shared/domain/orchestration/entity-queries';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { storedEntity } from './fixtures';

describe('getEntity', () => {
  let account: TestAccount;
  const order = storedEntity({ ref: 'O-1', status: 'BOOKED' });
  const fulfilment = storedEntity({ entityType: 'FULFILMENT', subtype: 'STANDARD', ref: 'F-1', id: 'ful-id-1', status: 'CREATED' });

  beforeEach(() => {
    account = inMemoryOrchestration();
    account.store.putEntity(order);
    account.store.putEntity(fulfilment);
  });

  it('returns a root entity by its type and ref', async () => {
    // Act
    const entity = await getEntity({ entityType: 'ORDER', ref: 'O-1' }, {}, account);

    // Assess
    expect(entity).toEqual(order);
  });

  it('finds a child under the root the query names', async () => {
    // Act
    const entity = await getEntity({ entityType: 'FULFILMENT', ref: 'F-1', rootEntityType: 'ORDER', rootEntityRef: 'O-1' }, {}, account);

    // Assess
    expect(entity).toEqual(fulfilment);
  });

  it('answers NotFoundError (404) for an entity that does not exist', async () => {
    // Act
    const attempt = getEntity({ entityType: 'ORDER', ref: 'O-404' }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NotFoundError for a child asked for without its root', async () => {
    // Act
    const attempt = getEntity({ entityType: 'FULFILMENT', ref: 'F-1' }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
  });

  it('answers NotFoundError for a child asked for under another root', async () => {
    // Prepare
    account.store.putEntity(storedEntity({ ref: 'O-2', rootRef: 'O-2' }));

    // Act
    const attempt = getEntity({ entityType: 'FULFILMENT', ref: 'F-1', rootEntityType: 'ORDER', rootEntityRef: 'O-2' }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
  });
});
