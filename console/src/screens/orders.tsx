import type { ScreenProps } from '../app';
import { OrderList } from './orders/order-list';
import { OrderPage } from './orders/order-page';

/** `#/orders` lists the orders; `#/orders/<ref>?retailerId=…` opens one. */
export const OrdersScreen = ({ account, route }: ScreenProps) => {
  const orderRef = route.segments[1];
  return orderRef ? (
    <OrderPage key={orderRef} account={account} orderRef={orderRef} retailerId={route.query.get('retailerId') ?? undefined} />
  ) : (
    <OrderList account={account} route={route} />
  );
};
