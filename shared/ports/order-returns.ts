/**
 * Which returns were opened against an order, so the order can list them and a new return can
 * count what earlier ones take back, with one read of the order's own list and no scan.
 */
export interface OrderReturns {
  /** Notes the return against the order; noting it again changes nothing. */
  add(retailerId: string, orderRef: string, returnRef: string): Promise<void>;
  /** The refs of the returns noted against the order, sorted. */
  list(retailerId: string, orderRef: string): Promise<string[]>;
}
