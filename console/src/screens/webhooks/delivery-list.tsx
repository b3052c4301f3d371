import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Table } from '../../components/page';
import { href, navigate } from '../../router';

type Delivery = Schemas['WebhookDelivery'];
type DeliveryStatus = Schemas['WebhookDeliveryStatus'];

const STATUSES: DeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

const lastAttempt = (delivery: Delivery) => delivery.attempts.at(-1);

/** A subscription's messages, newest first, with their attempts; a FAILED one can be tried again now. */
export const DeliveryList = ({ webhookId, status, round }: { webhookId: string; status: string; round: number }) => {
  const filter = STATUSES.find((entry) => entry === status);
  const [pages, setPages] = useState<{ items: Delivery[]; cursor?: string }>();
  const [retried, setRetried] = useState<Record<string, Delivery>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const read = (cursor?: string) =>
    unwrap(api.GET('/v1/webhooks/{webhookId}/deliveries', { params: { path: { webhookId }, query: { status: filter, limit: 25, cursor } } }));
  const first = useLoad(() => {
    setPages(undefined);
    setRetried({});
    return read();
  }, [webhookId, filter, round]);
  const items = [...(first.data?.items ?? []), ...(pages?.items ?? [])].map((delivery) => retried[delivery.messageId] ?? delivery);
  const cursor = pages ? pages.cursor : first.data?.cursor;

  const retry = async (messageId: string) => {
    setBusy(messageId);
    setError(undefined);
    try {
      const after = await unwrap(api.POST('/v1/webhooks/{webhookId}/deliveries/{messageId}/retry', { params: { path: { webhookId, messageId } } }));
      setRetried((previous) => ({ ...previous, [messageId]: after }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const loadMore = async () => {
    try {
      const page = await read(cursor);
      setPages({ items: [...(pages?.items ?? []), ...page.items], cursor: page.cursor });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section class="block" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      <form class="filters" role="search" aria-label="Filter deliveries" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label for="delivery-status">Status</label>
          <select id="delivery-status" value={filter ?? ''} onChange={(event) => navigate(href('webhooks', webhookId, { status: event.currentTarget.value }))}>
            <option value="">Any</option>
            {STATUSES.map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="secondary" onClick={first.reload}>
          Refresh
        </button>
      </form>
      <ErrorBanner error={first.error ?? error} />
      {first.loading && !first.data && <Loading what="deliveries" />}
      {first.data && items.length === 0 && <p>No deliveries{filter ? ` ${filter}` : ''} in the last 30 days.</p>}
      {items.length > 0 && (
        <Table caption="Deliveries">
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Event type</th>
              <th scope="col">Status</th>
              <th scope="col" class="number">Attempts</th>
              <th scope="col">Last attempt</th>
              <th scope="col">Last error</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => {
              const last = lastAttempt(delivery);
              return (
                <tr key={delivery.messageId}>
                  <td>
                    <code>{delivery.messageId}</code>
                  </td>
                  <td>{delivery.eventType}</td>
                  <td>
                    <StatusBadge status={delivery.status} />
                  </td>
                  <td class="number">{delivery.attempts.length}</td>
                  <td>
                    {last ? `${formatTime(last.at)} · ${last.statusCode ?? 'no answer'} · ${last.durationMs} ms` : '—'}
                  </td>
                  <td class="wrap">{last?.error ?? delivery.droppedReason ?? ''}</td>
                  <td>{formatTime(delivery.nextAttemptOn)}</td>
                  <td>{formatTime(delivery.createdOn)}</td>
                  <td>
                    {delivery.status === 'FAILED' && (
                      <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void retry(delivery.messageId)}>
                        {busy === delivery.messageId ? 'Retrying…' : 'Retry'}
                        <span class="visually-hidden"> message {delivery.messageId}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {cursor && (
        <p>
          <button type="button" class="secondary" onClick={() => void loadMore()}>
            Load more deliveries
          </button>
        </p>
      )}
    </section>
  );
};
