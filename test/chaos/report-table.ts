import type { ChaosReport } from './run-chaos';

const row = (label: string, value: string | number) => `│ ${label.padEnd(46)} │ ${String(value).padStart(40)} │`;
const rule = (left: string, middle: string, right: string) => `${left}${'─'.repeat(48)}${middle}${'─'.repeat(42)}${right}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The run as one table: the workload, the faults by boundary, the retries, and each invariant with ✔ or ✘. */
export const reportTable = (report: ChaosReport): string =>
  [
    rule('┌', '┬', '┐'),
    row('events planned / accepted', `${report.planned} / ${report.accepted}`),
    row('  status / order / fulfilment / cancel events', `${report.acceptedByKind.status} / ${report.acceptedByKind.order} / ${report.acceptedByKind.fulfilment} / ${report.acceptedByKind.cancel}`),
    row('  orders cancelled (wholly or partly)', report.stockOrders.cancelled),
    row('outcomes', Object.entries(report.outcomes).sort().map(([outcome, count]) => `${outcome} ${count}`).join(', ')),
    row('on hand / orders waited for stock (still)', `${report.onHand} / ${report.stockOrders.waited} (${report.stockOrders.waiting})`),
    row('inventory batches / answered 503 / counts set', `${report.restocks.batches} / ${report.restocks.refused} / ${report.restocks.applied}`),
    row('accounts / roots', `${report.accounts} / ${report.roots}`),
    row('duplicate deliveries (sent again)', report.faults.duplicate),
    row('crash after rules, before commit (throttled)', report.faults.beforeCommit),
    row('crash after commit, before ack (not deleted)', report.faults.afterCommit),
    row('DynamoDB requests throttled at the wire', report.throttled),
    row('second worker racing on a batch', report.faults.race),
    row('relay died after delivery, before removal', report.faults.afterDelivery),
    row('queue outages (requests refused)', `${report.outages} × ${report.outageMs} ms (${report.outage.refused})`),
    row('posts answered 5xx, then accepted on a resend', `${report.posting.refusedThenAccepted} (${report.posting.refusals} 5xx answers)`),
    row('consumer rounds failed, and went on', report.outage.roundsFailed),
    row('batches handled', report.pump.batches),
    row('retries (redeliveries)', report.pump.redeliveries),
    row('records reported failed', report.pump.failedRecords),
    row('messages in the events DLQ (re-drivable)', report.deadLettered),
    row('webhook requests (20% answered 500)', report.webhookRequests),
    row('elapsed (setup / posting)', `${seconds(report.elapsedMs)} (${seconds(report.setupMs)} / ${seconds(report.postingMs)})`),
    rule('├', '┼', '┤'),
    ...report.verdicts.map((verdict) => row(`${verdict.holds ? '✔' : '✘'} ${verdict.name}`, verdict.holds ? 'holds' : 'BROKEN')),
    rule('└', '┴', '┘'),
    ...report.verdicts.map((verdict) => `${verdict.holds ? '✔' : '✘'} ${verdict.name}: ${verdict.detail}`),
  ].join('\n');
