import { newAccount } from '../integration/control-plane-api';
import { RETAILER as SHOP } from '../integration/orders-api';
import { orchestrationApi as api } from '../integration/orchestration-api';
import { webhooksApi } from '../integration/webhooks-api';
import type { ApiResponse } from '../support/api-gateway-event';

/** An account of the run, with the roots (orders) its events go to; every ref starts with the account's id. */
export interface ChaosAccount {
  accountId: string;
  apiKey: string;
  roots: string[];
}

/** One thing the run sends to the API: the id of the event it makes, and the call, which gives the API's answer. */
export interface Post {
  account: ChaosAccount;
  id: string;
  kind: 'status' | 'order' | 'fulfilment' | 'cancel';
  send(): Promise<ApiResponse>;
}

export const RETAILER = 'r1';

/** The webhook each successful BOOK sends (one message per BOOK applied). */
export const BOOKED_WEBHOOK = 'order.booked';

/** Events the workflow sends itself: PING to another root after each UNBOOK, TICK a second after each BOOK. */
export const DERIVED_EVENTS: Record<string, string> = { PING: 'UNBOOK', TICK: 'BOOK' };

const logOnly = (name: string) => ({ name, type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: `${name} received` } }] });

/**
 * Orders that go back and forth between CREATED and BOOKED: every event after CREATE moves its order, so an
 * order's version counts exactly the status events applied to it (CREATE writes version 1, each move adds one).
 * Each BOOK also sends a webhook (through the outbox) and schedules a TICK to itself a second later (released by the
 * sweep of scheduled events); each UNBOOK sends a PING to another root, `pingRef` (through the outbox and the relay).
 * PING and TICK only log: they move nothing.
 */
export const backAndForthWorkflow = (pingRef: string) => ({
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    logOnly('CREATE'),
    {
      name: 'BOOK',
      type: 'ORDER',
      triggers: [{ status: 'CREATED' }],
      rules: [
        { name: 'ordo.core.SetState', props: { status: 'BOOKED' } },
        { name: 'ordo.core.SendWebhook', props: { eventType: BOOKED_WEBHOOK } },
        { name: 'ordo.core.SendEvent', props: { eventName: 'TICK', delaySeconds: 1 } },
      ],
    },
    {
      name: 'UNBOOK',
      type: 'ORDER',
      triggers: [{ status: 'BOOKED' }],
      rules: [
        { name: 'ordo.core.SetState', props: { status: 'CREATED' } },
        { name: 'ordo.core.SendEvent', props: { eventName: 'PING', target: { entityType: 'ORDER', entityRef: pingRef } } },
      ],
    },
    logOnly('PING'),
    logOnly('TICK'),
  ],
});

/** The accounts, each with its workflow, its share of the roots and a subscription of `webhookUrl` to BOOKED_WEBHOOK. */
export const chaosAccounts = (accounts: number, roots: number, webhookUrl: string): Promise<ChaosAccount[]> =>
  // Each account on its own, all at once: setup is waiting on the emulators, not work the run measures.
  Promise.all(
    Array.from({ length: accounts }, async (_, a) => {
      const { accountId, apiKey } = await newAccount(`chaos${a}`, { retailers: [RETAILER, SHOP] });
      // A root of its own: a PING sent to the root that sent it would run inline, in the same execution.
      const pingRef = `${accountId}.PINGED`;
      const put = await api.putWorkflow(apiKey, 'ORDER', 'HD', backAndForthWorkflow(pingRef));
      if (put.status >= 300) throw new Error(`workflow not stored for ${accountId}: ${put.raw}`);
      const pinged = await api.postEventSync(apiKey, { id: `${pingRef}.e0`, name: 'CREATE', retailerId: RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: pingRef });
      if (pinged.status !== 200) throw new Error(`pinged order not created for ${accountId}: ${pinged.raw}`);
      const subscribed = await webhooksApi.create(apiKey, { url: webhookUrl, events: [BOOKED_WEBHOOK] });
      if (subscribed.status !== 201) throw new Error(`webhook not subscribed for ${accountId}: ${subscribed.raw}`);
      const share = Math.floor(roots / accounts) + (a < roots % accounts ? 1 : 0);
      return { accountId, apiKey, roots: Array.from({ length: share }, (_, r) => `${accountId}.O${r}`) };
    }),
  );

/** One status event (CREATE, BOOK, UNBOOK) of one order of the back-and-forth workflow, through POST /v1/events. */
const statusPost = (account: ChaosAccount, ref: string, id: string, name: string): Post => ({
  account,
  id,
  kind: 'status',
  send: () => api.postEvent(account.apiKey, { id, name, retailerId: RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref }),
});

/**
 * The events in waves: wave w holds event w of every root (CREATE, then BOOK and UNBOOK in turn), so posting a
 * wave only after the one before keeps each root's events in order, while the roots of a wave interleave.
 */
export const eventWaves = (accounts: ChaosAccount[], events: number): Post[][] => {
  const roots = accounts.flatMap((account) => account.roots.map((ref) => ({ account, ref })));
  const waves: Post[][] = [];
  for (let n = 0; n < events; n++) {
    const w = Math.floor(n / roots.length);
    const { account, ref } = roots[n % roots.length];
    const name = w === 0 ? 'CREATE' : w % 2 === 1 ? 'BOOK' : 'UNBOOK';
    (waves[w] ??= []).push(statusPost(account, ref, `${ref}.e${w}`, name));
  }
  return waves;
};
