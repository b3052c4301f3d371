import { breakingChanges } from '../../../scripts/contract/contract-changes';
import { changedContract, releasedContract } from './fixtures/contract-documents';

describe('breakingChanges', () => {
  it('finds nothing breaking between a contract and itself', () => {
    // Act
    const breaking = breakingChanges(releasedContract(), releasedContract());

    // Assess
    expect(breaking).toEqual([]);
  });

  it('calls a removed operation breaking, with the JSON path of what went', () => {
    // Prepare
    const after = changedContract((contract) => {
      delete (contract.paths as Partial<typeof contract.paths>)['/v1/orders/{ref}'];
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toEqual([expect.objectContaining({ action: 'remove', path: 'paths./v1/orders/{ref}.get' })]);
  });

  it('calls a request field made required breaking', () => {
    // Prepare
    const after = changedContract((contract) => contract.components.schemas.NewOrder.required.push('note'));

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking.map((change) => change.path)).toEqual(['paths./v1/orders.post.requestBody.content.application/json.schema.required.1']);
  });

  it('calls a field removed from a response breaking, in every operation that answers it', () => {
    // Prepare
    const after = changedContract((contract) => {
      const order = contract.components.schemas.Order;
      order.required = ['ref'];
      delete (order.properties as Partial<typeof order.properties>).status;
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking.map((change) => change.path)).toEqual(
      expect.arrayContaining([
        'paths./v1/orders/{ref}.get.responses.200.content.application/json.schema.properties.status',
        'paths./v1/orders.post.responses.201.content.application/json.schema.properties.status',
      ]),
    );
  });

  it('calls a value added to a response enum breaking, as a client may not know what to do with it', () => {
    // Prepare
    const after = changedContract((contract) => contract.components.schemas.Order.properties.status.enum.push('STUCK'));

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking.map((change) => change.path)).toContain('paths./v1/orders/{ref}.get.responses.200.content.application/json.schema.properties.status.enum.2');
  });

  it('calls a field removed from a webhook message breaking, at its place under webhooks', () => {
    // Prepare
    const after = changedContract((contract) => {
      const schema = contract.webhooks['order.created'].post.requestBody.content['application/json'].schema;
      schema.required = ['type'];
      delete (schema.properties as Partial<typeof schema.properties>).data;
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toContainEqual(
      expect.objectContaining({
        path: 'webhooks.order.created.post.requestBody.content.application/json.schema.properties.data',
        description: expect.stringContaining('order.created webhook message'),
      }),
    );
  });

  it('calls a removed webhook type breaking', () => {
    // Prepare
    const after = changedContract((contract) => {
      delete (contract.webhooks as Partial<typeof contract.webhooks>)['order.created'];
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toEqual([expect.objectContaining({ action: 'remove', description: '[Removed] webhook order.created' })]);
  });

  it('calls an added optional request field not breaking', () => {
    // Prepare
    const after = changedContract((contract) => {
      Object.assign(contract.components.schemas.NewOrder.properties, { channel: { type: 'string' } });
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toEqual([]);
  });

  it('calls an added path not breaking', () => {
    // Prepare
    const after = changedContract((contract) => {
      Object.assign(contract.paths, { '/v1/health': { get: { operationId: 'health', responses: { '200': { description: 'Up.' } } } } });
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toEqual([]);
  });

  it('calls a field added to a response or a webhook message not breaking', () => {
    // Prepare
    const after = changedContract((contract) => {
      Object.assign(contract.components.schemas.Order.properties, { channel: { type: 'string' } });
      Object.assign(contract.webhooks['order.created'].post.requestBody.content['application/json'].schema.properties, { timestamp: { type: 'string' } });
    });

    // Act
    const breaking = breakingChanges(releasedContract(), after);

    // Assess
    expect(breaking).toEqual([]);
  });
});
