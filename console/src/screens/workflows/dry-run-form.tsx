import { useState } from 'preact/hooks';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner } from '../../components/feedback';
import { DryRunResult } from './dry-run-result';
import type { StoredWorkflow } from './workflow-page';

type DryRunInput = Schemas['DryRunInput'];

/** A new order of the workflow's subtype: enough for its CREATE rules to source it from the demo stock. */
const sampleAttributes = (workflow: StoredWorkflow) =>
  workflow.entityType === 'ORDER'
    ? {
        type: workflow.subtype,
        lines: [{ lineRef: 'L1', skuRef: 'SKU-001', qty: 1, unitPrice: 9.99 }],
        deliveryPoint: { lat: 51.5074, lon: -0.1278 },
      }
    : {};

const firstEvent = (workflow: StoredWorkflow) =>
  (workflow.rulesets.find((ruleset) => ruleset.name === 'CREATE' && ruleset.type === workflow.entityType) ?? workflow.rulesets[0])?.name ?? '';

/** The fields of the form, as typed; blank optional fields are left out of the request. */
interface Draft {
  name: string;
  retailerId: string;
  entityType: string;
  entitySubtype: string;
  entityRef: string;
  rootEntityType: string;
  rootEntityRef: string;
  attributes: string;
  asDraft: boolean;
}

const TEXT_FIELDS: { key: Exclude<keyof Draft, 'attributes' | 'asDraft'>; label: string; required?: boolean }[] = [
  { key: 'name', label: 'Event name', required: true },
  { key: 'retailerId', label: 'Retailer', required: true },
  { key: 'entityType', label: 'Entity type', required: true },
  { key: 'entitySubtype', label: 'Entity subtype' },
  { key: 'entityRef', label: 'Entity ref', required: true },
  { key: 'rootEntityType', label: 'Root entity type' },
  { key: 'rootEntityRef', label: 'Root entity ref' },
];

/** A form field the console checks itself is reported like the API's own errors. */
const fieldError = (field: string, message: string) => new ApiError(400, 'VALIDATION_FAILED', message, undefined, field);

const requestOf = (draft: Draft, workflow: StoredWorkflow): DryRunInput => {
  let attributes: unknown;
  try {
    attributes = draft.attributes.trim() === '' ? undefined : JSON.parse(draft.attributes);
  } catch {
    throw fieldError('attributes', 'Attributes are not valid JSON');
  }
  if (attributes !== undefined && (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))) {
    throw fieldError('attributes', 'Attributes must be a JSON object');
  }
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const { version: _version, ...stored } = workflow;
  return {
    name: draft.name.trim(),
    retailerId: draft.retailerId.trim(),
    entityType: draft.entityType.trim(),
    entityRef: draft.entityRef.trim(),
    entitySubtype: optional(draft.entitySubtype),
    rootEntityType: optional(draft.rootEntityType),
    rootEntityRef: optional(draft.rootEntityRef),
    attributes: attributes as Record<string, unknown> | undefined,
    ...(draft.asDraft ? { workflow: stored } : {}),
  };
};

/** What an event would do to an entity of this workflow, without writing anything. */
export const DryRunForm = ({ workflow }: { workflow: StoredWorkflow }) => {
  const [draft, setDraft] = useState<Draft>(() => ({
    name: firstEvent(workflow),
    retailerId: workflow.retailerId,
    entityType: workflow.entityType,
    entitySubtype: workflow.subtype,
    entityRef: `DRY-RUN-${Date.now().toString(36).toUpperCase()}`,
    rootEntityType: '',
    rootEntityRef: '',
    attributes: JSON.stringify(sampleAttributes(workflow), null, 2),
    asDraft: false,
  }));
  const [result, setResult] = useState<Schemas['DryRunResult']>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const change = (key: keyof Draft, value: string | boolean) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      setResult(await unwrap(api.POST('/v1/events/dry-run', { body: requestOf(draft, workflow) })));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run</h2>
      <p class="muted">Runs an event through the rules and shows what it would do. Nothing is written.</p>
      <form class="dry-run" onSubmit={submit} aria-labelledby="dry-run-title">
        <datalist id="dry-run-events">
          {[...new Set(workflow.rulesets.map((ruleset) => ruleset.name))].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div class="form-grid">
          {TEXT_FIELDS.map(({ key, label, required }) => (
            <div key={key}>
              <label for={`dry-run-${key}`}>{label}</label>
              <input
                id={`dry-run-${key}`}
                required={required}
                list={key === 'name' ? 'dry-run-events' : undefined}
                value={draft[key]}
                onInput={(event) => change(key, event.currentTarget.value)}
              />
            </div>
          ))}
        </div>
        <label for="dry-run-attributes">Attributes (JSON)</label>
        <textarea id="dry-run-attributes" spellcheck={false} value={draft.attributes} onInput={(event) => change('attributes', event.currentTarget.value)} />
        <div class="checkbox">
          <input id="dry-run-as-draft" type="checkbox" checked={draft.asDraft} onChange={(event) => change('asDraft', event.currentTarget.checked)} />
          <label for="dry-run-as-draft">Run with version {workflow.version} as shown here, instead of the workflow the entity runs on</label>
        </div>
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Running…' : 'Run dry run'}
        </button>
      </form>
      {result && <DryRunResult result={result} />}
    </section>
  );
};
