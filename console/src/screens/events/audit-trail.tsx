import type { Schemas } from '../../api/client';
import { StatusBadge } from '../../components/feedback';

type AuditRecord = Schemas['AuditRecord'];

/** What one audit record says, in a line: the ruleset or rule run, the state change, the error or the outcome. */
const describe = (record: AuditRecord): string => {
  switch (record.kind) {
    case 'STATE_CHANGE':
      return `${record.entityType} ${record.entityRef}: ${record.from ?? '—'} → ${record.to ?? '—'}`;
    case 'INVENTORY': {
      const props = record.props ?? {};
      return [record.name, props.qty, props.skuRef, props.locationRef && `at ${String(props.locationRef)}`].filter(Boolean).join(' ');
    }
    default:
      return [record.name, record.message].filter(Boolean).join(': ');
  }
};

/** The kinds that mean something went wrong, shown as such. */
const TROUBLE = new Set<AuditRecord['kind']>(['EXCEPTION', 'NO_MATCH', 'LOOP_GUARD', 'HOP_LIMIT']);

/** An event's audit trail in order: rulesets and rules run, state changes, stock, errors, the outcome. */
export const AuditTrail = ({ records }: { records: AuditRecord[] }) =>
  records.length === 0 ? (
    <p class="muted">No audit records.</p>
  ) : (
    <ol class="audit-trail">
      {/* A retried event's runs each number their records from 1, so `seq` repeats: the position is the key. */}
      {records.map((record, index) => (
        <li key={index} class={TROUBLE.has(record.kind) ? 'audit-trouble' : undefined}>
          <span class="audit-kind">{record.kind}</span> <span class="audit-text">{describe(record)}</span>
          {record.outcome && (
            <>
              {' '}
              <StatusBadge status={record.outcome} />
            </>
          )}
          {record.durationMs !== undefined && <span class="muted"> {Math.round(record.durationMs)} ms</span>}
        </li>
      ))}
    </ol>
  );
