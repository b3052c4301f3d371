import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ErrorBanner } from '../components/feedback';
import { forgetApiKey, keepApiKey, type Account } from '../session';

/** Signs in with an API key: the key is kept for this tab only once the API has accepted it. */
export const SignIn = ({ onSignedIn, stage }: { onSignedIn: (account: Account) => void; stage: string }) => {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    keepApiKey(key.trim());
    try {
      onSignedIn(await unwrap(api.GET('/v1/account')));
    } catch (failure) {
      forgetApiKey();
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Ordo Console</h1>
        <p class="muted">Sign in with an API key of your account{stage === 'local' ? ' (the local stack prints the demo key when it starts)' : ''}.</p>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="apiKey"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};
