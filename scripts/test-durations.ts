/**
 * Records how long each integration and e2e file took, for test/longest-first.js to start the longest first on a
 * machine without jest's cache of earlier runs.
 *
 *   npm run test:durations -- <jest --json output>...   # e.g. npx jest --selectProjects e2e --json --outputFile=e2e.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface JestJsonOutput {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const projectRoot = join(__dirname, '..');
const target = join(projectRoot, 'test/file-durations.json');
const outputs = process.argv.slice(2);
if (outputs.length === 0) {
  console.error('usage: npm run test:durations -- <jest --json output>...');
  process.exit(1);
}

const durations: Record<string, number> = JSON.parse(readFileSync(target, 'utf8'));
for (const output of outputs) {
  const { testResults } = JSON.parse(readFileSync(output, 'utf8')) as JestJsonOutput;
  for (const { name, startTime, endTime } of testResults) durations[relative(projectRoot, name)] = endTime - startTime;
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files' durations in ${relative(projectRoot, target)}`);
