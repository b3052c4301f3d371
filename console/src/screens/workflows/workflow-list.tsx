import { useState } from 'preact/hooks';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, formatTime, Loading } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page, Table } from '../../components/page';
import { href, navigate } from '../../router';
import type { Account } from '../../session';

/** Every workflow of the account (or of the key's retailer), one row per retailer, entity type and subtype. */
export const WorkflowList = ({ account, retailerId }: { account: Account; retailerId: string }) => {
  const [retailer, setRetailer] = useState(retailerId);
  const { data, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/workflows', { params: { query: retailerId ? { retailerId } : {} } })),
    [retailerId],
  );

  return (
    <Page title="Workflows">
      {!account.retailerId && (
        <form
          class="filters"
          role="search"
          aria-label="Filter workflows"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href('workflows', { retailerId: retailer.trim() }));
          }}
        >
          <div>
            <label for="workflow-retailer">Retailer</label>
            <input id="workflow-retailer" value={retailer} placeholder="every retailer" onInput={(event) => setRetailer(event.currentTarget.value)} />
          </div>
          <button type="submit">Filter</button>
        </form>
      )}
      <ErrorBanner error={error} />
      {loading && !data && <Loading what="workflows" />}
      {data && data.items.length === 0 && <p>No workflows yet.</p>}
      {data && data.items.length > 0 && (
        <Table caption="Workflows">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Retailer</th>
              <th scope="col">Entity type</th>
              <th scope="col">Subtype</th>
              <th scope="col" class="number">Latest version</th>
              <th scope="col" class="number">Versions</th>
              <th scope="col">Latest uploaded</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((workflow) => (
              <tr key={`${workflow.retailerId}/${workflow.entityType}/${workflow.subtype}`}>
                <td>
                  <a href={href('workflows', workflow.entityType, workflow.subtype, { retailerId: workflow.retailerId })}>
                    {workflow.entityType} {workflow.subtype}
                  </a>
                </td>
                <td>{workflow.retailerId}</td>
                <td>{workflow.entityType}</td>
                <td>{workflow.subtype}</td>
                <td class="number">{workflow.latestVersion}</td>
                <td class="number">{workflow.versions.length}</td>
                <td>{formatTime(workflow.versions[0]?.createdOn)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
};
