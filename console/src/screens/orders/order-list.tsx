import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from '../../app';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, StatusBadge } from '../../components/feedback';
import { Page, Table } from '../../components/page';
import { usePages } from '../../components/pages';
import { href, navigate } from '../../router';
import { may, type Account } from '../../session';
import { ORDER_STATUSES } from './order-statuses';
import { RetailerOptions } from './retailer-options';

type OrderSummary = Schemas['OrderSummary'];

interface OrderFilters {
  status: string;
  retailerId: string;
  ref: string;
}

const filtersOf = (query: URLSearchParams): OrderFilters => ({
  status: query.get('status') ?? '',
  retailerId: query.get('retailerId') ?? '',
  ref: query.get('ref') ?? '',
});

/** A ref search reads through the newest orders page by page: follow a few empty pages before showing one. */
const SEARCH_PAGES = 20;

const loadOrders = async (filters: OrderFilters, cursor?: string) => {
  let page: { items: OrderSummary[]; cursor?: string } = { items: [], cursor };
  for (let read = 0; read < SEARCH_PAGES; read += 1) {
    page = await unwrap(
      api.GET('/v1/orders', {
        params: {
          query: {
            status: filters.status || undefined,
            retailerId: filters.retailerId || undefined,
            ref: filters.ref || undefined,
            cursor: page.cursor,
          },
        },
      }),
    );
    if (page.items.length > 0 || !page.cursor) break;
  }
  return page;
};

const Filters = ({ initial, account }: { initial: OrderFilters; account: Account }) => {
  const [filters, setFilters] = useState(initial);
  useEffect(() => setFilters(initial), [initial.status, initial.retailerId, initial.ref]);
  const set = (field: keyof OrderFilters) => (event: Event) =>
    setFilters({ ...filters, [field]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter orders"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(href('orders', { ...filters, ref: filters.ref.trim(), retailerId: filters.retailerId.trim() }));
      }}
    >
      <div>
        <label for="order-ref">Order ref begins with</label>
        <input id="order-ref" type="search" value={filters.ref} onInput={set('ref')} spellcheck={false} autoComplete="off" />
      </div>
      <div>
        <label for="order-status">Status</label>
        <select id="order-status" value={filters.status} onChange={set('status')}>
          <option value="">Any status</option>
          {[...new Set([...ORDER_STATUSES, ...(filters.status ? [filters.status] : [])])].map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      {!account.retailerId && (
        <div>
          <label for="order-retailer">Retailer</label>
          <input id="order-retailer" list="order-retailers" value={filters.retailerId} onInput={set('retailerId')} placeholder="All retailers" />
          {may(account, 'WORKFLOW_READ') && <RetailerOptions id="order-retailers" />}
        </div>
      )}
      <button type="submit">Search</button>
      <a href={href('orders')}>Clear</a>
    </form>
  );
};

const OrderRows = ({ orders }: { orders: OrderSummary[] }) => (
  <Table caption="Orders">
    <thead>
      <tr>
        <th scope="col">Ref</th>
        <th scope="col">Retailer</th>
        <th scope="col">Type</th>
        <th scope="col">Status</th>
        <th scope="col" class="number">
          Lines
        </th>
        <th scope="col">Created</th>
        <th scope="col">Updated</th>
      </tr>
    </thead>
    <tbody>
      {orders.map((order) => (
        <tr key={`${order.retailerId}/${order.ref}`}>
          <td>
            <a href={href('orders', order.ref, { retailerId: order.retailerId })}>{order.ref}</a>
          </td>
          <td>{order.retailerId}</td>
          <td>{order.type}</td>
          <td>
            <StatusBadge status={order.status} />
          </td>
          <td class="number">{order.lineCount}</td>
          <td>{formatTime(order.createdOn)}</td>
          <td>{formatTime(order.updatedOn)}</td>
        </tr>
      ))}
    </tbody>
  </Table>
);

/** Orders, newest first, filtered by the hash query so a link or a reload keeps the filters. */
export const OrderList = ({ account, route }: ScreenProps) => {
  const filters = filtersOf(route.query);
  const pages = usePages((cursor) => loadOrders(filters, cursor), [filters.status, filters.retailerId, filters.ref]);
  const filtered = Boolean(filters.status || filters.retailerId || filters.ref);

  return (
    <Page title="Orders">
      <Filters initial={filters} account={account} />
      <ErrorBanner error={pages.error} />
      {pages.items.length > 0 && <OrderRows orders={pages.items} />}
      {pages.loading && <Loading what="orders" />}
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p class="empty">{filtered ? 'No orders match these filters.' : 'No orders yet.'}</p>
      )}
      {pages.more && !pages.loading && (
        <p>
          <button type="button" class="secondary" onClick={pages.loadMore}>
            Load more
          </button>
        </p>
      )}
    </Page>
  );
};
