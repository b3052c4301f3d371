import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Table } from '../../components/page';

type Order = Schemas['Order'];
type Reservation = NonNullable<Schemas['Entity']['reservations']>[number];

/**
 * Reservations are held by the fulfilments (the order's sourcing reserves stock for each one), and
 * only the entity view carries them: GET /v1/entities/FULFILMENT/{ref} under the order's root.
 */
const loadReservations = async (order: Order): Promise<Map<string, Reservation[]>> => {
  const entities = await Promise.all(
    order.fulfilments.map((fulfilment) =>
      unwrap(
        api.GET('/v1/entities/{entityType}/{ref}', {
          params: {
            path: { entityType: 'FULFILMENT', ref: fulfilment.ref },
            query: { rootEntityType: 'ORDER', rootEntityRef: order.ref, retailerId: order.retailerId },
          },
        }),
      ),
    ),
  );
  return new Map(entities.map((entity) => [entity.ref, entity.reservations ?? []]));
};

const quantities = (items: { skuRef: string; qty: number; locationRef?: string }[]) =>
  items.map((item) => `${item.qty} × ${item.skuRef}`).join(', ');

/** Where the order is being fulfilled from: each fulfilment's status, location, lines and the stock it holds. */
export const OrderFulfilments = ({ order, round }: { order: Order; round: number }) => {
  const reservations = useLoad(() => loadReservations(order), [order.ref, order.retailerId, order.fulfilments.length, round]);
  return (
    <section aria-labelledby="fulfilments-title">
      <h2 id="fulfilments-title">Fulfilments and reservations</h2>
      {order.fulfilments.length === 0 ? (
        <p class="empty">No fulfilments yet: the order has not been sourced.</p>
      ) : (
        <Table caption="Fulfilments">
          <thead>
            <tr>
              <th scope="col">Fulfilment</th>
              <th scope="col">Status</th>
              <th scope="col">Location</th>
              <th scope="col" class="number">
                Distance
              </th>
              <th scope="col">Lines</th>
              <th scope="col">Reserved</th>
            </tr>
          </thead>
          <tbody>
            {order.fulfilments.map((fulfilment) => {
              const held = reservations.data?.get(fulfilment.ref);
              return (
                <tr key={fulfilment.ref}>
                  <td>{fulfilment.ref}</td>
                  <td>
                    <StatusBadge status={fulfilment.status} />
                  </td>
                  <td>{fulfilment.locationRef}</td>
                  <td class="number">{fulfilment.distanceKm.toFixed(1)} km</td>
                  <td class="wrap">{quantities(fulfilment.lines)}</td>
                  <td class="wrap">{held === undefined ? '…' : held.length === 0 ? 'None' : quantities(held)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <ErrorBanner error={reservations.error} />
    </section>
  );
};
