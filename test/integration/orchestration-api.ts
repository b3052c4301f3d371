import { handler as getEntity } from '../../functions/entities/get-entity';
import { handler as getEvent } from '../../functions/events/get-event';
import { handler as listEvents } from '../../functions/events/list-events';
import { handler as postEvent } from '../../functions/events/post-event';
import { handler as postEventDryRun } from '../../functions/events/post-event-dry-run';
import { handler as postEventSync } from '../../functions/events/post-event-sync';
import { handler as retryEvent } from '../../functions/events/retry-event';
import { handler as getWorkflow } from '../../functions/workflows/get-workflow';
import { handler as getWorkflowDiagram } from '../../functions/workflows/get-workflow-diagram';
import { handler as listWorkflows } from '../../functions/workflows/list-workflows';
import { handler as putWorkflow } from '../../functions/workflows/put-workflow';
import { invoke } from '../support/api-gateway-event';

/** The orchestration routes, called in-process against DynamoDB Local. */
export const orchestrationApi = {
  putWorkflow: (apiKey: string, entityType: string, subtype: string, body: unknown) =>
    invoke(putWorkflow, {
      method: 'PUT',
      resource: '/v1/workflows/{entityType}/{subtype}',
      pathParameters: { entityType, subtype },
      apiKey,
      body,
    }),
  getWorkflow: (apiKey: string, entityType: string, subtype: string, query: Record<string, string>) =>
    invoke(getWorkflow, {
      method: 'GET',
      resource: '/v1/workflows/{entityType}/{subtype}',
      pathParameters: { entityType, subtype },
      query,
      apiKey,
    }),
  listWorkflows: (apiKey: string, query: Record<string, string> = {}) => invoke(listWorkflows, { method: 'GET', resource: '/v1/workflows', query, apiKey }),
  getWorkflowDiagram: (apiKey: string, entityType: string, subtype: string, query: Record<string, string>) =>
    invoke(getWorkflowDiagram, {
      method: 'GET',
      resource: '/v1/workflows/{entityType}/{subtype}/diagram',
      pathParameters: { entityType, subtype },
      query,
      apiKey,
    }),
  postEvent: (apiKey: string, body: unknown) => invoke(postEvent, { method: 'POST', resource: '/v1/events', apiKey, body }),
  postEventSync: (apiKey: string, body: unknown) =>
    invoke(postEventSync, { method: 'POST', resource: '/v1/events/sync', apiKey, body }),
  dryRun: (apiKey: string, body: unknown) =>
    invoke(postEventDryRun, { method: 'POST', resource: '/v1/events/dry-run', apiKey, body }),
  getEvent: (apiKey: string, eventId: string, query: Record<string, string> = {}) =>
    invoke(getEvent, { method: 'GET', resource: '/v1/events/{eventId}', pathParameters: { eventId }, query, apiKey }),
  retryEvent: (apiKey: string, eventId: string, query: Record<string, string> = {}) =>
    invoke(retryEvent, { method: 'POST', resource: '/v1/events/{eventId}/retry', pathParameters: { eventId }, query, apiKey }),
  listEvents: (apiKey: string, query: Record<string, string>) =>
    invoke(listEvents, { method: 'GET', resource: '/v1/events', query, apiKey }),
  getEntity: (apiKey: string, entityType: string, ref: string, query: Record<string, string> = {}) =>
    invoke(getEntity, { method: 'GET', resource: '/v1/entities/{entityType}/{ref}', pathParameters: { entityType, ref }, query, apiKey }),
};

/** Two statuses, CREATED → BOOKED on BOOK. */
export const twoStatusWorkflow = (retailerId = 'r1') => ({
  retailerId,
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'order received' } }] },
    {
      name: 'BOOK',
      type: 'ORDER',
      triggers: [{ status: 'CREATED' }],
      rules: [{ name: 'ordo.core.SetState', props: { status: 'BOOKED' } }],
    },
  ],
});

export const orderEvent = (name: string, ref: string, extra: Record<string, unknown> = {}) => ({
  name,
  retailerId: 'r1',
  entityType: 'ORDER',
  entitySubtype: 'HD',
  entityRef: ref,
  ...extra,
});
