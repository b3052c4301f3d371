import type { Schemas } from '../../api/client';
import { Notice } from '../../components/feedback';

type Order = Schemas['Order'];

/**
 * The customer and where the order goes, exactly as the API returns them: a key without
 * CUSTOMER_READ gets them masked by the API, and the console says so rather than hiding it.
 */
export const OrderCustomer = ({ order, masked }: { order: Order; masked: boolean }) => {
  const { customer, deliveryAddress: address } = order;
  return (
    <section class="card" aria-labelledby="customer-title">
      <h2 id="customer-title">Customer</h2>
      {masked && <Notice>Masked: this key may not read customer data.</Notice>}
      {!customer && !address && !order.pickupLocationRef ? (
        <p class="empty">No customer data on this order.</p>
      ) : (
        <dl class="facts" aria-label="Customer and delivery">
          <dt>Name</dt>
          <dd data-testid="customer-name">{customer?.name ?? '—'}</dd>
          <dt>Email</dt>
          <dd data-testid="customer-email">{customer?.email ?? '—'}</dd>
          {customer?.phone && (
            <>
              <dt>Phone</dt>
              <dd>{customer.phone}</dd>
            </>
          )}
          {address && (
            <>
              <dt>Delivery address</dt>
              <dd data-testid="delivery-address">
                {[address.line1, address.line2, address.city, address.postcode, address.country].filter(Boolean).join(', ')}
                {address.lat !== undefined && address.lon !== undefined && (
                  <div class="muted">
                    {address.lat}, {address.lon}
                  </div>
                )}
              </dd>
            </>
          )}
          {order.pickupLocationRef && (
            <>
              <dt>Pickup at</dt>
              <dd>{order.pickupLocationRef}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
};
