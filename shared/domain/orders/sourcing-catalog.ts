import type { SourcingSource } from '../sourcing/sourcing-inputs';

/**
 * What the SourceOrder rule reads besides stock, handed to rules as `ctx.services.sourcing`.
 * Stock comes from `ctx.services.inventory`, which shows the execution's own reservations.
 */
export type SourcingCatalog = Pick<SourcingSource, 'profile' | 'locations'>;

export const sourcingCatalogOf = (services: Record<string, unknown>): SourcingCatalog => {
  const catalog = services.sourcing as SourcingCatalog | undefined;
  if (!catalog) throw new Error('The engine was built without the sourcing service');
  return catalog;
};
