import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, Notice, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page } from '../../components/page';
import { href } from '../../router';
import { DeliveryList } from './delivery-list';

/** One subscription: what it sends where, a test message on demand, and its deliveries. */
export const SubscriptionPage = ({ webhookId, status }: { webhookId: string; status: string }) => {
  const path = { webhookId };
  const subscription = useLoad(() => unwrap(api.GET('/v1/webhooks/{webhookId}', { params: { path } })), [webhookId]);
  const [tested, setTested] = useState<Schemas['WebhookDelivery']>();
  const [testError, setTestError] = useState<unknown>();
  const [testing, setTesting] = useState(false);
  // A new round makes the deliveries read again, so the test message shows there too.
  const [round, setRound] = useState(0);

  const sendTest = async () => {
    setTesting(true);
    setTested(undefined);
    setTestError(undefined);
    try {
      setTested(await unwrap(api.POST('/v1/webhooks/{webhookId}/test', { params: { path } })));
      setRound((n) => n + 1);
    } catch (failure) {
      setTestError(failure);
    } finally {
      setTesting(false);
    }
  };

  const shown = subscription.data;
  return (
    <Page
      title="Webhook subscription"
      actions={
        <button type="button" onClick={() => void sendTest()} disabled={testing || !shown}>
          {testing ? 'Sending…' : 'Send test'}
        </button>
      }
    >
      <p>
        <a href={href('webhooks')}>← All subscriptions</a>
      </p>
      <ErrorBanner error={subscription.error ?? testError} />
      {tested && (
        <Notice>
          Test message <code>{tested.messageId}</code>: <StatusBadge status={tested.status} />
          {tested.attempts.at(-1)?.statusCode !== undefined && ` (answered ${tested.attempts.at(-1)?.statusCode})`}
          {tested.attempts.at(-1)?.error && ` ${tested.attempts.at(-1)?.error}`}
        </Notice>
      )}
      {subscription.loading && !shown && <Loading what="the subscription" />}
      {shown && (
        <div class="card">
          <dl class="facts">
            <dt>Endpoint</dt>
            <dd>
              <code>{shown.url}</code>
            </dd>
            <dt>Events</dt>
            <dd>{shown.events.join(', ')}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={shown.status} />
            </dd>
            <dt>Retailer</dt>
            <dd>{shown.retailerId ?? 'every retailer'}</dd>
            <dt>Customer data</dt>
            <dd>{shown.includeCustomer ? 'in clear' : 'masked'}</dd>
            {shown.description && (
              <>
                <dt>Description</dt>
                <dd>{shown.description}</dd>
              </>
            )}
            <dt>Created</dt>
            <dd>{formatTime(shown.createdOn)}</dd>
            <dt>Id</dt>
            <dd>
              <code>{shown.webhookId}</code>
            </dd>
          </dl>
        </div>
      )}
      {shown && <DeliveryList webhookId={webhookId} status={status} round={round} />}
    </Page>
  );
};
