/**
 * Data key ids count up per account: `dk1` is the first key, which also opens every value
 * sealed before values carried a key id.
 */
export const FIRST_DATA_KEY_ID = 'dk1';

export const nextDataKeyId = (current: string | undefined): string => {
  const counter = current ? /^dk(\d+)$/.exec(current)?.[1] : undefined;
  if (current && !counter) throw new Error(`Data key id ${current} is not one Ordo makes`);
  return counter ? `dk${Number(counter) + 1}` : FIRST_DATA_KEY_ID;
};
