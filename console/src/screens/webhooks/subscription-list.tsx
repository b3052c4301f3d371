import { api, unwrap } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page, Table } from '../../components/page';
import { href } from '../../router';

/** The account's subscriptions (or the key's retailer's); the API never shows their secrets again. */
export const SubscriptionList = () => {
  const { data, error, loading } = useLoad(() => unwrap(api.GET('/v1/webhooks')), []);
  return (
    <Page title="Webhooks">
      <ErrorBanner error={error} />
      {loading && !data && <Loading what="webhook subscriptions" />}
      {data && data.items.length === 0 && <p>No webhook subscriptions yet.</p>}
      {data && data.items.length > 0 && (
        <Table caption="Webhook subscriptions">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Events</th>
              <th scope="col">Status</th>
              <th scope="col">Retailer</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((subscription) => (
              <tr key={subscription.webhookId}>
                <td>
                  <a href={href('webhooks', subscription.webhookId)}>{subscription.url}</a>
                  {subscription.description && <div class="muted">{subscription.description}</div>}
                </td>
                <td class="wrap">{subscription.events.join(', ')}</td>
                <td>
                  <StatusBadge status={subscription.status} />
                </td>
                <td>{subscription.retailerId ?? 'every retailer'}</td>
                <td>{formatTime(subscription.createdOn)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
};
