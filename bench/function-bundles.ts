import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { median, type BenchResult } from './report';
import { zipEntries, type ZipEntry } from './zip-entries';

const projectRoot = join(__dirname, '..');
/** 1 KB = 1,000 bytes: the stricter reading of the goals. */
const KB = 1000;
const LARGEST_GOAL_KB = 400;
const HEALTH_GOAL_KB = 150;
const REQUIRE_GOAL_MS = 100;
const RUNS = 10;
const TIMED = ['createOrder', 'health'] as const;

interface FunctionBundle {
  name: string;
  /** The handler's bundled file inside the zip, e.g. functions/orders/create-order.js. */
  file: string;
  bytes: number;
  zipBytes: number;
  entry: ZipEntry;
  sdkInZip: boolean;
}

const kb = (bytes: number) => Math.round(bytes / (KB / 10)) / 10;

/** `serverless package` exactly as a production deployment runs it, into `dir`. */
const packageForProduction = async (dir: string): Promise<void> => {
  await promisify(execFile)(
    process.execPath,
    [join(projectRoot, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'production', '--region', 'eu-west-1', '--package', dir],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } },
  );
};

/** Every function of the packaged service, with its handler file read from its own zip. */
const readBundles = (dir: string): FunctionBundle[] => {
  const state = JSON.parse(readFileSync(join(dir, 'serverless-state.json'), 'utf8')) as {
    service: { functions: Record<string, { handler: string }> };
  };
  return Object.entries(state.service.functions).map(([name, { handler }]) => {
    const file = `${handler.slice(0, handler.lastIndexOf('.'))}.js`;
    const zip = readFileSync(join(dir, `${name}.zip`));
    const entries = zipEntries(zip);
    const entry = entries.find((e) => e.name === file);
    if (!entry) throw new Error(`${name}.zip has no ${file}: ${entries.map((e) => e.name).join(', ')}`);
    return { name, file, bytes: entry.size, zipBytes: zip.length, entry, sdkInZip: entries.some((e) => e.name.startsWith('node_modules/@aws-sdk/')) };
  });
};

/**
 * What a Lambda container gives a handler: the AWS SDK v3 is not in the bundle (serverless.yml excludes it) but
 * on the runtime's NODE_PATH; here NODE_PATH is the project's node_modules, so the locked SDK version is loaded.
 */
const lambdaLikeEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  NODE_PATH: join(projectRoot, 'node_modules'),
  AWS_REGION: 'eu-west-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ORDO_STAGE: 'production',
  // Set in every Lambda: the tracer module loads Powertools' tracer and the X-Ray SDK only where it is (runtime/tracer.ts).
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
});

/** Prints the process's CPU time (user + system, start included) as it exits. */
const CPU_ON_EXIT = `process.on('exit', () => { const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); });`;

/**
 * Wall time of one fresh Node process running `script`, and the CPU time it used, in ms; fails if the process does.
 * The CPU time moves less than the wall time when others load the machine.
 */
const nodeRun = (script: string, env: NodeJS.ProcessEnv): { wall: number; cpu: number } => {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', `${CPU_ON_EXIT}\n${script}`], { env, cwd: tmpdir(), encoding: 'utf8' });
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`node -e ${JSON.stringify(script)} exited with ${run.status}: ${run.stderr}`);
  return { wall, cpu: Number(run.stdout) };
};

/** A script that loads the bundle and checks it exports a handler, as the runtime does at a cold start. */
const requireScript = (path: string) =>
  `if (typeof require(${JSON.stringify(path)}).handler !== 'function') { console.error('no handler export'); process.exit(3); }`;

/**
 * Bare starts and bundle requires interleaved, round by round, so load on the machine falls on each alike.
 * One round first as a warm-up (file cache), not counted.
 */
const timeColdRequires = (bundles: Record<(typeof TIMED)[number], string>) => {
  const env = lambdaLikeEnv();
  const scripts = { bare: '', ...Object.fromEntries(TIMED.map((name) => [name, requireScript(bundles[name])])) } as Record<string, string>;
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  for (let round = 0; round <= RUNS; round++) {
    for (const [name, script] of Object.entries(scripts)) {
      const measured = nodeRun(script, env);
      if (round === 0) continue;
      runs[name].push(Math.round(measured.wall * 10) / 10);
      cpu[name].push(Math.round(measured.cpu * 10) / 10);
    }
  }
  return { runs, cpu };
};

/**
 * The size of every function's bundle as deployed to production, and how long the createOrder and health bundles
 * take to load in a fresh Node process beyond a bare Node start.
 */
export const functionBundleBenchmarks = async (): Promise<BenchResult[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-bench-bundles-'));
  try {
    const packageDir = join(dir, 'package');
    await packageForProduction(packageDir);
    const bundles = readBundles(packageDir).sort((a, b) => a.bytes - b.bytes);
    const largest = bundles[bundles.length - 1];
    const smallest = bundles[0];
    const byName = (name: string) => {
      const found = bundles.find((b) => b.name === name);
      if (!found) throw new Error(`no function ${name} in the package`);
      return found;
    };
    const health = byName('health');
    const createOrder = byName('createOrder');
    const sizes = {
      kb: KB,
      functions: bundles.length,
      zipsWithSdk: bundles.filter((b) => b.sdkInZip).map((b) => b.name),
      bytesByFunction: Object.fromEntries(bundles.map((b) => [b.name, b.bytes])),
    };

    const extracted = join(dir, 'extracted');
    const paths = Object.fromEntries(
      TIMED.map((name) => {
        const bundle = byName(name);
        const path = join(extracted, bundle.file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bundle.entry.content());
        return [name, path];
      }),
    ) as Record<(typeof TIMED)[number], string>;
    const { runs, cpu } = timeColdRequires(paths);
    const bare = median(runs.bare);
    const above = (name: (typeof TIMED)[number]) => Math.round((median(runs[name]) - bare) * 10) / 10;
    const requireDetail = (name: (typeof TIMED)[number]) => ({
      runs: RUNS,
      medianMs: median(runs[name]),
      bareMedianMs: bare,
      runsMs: runs[name],
      bareRunsMs: runs.bare,
      cpuAboveBareMs: Math.round((median(cpu[name]) - median(cpu.bare)) * 10) / 10,
      cpuMedianMs: median(cpu[name]),
      bareCpuMedianMs: median(cpu.bare),
      cpuRunsMs: cpu[name],
      sdk: 'external, resolved through NODE_PATH=<project>/node_modules as the Lambda runtime provides it',
    });

    return [
      {
        name: `largest function bundle, minified (${largest.name})`,
        value: kb(largest.bytes),
        unit: 'KB',
        goal: `<= ${LARGEST_GOAL_KB} KB`,
        met: largest.bytes <= LARGEST_GOAL_KB * KB,
        detail: { function: largest.name, file: largest.file, bytes: largest.bytes, zipBytes: largest.zipBytes, ...sizes },
      },
      {
        name: `smallest function bundle, minified (${smallest.name})`,
        value: kb(smallest.bytes),
        unit: 'KB',
        detail: { function: smallest.name, file: smallest.file, bytes: smallest.bytes },
      },
      {
        name: `median function bundle, minified (${bundles.length} functions)`,
        value: kb(median(bundles.map((b) => b.bytes))),
        unit: 'KB',
      },
      {
        name: 'health bundle, minified',
        value: kb(health.bytes),
        unit: 'KB',
        goal: `<= ${HEALTH_GOAL_KB} KB`,
        met: health.bytes <= HEALTH_GOAL_KB * KB,
        detail: { file: health.file, bytes: health.bytes, zipBytes: health.zipBytes },
      },
      {
        name: 'createOrder bundle, minified',
        value: kb(createOrder.bytes),
        unit: 'KB',
        detail: { file: createOrder.file, bytes: createOrder.bytes, zipBytes: createOrder.zipBytes },
      },
      {
        name: `bare Node start (node -e, requiring nothing), median of ${RUNS}`,
        value: bare,
        unit: 'ms',
        detail: { runsMs: runs.bare, cpuRunsMs: cpu.bare, node: process.version },
      },
      {
        name: `require(createOrder bundle) in a fresh Node, above a bare start, median of ${RUNS} (SDK via NODE_PATH)`,
        value: above('createOrder'),
        unit: 'ms',
        goal: `<= ${REQUIRE_GOAL_MS} ms`,
        met: above('createOrder') <= REQUIRE_GOAL_MS,
        detail: requireDetail('createOrder'),
      },
      {
        name: `require(health bundle) in a fresh Node, above a bare start, median of ${RUNS} (SDK via NODE_PATH)`,
        value: above('health'),
        unit: 'ms',
        detail: requireDetail('health'),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
