/**
 * How customer data looks to a key without CUSTOMER_READ: enough to recognise a record on
 * the phone with its customer, not enough to contact or find them.
 */

/** Each word's first letter, then `***`: `Ada Lovelace` → `A*** L***`. Names and address lines alike. */
export const maskWords = (value: string): string =>
  value
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}***`)
    .join(' ');

/** The first letter of the mailbox and the whole domain: `ada@example.com` → `a***@example.com`. */
export const maskEmail = (value: string): string => {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskWords(value);
  return `${[...value][0]}***${value.slice(at)}`;
};

/** The first and last three characters, every other one starred: `+441234567890` → `+44*******890`. */
export const maskPhone = (value: string): string => {
  const characters = [...value];
  if (characters.length <= 6) return '*'.repeat(characters.length);
  return [...characters.slice(0, 3), ...characters.slice(3, -3).map(() => '*'), ...characters.slice(-3)].join('');
};
