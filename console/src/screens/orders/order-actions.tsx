import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, Loading, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';

type Order = Schemas['Order'];
type Outcome = Schemas['SyncEventResult'];

interface Target {
  entityType: 'ORDER' | 'FULFILMENT';
  entityRef: string;
  status: string;
  events: string[];
}

/** The attributes field's text as an object, or why it is not one. */
const parseAttributes = (text: string): { attributes?: Record<string, unknown>; problem?: string } => {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { attributes: parsed as Record<string, unknown> };
  } catch {
    // Reported below, like any text that is not an object.
  }
  return { problem: 'Attributes must be a JSON object, e.g. {"missing": [{"skuRef": "SKU-001", "qty": 1}]}' };
};

/**
 * The user actions the order's workflow offers for the order and each fulfilment in their
 * current status (GET …/transitions). A click runs the event at once (POST /v1/events/sync) and
 * shows its outcome; `onPosted` then reads the order and its timeline again.
 */
export const OrderActions = ({ order, round, onPosted }: { order: Order; round: number; onPosted: () => void }) => {
  const transitions = useLoad(
    () => unwrap(api.GET('/v1/orders/{ref}/transitions', { params: { path: { ref: order.ref }, query: { retailerId: order.retailerId } } })),
    [order.ref, order.retailerId, round],
  );
  const [attributesText, setAttributesText] = useState('');
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<{ label: string; outcome: Outcome }>();
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();

  const post = async (target: Target, name: string) => {
    const { attributes, problem: badAttributes } = parseAttributes(attributesText);
    setProblem(badAttributes);
    if (badAttributes) return;
    setBusy(true);
    setError(undefined);
    setPosted(undefined);
    try {
      const outcome = await unwrap(
        api.POST('/v1/events/sync', {
          body: {
            name,
            retailerId: order.retailerId,
            entityType: target.entityType,
            entityRef: target.entityRef,
            ...(order.type ? { entitySubtype: order.type } : {}),
            rootEntityType: 'ORDER',
            rootEntityRef: order.ref,
            ...(attributes ? { attributes } : {}),
          },
        }),
      );
      setPosted({ label: `${name} on ${target.entityType.toLowerCase()} ${target.entityRef}`, outcome });
      onPosted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const targets: Target[] = transitions.data
    ? [
        { entityType: 'ORDER' as const, entityRef: order.ref, status: transitions.data.status, events: transitions.data.events },
        ...transitions.data.fulfilments.map((fulfilment) => ({ ...fulfilment, entityRef: fulfilment.ref })),
      ].filter((target) => target.events.length > 0)
    : [];

  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      <ErrorBanner error={transitions.error} />
      {transitions.loading && !transitions.data && <Loading what="the actions" />}
      {transitions.data && targets.length === 0 && <p class="empty">No user actions in this status.</p>}
      {targets.map((target) => (
        <div key={`${target.entityType}/${target.entityRef}`} class="action-group" role="group" aria-label={`Actions on ${target.entityType.toLowerCase()} ${target.entityRef}`}>
          <span class="muted">
            {target.entityType === 'ORDER' ? 'Order' : 'Fulfilment'} {target.entityRef} <StatusBadge status={target.status} />
          </span>
          {target.events.map((name) => (
            <button
              key={name}
              type="button"
              disabled={busy}
              aria-label={`${name} ${target.entityType.toLowerCase()} ${target.entityRef}`}
              onClick={() => void post(target, name)}
            >
              {name}
            </button>
          ))}
        </div>
      ))}
      {targets.length > 0 && (
        <details class="action-attributes">
          <summary>Event attributes (optional)</summary>
          <label for="action-attributes">Attributes sent with the next action, as JSON</label>
          <textarea
            id="action-attributes"
            value={attributesText}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'action-attributes-problem' : undefined}
            onInput={(event) => setAttributesText(event.currentTarget.value)}
          />
          {problem && (
            <p id="action-attributes-problem" class="banner banner-error" role="alert">
              <strong>attributes</strong> {problem}
            </p>
          )}
        </details>
      )}
      {busy && <Loading what="the outcome" />}
      <ErrorBanner error={error} />
      {posted && (
        <p class={`banner ${posted.outcome.status === 'SUCCESS' ? 'banner-info' : 'banner-error'}`} role="status">
          {posted.label}: <StatusBadge status={posted.outcome.status} />
          {posted.outcome.error && (
            <>
              {' '}
              <code>{posted.outcome.error.code}</code> {posted.outcome.error.message}
            </>
          )}
        </p>
      )}
    </section>
  );
};
