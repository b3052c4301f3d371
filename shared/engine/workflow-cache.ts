import type { Clock } from '../ports/clock';
import type { Workflow, WorkflowKey } from './workflow';

export type WorkflowLoader = (key: WorkflowKey, version?: number) => Promise<Workflow | undefined>;

export interface WorkflowCacheOptions {
  clock: Clock;
  /** How long a "latest version" lookup is trusted; default 5 s. */
  latestTtlMs?: number;
}

const cacheKey = (key: WorkflowKey): string => `${key.retailerId}|${key.entityType}|${key.subtype}`;

/**
 * Workflows kept for the life of a container. A given version never changes, so it is kept
 * forever; "latest" is trusted for a short TTL, so a new upload takes effect within it.
 * Retailer ids are only unique within an account: use one cache per account (table).
 * Misses are not cached, and concurrent loads of the same workflow share one read.
 */
export class WorkflowCache {
  private readonly clock: Clock;
  private readonly latestTtlMs: number;
  private readonly versions = new Map<string, Promise<Workflow | undefined>>();
  private readonly latest = new Map<string, { expiresAt: number; workflow: Promise<Workflow | undefined> }>();

  constructor(options: WorkflowCacheOptions) {
    this.clock = options.clock;
    this.latestTtlMs = options.latestTtlMs ?? 5_000;
  }

  get(key: WorkflowKey, version: number | undefined, load: WorkflowLoader): Promise<Workflow | undefined> {
    return version === undefined ? this.getLatest(key, load) : this.getVersion(key, version, load);
  }

  clear(): void {
    this.versions.clear();
    this.latest.clear();
  }

  private getVersion(key: WorkflowKey, version: number, load: WorkflowLoader): Promise<Workflow | undefined> {
    const id = `${cacheKey(key)}|${version}`;
    let workflow = this.versions.get(id);
    if (!workflow) {
      workflow = this.forgetMiss(load(key, version), () => this.versions.delete(id));
      this.versions.set(id, workflow);
    }
    return workflow;
  }

  private getLatest(key: WorkflowKey, load: WorkflowLoader): Promise<Workflow | undefined> {
    const id = cacheKey(key);
    const now = this.clock.now().getTime();
    const cached = this.latest.get(id);
    if (cached && cached.expiresAt > now) return cached.workflow;

    const entry = { expiresAt: now + this.latestTtlMs, workflow: Promise.resolve<Workflow | undefined>(undefined) };
    const forget = () => {
      if (this.latest.get(id) === entry) this.latest.delete(id);
    };
    entry.workflow = this.forgetMiss(load(key), forget).then((loaded) => {
      if (loaded?.version !== undefined) {
        const versionId = `${id}|${loaded.version}`;
        if (!this.versions.has(versionId)) this.versions.set(versionId, Promise.resolve(loaded));
      }
      return loaded;
    });
    this.latest.set(id, entry);
    return entry.workflow;
  }

  private forgetMiss(
    loading: Promise<Workflow | undefined>,
    forget: () => void,
  ): Promise<Workflow | undefined> {
    return loading.then(
      (workflow) => {
        if (!workflow) forget();
        return workflow;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
  }
}
