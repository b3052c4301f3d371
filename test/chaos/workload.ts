import { newAccount } from '../integration/control-plane-api';
import { RETAILER as SHOP } from '../integration/orders-api';
import { orchestrationApi as api } from '../integration/orchestration-api';
import { webhooksApi } from '../integration/webhooks-api';

/** An account of the run, with the roots (orders) its events go to; every ref starts with the account's id. */
export interface ChaosAccount {
  accountId: string;
  apiKey: string;
  roots: string[];
}

/** One thing the run sends to the API: the id of the event it makes, and the call; `send` is true when accepted. */
export interface Post {
  account: ChaosAccount;
  id: string;
  kind: 'status' | 'order' | 'fulfilment';
  send(): Promise<boolean>;
}

export const RETAILER = 'r1';

/** The webhook each successful BOOK sends (one message per BOOK applied). */
export const BOOKED_WEBHOOK = 'order.booked';

/**
 * Orders that go back and forth between CREATED and BOOKED: every event after CREATE moves its order, so an
 * order's version counts exactly the events applied to it (CREATE writes version 1, each move adds one). Each
 * BOOK also sends a webhook, through the outbox.
 */
export const backAndForthWorkflow = {
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'order received' } }] },
    {
      name: 'BOOK',
      type: 'ORDER',
      triggers: [{ status: 'CREATED' }],
      rules: [
        { name: 'ordo.core.SetState', props: { status: 'BOOKED' } },
        { name: 'ordo.core.SendWebhook', props: { eventType: BOOKED_WEBHOOK } },
      ],
    },
    { name: 'UNBOOK', type: 'ORDER', triggers: [{ status: 'BOOKED' }], rules: [{ name: 'ordo.core.SetState', props: { status: 'CREATED' } }] },
  ],
};

/** The accounts, each with its workflow, its share of the roots and a subscription of `webhookUrl` to BOOKED_WEBHOOK. */
export const chaosAccounts = async (accounts: number, roots: number, webhookUrl: string): Promise<ChaosAccount[]> => {
  const made: ChaosAccount[] = [];
  for (let a = 0; a < accounts; a++) {
    const { accountId, apiKey } = await newAccount(`chaos${a}`, { retailers: [RETAILER, SHOP] });
    const put = await api.putWorkflow(apiKey, 'ORDER', 'HD', backAndForthWorkflow);
    if (put.status >= 300) throw new Error(`workflow not stored for ${accountId}: ${put.raw}`);
    const subscribed = await webhooksApi.create(apiKey, { url: webhookUrl, events: [BOOKED_WEBHOOK] });
    if (subscribed.status !== 201) throw new Error(`webhook not subscribed for ${accountId}: ${subscribed.raw}`);
    const share = Math.floor(roots / accounts) + (a < roots % accounts ? 1 : 0);
    made.push({ accountId, apiKey, roots: Array.from({ length: share }, (_, r) => `${accountId}.O${r}`) });
  }
  return made;
};

/** One status event (CREATE, BOOK, UNBOOK) of one order of the back-and-forth workflow, through POST /v1/events. */
const statusPost = (account: ChaosAccount, ref: string, id: string, name: string): Post => ({
  account,
  id,
  kind: 'status',
  send: async () => {
    const response = await api.postEvent(account.apiKey, { id, name, retailerId: RETAILER, entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref });
    return response.status === 202;
  },
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
