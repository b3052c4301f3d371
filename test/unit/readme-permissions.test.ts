import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, ROLES, roleGrants } from '../../shared/domain/accounts/roles';

/** The README's permission table, as permission -> the roles it marks "yes". */
const documentedGrants = (): Map<string, string[]> => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const header = `| permission | ${ROLES.join(' | ')} |`;
  const lines = readme.slice(readme.indexOf(header)).split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((line) => !line.startsWith('|')));
  return new Map(
    rows.map((row) => {
      const [permission, ...cells] = row.split('|').slice(1, -1).map((cell) => cell.trim());
      return [permission.replace(/`/g, ''), ROLES.filter((_role, index) => cells[index] === 'yes')];
    }),
  );
};

describe("the README's permission table", () => {
  it('lists every permission, in the order of roles.ts', () => {
    // Act
    const documented = [...documentedGrants().keys()];

    // Assess
    expect(documented).toEqual([...PERMISSIONS]);
  });

  it('marks exactly the built-in roles that hold each permission', () => {
    // Act
    const documented = documentedGrants();

    // Assess
    const actual = new Map(PERMISSIONS.map((permission) => [permission, ROLES.filter((role) => roleGrants(role, permission))]));
    expect(documented).toEqual(actual);
  });
});
