import type { ChaosReport } from './run-chaos';

const row = (label: string, value: string | number) => `│ ${label.padEnd(46)} │ ${String(value).padStart(28)} │`;
const rule = (left: string, middle: string, right: string) => `${left}${'─'.repeat(48)}${middle}${'─'.repeat(30)}${right}`;

/** The run as one table: the workload, the faults by boundary, the retries, and each invariant with ✔ or ✘. */
export const reportTable = (report: ChaosReport): string =>
  [
    rule('┌', '┬', '┐'),
    row('events planned / accepted', `${report.planned} / ${report.accepted}`),
    row('accounts / roots', `${report.accounts} / ${report.roots}`),
    row('duplicate deliveries (sent again)', report.faults.duplicate),
    row('crash after rules, before commit (throttled)', report.faults.beforeCommit),
    row('crash after commit, before ack (not deleted)', report.faults.afterCommit),
    row('second worker racing on a batch', report.faults.race),
    row('relay died after delivery, before removal', report.faults.afterDelivery),
    row('queue outages', `${report.outages} × ${report.outageMs} ms`),
    row('batches handled', report.pump.batches),
    row('retries (redeliveries)', report.pump.redeliveries),
    row('records reported failed', report.pump.failedRecords),
    row('stuck in the DLQ (re-drivable)', report.deadLettered),
    row('webhook requests (20% answered 500)', report.webhookRequests),
    row('elapsed', `${(report.elapsedMs / 1000).toFixed(1)} s`),
    rule('├', '┼', '┤'),
    ...report.verdicts.map((verdict) => row(`${verdict.holds ? '✔' : '✘'} ${verdict.name}`, verdict.holds ? 'holds' : 'BROKEN')),
    rule('└', '┴', '┘'),
    ...report.verdicts.map((verdict) => `${verdict.holds ? '✔' : '✘'} ${verdict.name}: ${verdict.detail}`),
  ].join('\n');
