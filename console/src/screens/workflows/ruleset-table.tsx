import { Table } from '../../components/page';
import type { StoredWorkflow } from './workflow-page';

/** Which event runs what, in which statuses: the triggers a reader looks for first. */
export const RulesetTable = ({ rulesets }: { rulesets: StoredWorkflow['rulesets'] }) => (
  <section class="block" aria-labelledby="rulesets-title">
    <h2 id="rulesets-title">Rulesets and triggers</h2>
    <Table caption="Rulesets and triggers">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Entity</th>
          <th scope="col">Runs in status</th>
          <th scope="col">Rules</th>
          <th scope="col">User action</th>
        </tr>
      </thead>
      <tbody>
        {rulesets.map((ruleset, index) => (
          <tr key={index}>
            <td>
              <code>{ruleset.name}</code>
              {ruleset.eventType === 'EXCEPTION' && <span class="muted"> (exception)</span>}
            </td>
            <td>
              {ruleset.type}
              {ruleset.subtype ? ` ${ruleset.subtype}` : ''}
            </td>
            <td class="wrap">{ruleset.triggers?.length ? ruleset.triggers.map((trigger) => trigger.status).join(', ') : 'any'}</td>
            <td class="wrap">{ruleset.rules.map((rule) => rule.name).join(', ')}</td>
            <td>{ruleset.userAction === false ? 'no' : 'yes'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  </section>
);
