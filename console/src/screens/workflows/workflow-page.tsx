import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page } from '../../components/page';
import { href, navigate } from '../../router';
import { may, type Account } from '../../session';
import { DryRunForm } from './dry-run-form';
import { RulesetTable } from './ruleset-table';
import { WorkflowDiagram } from './workflow-diagram';

export type StoredWorkflow = Schemas['Workflow'] & { version: number };

interface WorkflowPageProps {
  account: Account;
  entityType: string;
  subtype: string;
  retailerId: string;
  version?: number;
}

/** The stored versions, newest first; without the list, the versions up to the one shown. */
const useVersions = (props: WorkflowPageProps, shown?: number) => {
  const { data } = useLoad(
    () => unwrap(api.GET('/v1/workflows', { params: { query: props.retailerId ? { retailerId: props.retailerId } : {} } })),
    [props.retailerId],
  );
  const summary = data?.items.find(
    (item) => item.entityType === props.entityType && item.subtype === props.subtype && (!props.retailerId || item.retailerId === props.retailerId),
  );
  if (summary) return summary.versions.map((entry) => entry.version);
  return shown ? Array.from({ length: shown }, (_, index) => shown - index) : [];
};

/** One workflow version: what it is made of, its state diagram, and a dry run of an event through it. */
export const WorkflowPage = (props: WorkflowPageProps) => {
  const { entityType, subtype, retailerId, version } = props;
  const query = { ...(retailerId ? { retailerId } : {}), ...(version ? { version } : {}) };
  const path = { entityType, subtype };
  const workflow = useLoad(
    () => unwrap(api.GET('/v1/workflows/{entityType}/{subtype}', { params: { path, query } })) as Promise<StoredWorkflow>,
    [entityType, subtype, retailerId, version],
  );
  const diagram = useLoad(
    () => unwrap(api.GET('/v1/workflows/{entityType}/{subtype}/diagram', { params: { path, query } })),
    [entityType, subtype, retailerId, version],
  );
  const versions = useVersions(props, workflow.data?.version);
  const shown = workflow.data;

  return (
    <Page
      title={`Workflow ${entityType} ${subtype}`}
      actions={
        versions.length > 0 && (
          <div class="inline-field">
            <label for="workflow-version">Version</label>
            <select
              id="workflow-version"
              value={String(shown?.version ?? version ?? '')}
              onChange={(event) =>
                navigate(href('workflows', entityType, subtype, { retailerId, version: event.currentTarget.value }))
              }
            >
              {versions.map((entry, index) => (
                <option key={entry} value={String(entry)}>
                  v{entry}
                  {index === 0 ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      <p>
        <a href={href('workflows')}>← All workflows</a>
      </p>
      <ErrorBanner error={workflow.error} />
      {workflow.loading && !shown && <Loading what="the workflow" />}
      {shown && (
        <>
          <div class="card">
            <dl class="facts">
              <dt>Name</dt>
              <dd>{shown.name ?? '—'}</dd>
              <dt>Retailer</dt>
              <dd>{shown.retailerId}</dd>
              <dt>Version</dt>
              <dd>{shown.version}</dd>
              <dt>Initial status</dt>
              <dd>{shown.initialStatus ?? 'CREATED'}</dd>
              <dt>Statuses ({shown.statuses.length})</dt>
              <dd>{shown.statuses.map((status) => status.name).join(', ')}</dd>
              <dt>Rulesets</dt>
              <dd>{shown.rulesets.length}</dd>
            </dl>
          </div>
          <WorkflowDiagram diagram={diagram.data?.mermaid} error={diagram.error} loading={diagram.loading} />
          <RulesetTable rulesets={shown.rulesets} />
          {may(props.account, 'EVENT_CREATE') ? (
            <DryRunForm key={`${shown.retailerId}/${shown.entityType}/${shown.subtype}/${shown.version}`} workflow={shown} />
          ) : (
            <p class="muted">A dry run needs a key with EVENT_CREATE.</p>
          )}
        </>
      )}
    </Page>
  );
};
