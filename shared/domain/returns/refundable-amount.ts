import type { ReturnLine } from './return-order';

/**
 * What the payment system refunds for these lines: qty × unitPrice of each. Rounded to a millionth
 * to shed the binary fractions of summed prices, never to a currency's minor unit, which differs
 * between currencies and is the payment system's to apply.
 */
export const refundableAmount = (lines: readonly Pick<ReturnLine, 'qty' | 'unitPrice'>[]): number =>
  Math.round(lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0) * 1e6) / 1e6;
