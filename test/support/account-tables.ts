import type { AccountProfile, AccountProfileStore } from '../../shared/ports/account-profile-store';
import type { AccountTableProvisioner } from '../../shared/ports/account-table-provisioner';

/** Account tables as a set of names; provisioning an existing table leaves it alone. */
export class InMemoryAccountTables implements AccountTableProvisioner {
  readonly tables = new Set<string>();
  readonly provisioned: string[] = [];
  /** Set to make provisioning fail, as a throttled CreateTable would. */
  failure: Error | undefined;

  async provision(tableName: string): Promise<void> {
    this.provisioned.push(tableName);
    if (this.failure) throw this.failure;
    this.tables.add(tableName);
  }
}

/** Profiles kept per table; writing into a table that was never provisioned fails like DynamoDB would. */
export class InMemoryAccountProfileStore implements AccountProfileStore {
  readonly profiles = new Map<string, AccountProfile>();

  constructor(private readonly tables: InMemoryAccountTables) {}

  async put(tableName: string, profile: AccountProfile): Promise<void> {
    if (!this.tables.tables.has(tableName)) throw new Error(`fake: table ${tableName} does not exist`);
    this.profiles.set(tableName, { ...profile });
  }

  async get(tableName: string): Promise<AccountProfile | undefined> {
    const profile = this.profiles.get(tableName);
    return profile && { ...profile };
  }
}
