import { waitFor, WaitTimeoutError } from '../../support/wait-for';

describe('waitFor', () => {
  it('returns the first value the condition gives once it is truthy', async () => {
    // Prepare
    const values = [undefined, undefined, 'ready'];

    // Act
    const value = await waitFor(() => values.shift(), { description: 'the third call', intervalMs: 1 });

    // Assess
    expect(value).toBe('ready');
  });

  it('returns the value `until` accepts, even a falsy one', async () => {
    // Prepare
    let calls = 0;

    // Act
    const value = await waitFor(() => 3 - ++calls, { description: 'zero', until: (n) => n === 0, intervalMs: 1 });

    // Assess
    expect(value).toBe(0);
  });

  it('throws on timeout, naming what it waited for and the last value seen', async () => {
    // Act
    const waited = waitFor(() => ({ status: 'PENDING' }), {
      description: 'the event to leave PENDING',
      until: (event) => event.status !== 'PENDING',
      timeoutMs: 30,
      intervalMs: 5,
    });

    // Assess
    await expect(waited).rejects.toThrow(WaitTimeoutError);
    await expect(waited).rejects.toThrow('timed out after 30 ms waiting for the event to leave PENDING; last value seen: {"status":"PENDING"}');
  });

  it('ends the wait at once when the condition throws', async () => {
    // Prepare
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('connection refused');
    };

    // Act
    const waited = waitFor(failing, { description: 'the server', timeoutMs: 1_000, intervalMs: 1 });

    // Assess
    await expect(waited).rejects.toThrow('connection refused');
    expect(calls).toBe(1);
  });
});
