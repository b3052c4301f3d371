import type { Schemas } from '../../api/client';
import { Table } from '../../components/page';

type OrderLine = Schemas['OrderLine'];

const money = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
};

/** What is still ordered and what was cancelled, with each line's total and the order's total per currency. */
export const OrderLines = ({ lines }: { lines: OrderLine[] }) => {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.qty * line.unitPrice);
  return (
    <section aria-labelledby="lines-title">
      <h2 id="lines-title">Lines</h2>
      <Table caption="Order lines">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">
              Qty
            </th>
            <th scope="col" class="number">
              Cancelled
            </th>
            <th scope="col" class="number">
              Unit price
            </th>
            <th scope="col" class="number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.lineRef}>
              <td>{line.lineRef}</td>
              <td>{line.skuRef}</td>
              <td class="number">{line.qty}</td>
              <td class="number">{line.cancelledQty ?? 0}</td>
              <td class="number">{money(line.unitPrice, line.currency)}</td>
              <td class="number">{money(line.qty * line.unitPrice, line.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {[...totals].map(([currency, total]) => (
            <tr key={currency}>
              <th scope="row" colSpan={5} class="number">
                Order total
              </th>
              <td class="number">{money(total, currency)}</td>
            </tr>
          ))}
        </tfoot>
      </Table>
    </section>
  );
};
