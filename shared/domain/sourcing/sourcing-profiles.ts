import type { SourcingProfileStore } from '../../ports/sourcing-profile-store';
import type { AccountPrincipal } from '../accounts/principal';
import { retailerFor } from '../orchestration/retailer-scope';
import { DEFAULT_SOURCING_PROFILE, type SourcingProfile } from './sourcing-model';

export const putSourcingProfile = async (
  { retailerId, profile }: { retailerId: string; profile: SourcingProfile },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: { profiles: SourcingProfileStore },
) => {
  const retailer = retailerFor(retailerId, scope);
  await deps.profiles.put(retailer, profile);
  return { retailerId: retailer, ...profile };
};

/** A retailer without a profile of its own sources with the default one. */
export const getSourcingProfile = async (
  { retailerId }: { retailerId: string },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: { profiles: SourcingProfileStore },
) => {
  const retailer = retailerFor(retailerId, scope, 'hide');
  const stored = await deps.profiles.get(retailer);
  return { retailerId: retailer, ...(stored ?? DEFAULT_SOURCING_PROFILE), isDefault: !stored };
};
