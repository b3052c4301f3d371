import { smoke } from '../../scripts/smoke';
import { baseUrl, demoKey } from './http-client';

describe('npm run smoke against the local stack', () => {
  it('passes every check, the webhook round trip through a local receiver included', async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const exitCode = await smoke(['--base', baseUrl(), '--key', demoKey()], (line) => lines.push(line));

    // Assess
    const checks = lines.filter((line) => /^[✔✘]/.test(line));
    expect(checks).toEqual([
      expect.stringMatching(/^✔ GET \/v1\/health \(\d+ ms\) version /),
      expect.stringMatching(/^✔ POST \/v1\/events\/dry-run \(\d+ ms\) \d+ actions?, status SUCCESS$/),
      expect.stringMatching(/^✔ signed webhook round trip \(\d+ ms\) signed message .+ received at http:\/\/127\.0\.0\.1:\d+\/smoke and verified$/),
    ]);
    expect(exitCode).toBe(0);
  });
});
