import { loadSettings, type Settings } from '../../shared/composition/settings';
import { operatorKeyHashOf } from '../../shared/domain/accounts/operator-key-hash';
import { InMemoryAccountProfileStore, InMemoryAccountTables } from './account-tables';
import { ManualClock } from './clock';
import { InMemoryControlPlaneStore } from './control-plane-store';
import { FixedDataKeys } from './data-keys';
import { InMemoryEventSourceRegistry } from './event-sources';
import { InMemoryRoleStore } from './roles';

/** Every part of the control plane, in memory; it also serves as the authentication parts. */
export interface FakeDependencies {
  settings: Settings;
  stage: string;
  dataKeys: FixedDataKeys;
  clock: ManualClock;
  controlPlane: InMemoryControlPlaneStore;
  tables: InMemoryAccountTables;
  profiles: InMemoryAccountProfileStore;
  eventSources: InMemoryEventSourceRegistry;
  roles: InMemoryRoleStore;
}

export const OPERATOR_KEY = 'operator-key-for-unit-tests';

/** The composition root of dependencies.ts, with every adapter replaced by an in-memory fake. */
export const fakeDependencies = (settings: Partial<Settings> = {}): FakeDependencies => {
  const tables = new InMemoryAccountTables();
  const resolved = { ...loadSettings({ ORDO_STAGE: 'unit', ORDO_OPERATOR_KEY_HASH: operatorKeyHashOf(OPERATOR_KEY), ORDO_VERSION: '9.9.9-unit' }), ...settings };
  return {
    settings: resolved,
    stage: resolved.stage,
    clock: new ManualClock(new Date('2025-03-14T09:26:53.000Z')),
    controlPlane: new InMemoryControlPlaneStore(),
    tables,
    profiles: new InMemoryAccountProfileStore(tables),
    eventSources: new InMemoryEventSourceRegistry(),
    dataKeys: new FixedDataKeys(),
    roles: new InMemoryRoleStore(),
  };
};
