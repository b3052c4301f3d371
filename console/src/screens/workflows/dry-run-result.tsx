import type { Schemas } from '../../api/client';
import { StatusBadge } from '../../components/feedback';
import { Table } from '../../components/page';

/** An action's fields beyond its type, compact: the status it sets, the event it sends… */
const details = (action: Schemas['Action']) => {
  const { type: _type, ...rest } = action;
  return Object.keys(rest).length ? JSON.stringify(rest) : '';
};

/** The outcome of a dry run: rulesets run, actions asked for, state and stock changes. */
export const DryRunResult = ({ result }: { result: Schemas['DryRunResult'] }) => (
  <div class="dry-run-result" aria-live="polite">
    <h3>
      Outcome <StatusBadge status={result.outcome} />
    </h3>
    {result.error && (
      <div class="banner banner-error" role="alert">
        <strong>{result.error.code}</strong> {result.error.message}
      </div>
    )}
    <p>
      Rulesets run: {result.rulesets.length ? result.rulesets.map((name, index) => <code key={index}>{index ? ` → ${name}` : name}</code>) : 'none'}
    </p>
    <h3>Actions ({result.actions.length})</h3>
    {result.actions.length === 0 ? (
      <p class="muted">No actions.</p>
    ) : (
      <Table caption="Actions">
        <thead>
          <tr>
            <th scope="col">Ruleset</th>
            <th scope="col">Rule</th>
            <th scope="col">Action</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {result.actions.map((entry, index) => (
            <tr key={index}>
              <td>{entry.ruleset}</td>
              <td>{entry.rule}</td>
              <td>
                <code>{entry.action.type}</code>
              </td>
              <td class="wrap">
                <code>{details(entry.action)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    )}
    <h3>State changes ({result.stateChanges.length})</h3>
    {result.stateChanges.length === 0 ? (
      <p class="muted">No state changes.</p>
    ) : (
      <Table caption="State changes">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {result.stateChanges.map((change, index) => (
            <tr key={index}>
              <td>
                {change.entityType} {change.entityRef}
              </td>
              <td>{change.from}</td>
              <td>
                <StatusBadge status={change.to} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    )}
    {result.inventory.length > 0 && (
      <>
        <h3>Inventory changes ({result.inventory.length})</h3>
        <Table caption="Inventory changes">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">SKU</th>
              <th scope="col">Location</th>
              <th scope="col" class="number">Qty</th>
            </tr>
          </thead>
          <tbody>
            {result.inventory.map((change, index) => (
              <tr key={index}>
                <td>{change.kind}</td>
                <td>{change.skuRef}</td>
                <td>{change.locationRef}</td>
                <td class="number">{change.qty}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </>
    )}
  </div>
);
