import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort, StartFailedError, waitFor } from '../../../scripts/local-stack/ports';

/** Where outgoing connections take their ports; 32768 where that cannot be read or starts very low. */
const ephemeralStart = (): number => {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return start > 12_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
};

describe('freePort', () => {
  it('hands out ports below the range the kernel uses for outgoing connections', async () => {
    // Act
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));

    // Assess
    for (const port of ports) expect(port).toBeLessThan(ephemeralStart());
  });

  it('never hands out the same port twice in one process', async () => {
    // Act
    const ports: number[] = [];
    for (let i = 0; i < 50; i += 1) ports.push(await freePort());

    // Assess
    expect(new Set(ports).size).toBe(50);
  });

  it('hands out a port a server can listen on', async () => {
    // Prepare
    const port = await freePort();
    const server = createServer();

    // Act
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });

    // Assess
    expect(server.listening).toBe(true);
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('waitFor', () => {
  it('keeps polling while the probe fails to connect, and returns once it answers', async () => {
    // Prepare
    let calls = 0;
    const probe = async () => {
      calls += 1;
      if (calls < 3) throw new Error('ECONNREFUSED');
      return true;
    };

    // Act
    await waitFor('the server', probe, 5_000);

    // Assess
    expect(calls).toBe(3);
  });

  it('stops at once when the probe says the start failed, instead of waiting out its minute', async () => {
    // Prepare: a wait of the full 60 s would fail this test on jest's 5 s timeout
    const probe = async (): Promise<boolean> => {
      throw new StartFailedError('DynamoDB Local exited with code 1');
    };

    // Act
    const waited = waitFor('DynamoDB Local', probe, 60_000);

    // Assess
    await expect(waited).rejects.toThrow('DynamoDB Local exited with code 1');
  });
});
