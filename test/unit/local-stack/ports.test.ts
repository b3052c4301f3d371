import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from '../../../scripts/local-stack/ports';

const ephemeralStart = (): number => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
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
