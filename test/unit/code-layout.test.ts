import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SHARED = join(ROOT, 'shared');
const MAX_LINES = 250;

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );

describe('the layout of shared/', () => {
  const files = sourceFiles(SHARED);

  it('finds the source files, so the checks below are not vacuous', () => {
    // Assess
    expect(files.length).toBeGreaterThan(100);
  });

  it('gives no two files the same name, so a name finds one file', () => {
    // Act
    const byName = new Map<string, string[]>();
    for (const file of files) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), relative(ROOT, file)]);

    // Assess
    expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it(`keeps every file within ${MAX_LINES} lines, one concept each`, () => {
    // Act
    const long = files
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);

    // Assess
    expect(long).toEqual([]);
  });
});

describe('the handlers in functions/', () => {
  const handlers = sourceFiles(join(ROOT, 'functions'));

  it('take their adapters from the composition root, never directly', () => {
    // Act
    const direct = handlers.filter((file) => /from '[./]+\/shared\/adapters\//.test(readFileSync(file, 'utf8')));

    // Assess
    expect(handlers.length).toBeGreaterThan(40);
    expect(direct.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
