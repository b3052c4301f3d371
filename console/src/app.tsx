import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, loadConfig, unwrap, type ConsoleConfig } from './api/client';
import { ErrorBanner, Loading } from './components/feedback';
import { href, useRoute, type Route } from './router';
import { EventsScreen } from './screens/events';
import { InventoryScreen } from './screens/inventory';
import { JobsScreen } from './screens/jobs';
import { OrdersScreen } from './screens/orders';
import { SignIn } from './screens/sign-in';
import { WebhooksScreen } from './screens/webhooks';
import { WorkflowsScreen } from './screens/workflows';
import { apiKey, forgetApiKey, type Account } from './session';

/** A screen gets the signed-in account (role, permissions, retailer scope) and the route below its own name. */
export interface ScreenProps {
  account: Account;
  route: Route;
}

const screens = [
  { name: 'orders', label: 'Orders', Screen: OrdersScreen },
  { name: 'events', label: 'Events', Screen: EventsScreen },
  { name: 'workflows', label: 'Workflows', Screen: WorkflowsScreen },
  { name: 'inventory', label: 'Inventory', Screen: InventoryScreen },
  { name: 'jobs', label: 'Jobs', Screen: JobsScreen },
  { name: 'webhooks', label: 'Webhooks', Screen: WebhooksScreen },
] as const;

/**
 * A hash route swaps the page without a load, which a screen reader does not announce and which
 * leaves keyboard focus on a link that is gone: on a new path (not a new filter in its query), focus
 * moves to the new page's heading, or to main when the page has none yet.
 */
const useFocusOnNewPage = (path: string) => {
  const shown = useRef(path);
  // A layout effect: right after the old page's elements are gone, before focus could rest on the body.
  useLayoutEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    (document.getElementById('page-title') ?? document.getElementById('main'))?.focus();
  }, [path]);
};

const Shell = ({ account, onSignOut }: { account: Account; onSignOut: () => void }) => {
  const route = useRoute();
  const active = screens.find((screen) => screen.name === route.segments[0]) ?? screens[0];
  const { Screen } = active;
  useFocusOnNewPage(route.segments.join('/'));
  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top-bar">
        <a class="brand" href={href('orders')}>
          Ordo
        </a>
        <nav aria-label="Screens">
          <ul>
            {screens.map((screen) => (
              <li key={screen.name}>
                <a href={href(screen.name)} aria-current={screen === active ? 'page' : undefined}>
                  {screen.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="identity" role="group" aria-label="Signed in as">
          <span data-testid="account-name">{account.name}</span>
          <span class="muted">
            <span data-testid="account-role">{account.role}</span> ·{' '}
            <span data-testid="retailer-scope">{account.retailerId ? `retailer ${account.retailerId}` : 'all retailers'}</span>
          </span>
          <button type="button" class="link-button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Screen account={account} route={route} />
      </main>
    </div>
  );
};

export const App = () => {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [account, setAccount] = useState<Account>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    void (async () => {
      const loaded = await loadConfig();
      // A reload of the tab keeps the session: the key is still in session storage.
      if (apiKey()) {
        try {
          setAccount(await unwrap(api.GET('/v1/account')));
        } catch (failure) {
          if (failure instanceof ApiError && failure.status === 401) forgetApiKey();
          else setError(failure);
        }
      }
      setConfig(loaded);
    })();
  }, []);

  if (!config) return <Loading what="the console" />;
  if (!account)
    return (
      <>
        <ErrorBanner error={error} />
        <SignIn stage={config.stage} onSignedIn={setAccount} />
      </>
    );
  return (
    <Shell
      account={account}
      onSignOut={() => {
        forgetApiKey();
        setAccount(undefined);
        location.hash = '';
      }}
    />
  );
};
