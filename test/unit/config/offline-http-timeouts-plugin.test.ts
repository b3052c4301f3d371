import { API_GATEWAY_LIMIT_SECONDS, raiseHttpTimeouts, type ServerlessFunctionTimeout } from '../../../infra/plugins/offline-http-timeouts';

const functions = (): Record<string, ServerlessFunctionTimeout> => ({
  createOrder: { events: [{ http: { path: '/v1/orders', method: 'post' } }] },
  getEvent: { timeout: 28, events: [{ http: { path: '/v1/events/{eventId}', method: 'get' } }] },
  importInventoryFiles: { timeout: 300, events: [{ http: { path: '/v1/imports', method: 'post' } }] },
  processQueuedEvents: { timeout: 50, events: [{ sqs: { arn: 'arn' } }] },
});

describe('the offline-http-timeouts serverless plugin', () => {
  it("gives an HTTP function that takes the provider's timeout API Gateway's limit instead", () => {
    // Prepare
    const fns = functions();

    // Act
    raiseHttpTimeouts(fns, 10);

    // Assess
    expect(fns.createOrder?.timeout).toBe(API_GATEWAY_LIMIT_SECONDS);
    expect(fns.getEvent?.timeout).toBe(API_GATEWAY_LIMIT_SECONDS);
  });

  it('keeps a longer timeout an HTTP function declares', () => {
    // Prepare
    const fns = functions();

    // Act
    raiseHttpTimeouts(fns, 10);

    // Assess
    expect(fns.importInventoryFiles?.timeout).toBe(300);
  });

  it('leaves functions without an http event alone', () => {
    // Prepare
    const fns = functions();

    // Act
    raiseHttpTimeouts(fns, 10);

    // Assess
    expect(fns.processQueuedEvents?.timeout).toBe(50);
  });
});
