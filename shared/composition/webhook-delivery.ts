import type { WebhookDispatch } from '../ports/webhook-dispatch';

const noDispatch: WebhookDispatch = { dispatch: async () => undefined };

/** Hands the account's outbound events to its webhook subscriptions. None are delivered yet. */
export const webhookDispatchOf = (_accountId: string): WebhookDispatch => noDispatch;
