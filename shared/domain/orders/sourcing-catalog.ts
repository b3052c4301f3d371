import type { SourcingLocation, SourcingProfile } from '../sourcing/model';

/**
 * What the SourceOrder rule reads besides stock, handed to rules as `ctx.services.sourcing`.
 * Stock comes from `ctx.services.inventory`, which shows the execution's own reservations.
 */
export interface SourcingCatalog {
  profile(retailerId: string): Promise<SourcingProfile>;
  locations(): Promise<SourcingLocation[]>;
}

export const sourcingCatalogOf = (services: Record<string, unknown>): SourcingCatalog => {
  const catalog = services.sourcing as SourcingCatalog | undefined;
  if (!catalog) throw new Error('The engine was built without the sourcing service');
  return catalog;
};
