import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';

/** What went wrong, in the API's words: its code, message, the field at fault and the request id to quote. */
export const ErrorBanner = ({ error }: { error: unknown }) => {
  if (error === undefined || error === null) return null;
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div class="banner banner-error" role="alert">
      <strong>{api ? api.code : 'Error'}</strong> {error instanceof Error ? error.message : String(error)}
      {api?.field && <span> (field <code>{api.field}</code>)</span>}
      {api?.requestId && <div class="muted">Request id <code>{api.requestId}</code></div>}
    </div>
  );
};

export const Notice = ({ children }: { children: ComponentChildren }) => (
  <div class="banner banner-info" role="status">
    {children}
  </div>
);

export const Loading = ({ what }: { what: string }) => (
  <p class="muted" role="status" aria-live="polite">
    Loading {what}…
  </p>
);

const tone = (status: string) => {
  if (/^(COMPLETE|COMPLETED|SUCCESS|DELIVERED|ACTIVE|FULFILLED|SHIPPED|PICKED_UP|APPLIED)$/.test(status)) return 'good';
  if (/^(FAILED|CANCELLED|REJECTED|EXPIRED|DISABLED|STUCK|NO_MATCH|REVOKED|SUSPENDED)$/.test(status)) return 'bad';
  if (/^(PENDING|CREATED|BOOKED|AWAITING_STOCK|RETRYING|IN_PROGRESS|PROCESSING|PARTIAL)$/.test(status)) return 'wait';
  return 'neutral';
};

export const StatusBadge = ({ status }: { status: string }) => <span class={`badge badge-${tone(status)}`}>{status}</span>;

/** A labelled progress bar; `done` of `total`. */
export const ProgressBar = ({ done, total, label }: { done: number; total: number; label: string }) => {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div class="progress">
      <progress max={Math.max(total, 1)} value={total === 0 ? 1 : done} aria-label={label} />
      <span class="muted">
        {done} / {total} ({percent}%)
      </span>
    </div>
  );
};

export const formatTime = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
