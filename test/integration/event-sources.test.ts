import type { EventBridgeEvent } from 'aws-lambda';
import { handler as ingestBusEvent } from '../../functions/engine/ingest-bus-event';
import { handler as listEventSources } from '../../functions/event-sources/list-event-sources';
import { handler as registerEventSource } from '../../functions/event-sources/register-event-source';
import { handler as releaseEventSource } from '../../functions/event-sources/release-event-source';
import { invoke, lambdaContext } from '../support/api-gateway-event';
import { busEvent } from '../support/bus-event';
import { peekQueuedEvents } from '../support/events-queue';
import { api, newAccount } from './control-plane-api';
import { orchestrationApi, orderEvent } from './orchestration-api';

const SENDER_AWS = '123456789012';

const sources = {
  register: (apiKey: string, body: unknown) => invoke(registerEventSource, { method: 'POST', resource: '/v1/event-sources', apiKey, body }),
  list: (apiKey: string) => invoke(listEventSources, { method: 'GET', resource: '/v1/event-sources', apiKey }),
  release: (apiKey: string, source: string) =>
    invoke(releaseEventSource, { method: 'DELETE', resource: '/v1/event-sources/{source}', pathParameters: { source }, apiKey }),
};

const ingest = (event: EventBridgeEvent<'ordo.event', unknown>) =>
  ingestBusEvent(event, lambdaContext('ingestBusEvent')) as Promise<{ accepted: boolean; reason?: string }>;

describe('event sources bound to an AWS account and a retailer, on DynamoDB Local', () => {
  const scopedKey = async (adminKey: string, retailerId: string) =>
    (await api.createApiKey(adminKey, { role: 'ADMIN', retailerId })).body.apiKey as string;

  it('accepts a bus event from the registered AWS account and queues it for the owning account', async () => {
    // Prepare
    const account = await newAccount('src-ok');
    const source = `${account.accountId}.shop`;
    await sources.register(account.apiKey, { source, awsAccountId: SENDER_AWS });

    // Act
    const result = await ingest(busEvent(source, SENDER_AWS, orderEvent('CREATE', 'BUS-1', { id: 'bus-ok-1' })));

    // Assess
    expect(result).toMatchObject({ accepted: true, accountId: account.accountId, eventId: 'bus-ok-1' });
    expect((await orchestrationApi.getEvent(account.apiKey, 'bus-ok-1')).body.status).toBe('PENDING');
    expect((await peekQueuedEvents(account.accountId)).map(({ event }) => event.id)).toEqual(['bus-ok-1']);
  });

  it('drops a bus event of a registered source put on the bus by another AWS account, writing and queueing nothing', async () => {
    // Prepare
    const account = await newAccount('src-wrong');
    const source = `${account.accountId}.shop`;
    await sources.register(account.apiKey, { source, awsAccountId: SENDER_AWS });

    // Act
    const result = await ingest(busEvent(source, '999999999999', orderEvent('CREATE', 'BUS-2', { id: 'bus-wrong-1' })));

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'WRONG_AWS_ACCOUNT' });
    expect((await orchestrationApi.getEvent(account.apiKey, 'bus-wrong-1')).status).toBe(404);
    expect(await peekQueuedEvents(account.accountId)).toEqual([]);
  });

  it("drops a bus event of a retailer's source that names another retailer, writing nothing", async () => {
    // Prepare
    const account = await newAccount('src-retailer');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    const source = `${account.accountId}.r2`;
    await sources.register(r2Key, { source, awsAccountId: SENDER_AWS });

    // Act
    const result = await ingest(busEvent(source, SENDER_AWS, orderEvent('CREATE', 'BUS-3', { id: 'bus-r1-1', retailerId: 'r1' })));

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'OTHER_RETAILER' });
    expect((await orchestrationApi.getEvent(account.apiKey, 'bus-r1-1')).status).toBe(404);
  });

  it("lists for a retailer's key only its retailer's sources, and for the account's unscoped key all of them", async () => {
    // Prepare
    const account = await newAccount('src-list');
    const r1Key = await scopedKey(account.apiKey, 'r1');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    await sources.register(account.apiKey, { source: `${account.accountId}.erp`, awsAccountId: SENDER_AWS });
    await sources.register(r1Key, { source: `${account.accountId}.r1`, awsAccountId: SENDER_AWS });
    await sources.register(r2Key, { source: `${account.accountId}.r2`, awsAccountId: SENDER_AWS });

    // Act
    const forR1 = await sources.list(r1Key);
    const forAll = await sources.list(account.apiKey);

    // Assess
    expect(forR1.body.items).toEqual([{ source: `${account.accountId}.r1`, awsAccountId: SENDER_AWS, retailerId: 'r1', claimedOn: expect.any(String) }]);
    expect(forAll.body.items.map(({ source }: { source: string }) => source).sort()).toEqual(
      [`${account.accountId}.erp`, `${account.accountId}.r1`, `${account.accountId}.r2`].sort(),
    );
  });

  it("answers a retailer's key 404 when it releases another retailer's source, which keeps working", async () => {
    // Prepare
    const account = await newAccount('src-release');
    const r1Key = await scopedKey(account.apiKey, 'r1');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    const source = `${account.accountId}.r2`;
    await sources.register(r2Key, { source, awsAccountId: SENDER_AWS });

    // Act
    const response = await sources.release(r1Key, source);

    // Assess
    expect(response.status).toBe(404);
    expect((await sources.list(r2Key)).body.items.map(({ source: listed }: { source: string }) => listed)).toEqual([source]);
  });

  it("refuses a retailer's key taking over another retailer's source with 409", async () => {
    // Prepare
    const account = await newAccount('src-take');
    const r1Key = await scopedKey(account.apiKey, 'r1');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    const source = `${account.accountId}.r2`;
    await sources.register(r2Key, { source, awsAccountId: SENDER_AWS });

    // Act
    const response = await sources.register(r1Key, { source, awsAccountId: '999999999999' });

    // Assess
    expect(response.status).toBe(409);
    expect((await sources.list(r2Key)).body.items).toMatchObject([{ source, awsAccountId: SENDER_AWS, retailerId: 'r2' }]);
  });
});
