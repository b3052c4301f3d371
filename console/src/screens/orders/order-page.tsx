import { useState } from 'preact/hooks';
import type { Account } from '../../session';
import { may } from '../../session';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page } from '../../components/page';
import { href } from '../../router';
import { OrderActions } from './order-actions';
import { OrderCustomer } from './order-customer';
import { OrderFulfilments } from './order-fulfilments';
import { OrderLines } from './order-lines';
import { OrderTimeline } from './order-timeline';

/**
 * One order: its summary, the actions open to it, lines, fulfilments with their reservations,
 * the customer and the timeline. Posting an action bumps `round`, which reads everything again.
 */
export const OrderPage = ({ account, orderRef, retailerId }: { account: Account; orderRef: string; retailerId?: string }) => {
  const [round, setRound] = useState(0);
  const { data: order, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/orders/{ref}', { params: { path: { ref: orderRef }, query: { retailerId } } })),
    [orderRef, retailerId, round],
  );

  return (
    <Page title={`Order ${orderRef}`} actions={<a href={href('orders')}>All orders</a>}>
      <ErrorBanner error={error} />
      {loading && !order && <Loading what="the order" />}
      {order && (
        <>
          <div class="grid">
            <section class="card" aria-labelledby="summary-title">
              <h2 id="summary-title">Summary</h2>
              <dl class="facts">
                <dt>Status</dt>
                <dd data-testid="order-status">
                  <StatusBadge status={order.status} />
                </dd>
                <dt>Type</dt>
                <dd>{order.type ?? '—'}</dd>
                <dt>Retailer</dt>
                <dd>{order.retailerId}</dd>
                <dt>Workflow version</dt>
                <dd>{order.workflowVersion}</dd>
                <dt>Created</dt>
                <dd>{formatTime(order.createdOn)}</dd>
                <dt>Updated</dt>
                <dd>{formatTime(order.updatedOn)}</dd>
              </dl>
              <p>
                <a href={href('events', { rootEntityRef: order.ref })}>Events of this order</a>
              </p>
            </section>
            <OrderCustomer order={order} masked={!may(account, 'CUSTOMER_READ')} />
          </div>
          {may(account, 'EVENT_CREATE') && <OrderActions order={order} round={round} onPosted={() => setRound((n) => n + 1)} />}
          <OrderLines lines={order.lines} />
          <OrderFulfilments order={order} round={round} />
          <OrderTimeline orderRef={order.ref} retailerId={order.retailerId} round={round} />
        </>
      )}
    </Page>
  );
};
