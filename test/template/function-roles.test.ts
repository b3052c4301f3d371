import { PACKAGED_REGIONS, packagedTemplate } from './packaged-template';
import {
  actionsOfStatement,
  allowedActions,
  bundleSdkCalls,
  eventSourceActions,
  functionRoles,
  isWildcard,
  SHARED_ROLE,
  statementsOfRole,
  type FunctionRole,
} from './role-statements';
import { CONDITIONED_WILDCARD_ACTIONS, PATTERN_RESOURCES, RUNTIME_ACTIONS, RUNTIME_MAPPINGS, SHARED_ROLE_ACTIONS, WILDCARD_ACTIONS, WRITE_ACTION } from './runtime-actions';
import { actionsOf, SDK_COMMAND_ACTIONS } from './sdk-command-actions';
import { UNCALLED_COMMANDS, uncalledBy } from './uncalled-commands';

describe.each(PACKAGED_REGIONS)('the function roles of the production template packaged for %s', (region) => {
  const template = packagedTemplate(region);
  const roles = functionRoles(region, template);
  const calls = new Map(roles.map(({ name }) => [name, bundleSdkCalls(region, name)]));
  const callsOf = (role: FunctionRole): Set<string> => calls.get(role.name) ?? new Set();

  /** The calls its bundle references, less those listed as never made. */
  const madeBy = (role: FunctionRole): string[] => [...callsOf(role)].filter((call) => !uncalledBy(role.name).has(call));

  /** Every action the function may be granted: for the calls it makes, its event sources, the runtime. */
  const justifiedActions = (role: FunctionRole): Set<string> =>
    new Set([
      ...madeBy(role).flatMap(actionsOf),
      ...eventSourceActions(template, role.functionId),
      ...(RUNTIME_MAPPINGS[role.name]?.actions ?? []),
      ...Object.keys(RUNTIME_ACTIONS),
    ]);

  it('runs every function under a role of its own', () => {
    // Prepare
    const roleIds = roles.map((role) => role.roleId);

    // Act
    const shared = roles.filter((role) => role.roleId === SHARED_ROLE || roleIds.indexOf(role.roleId) !== roleIds.lastIndexOf(role.roleId));

    // Assess
    expect(shared.map((role) => `${role.name} runs under ${role.roleId}`)).toEqual([]);
  });

  it('leaves the unused role serverless makes with nothing beyond logs, traces, queue polling and hook reports', () => {
    // Prepare
    const sharedRole = template.Resources[SHARED_ROLE];

    // Act
    const actions = sharedRole ? [...allowedActions(statementsOfRole(sharedRole))] : [];

    // Assess
    expect(actions.filter((action) => !SHARED_ROLE_ACTIONS.has(action))).toEqual([]);
  });

  it('grants on every resource only the actions that have no resource type', () => {
    // Prepare
    const wildcards = roles.flatMap((role) => role.statements.filter((statement) => isWildcard(statement.Resource)).map((statement) => ({ role, statement })));

    // Act
    const unscoped = wildcards.flatMap(({ role, statement }) =>
      actionsOfStatement(statement)
        .filter((action) => WILDCARD_ACTIONS[action] === undefined)
        .map((action) => `${role.name}: ${action} on *`),
    );

    // Assess
    expect(wildcards.length).toBeGreaterThan(0);
    expect(unscoped).toEqual([]);
  });

  it('grants by pattern only account tables, control-plane indexes, its own log streams, dropped files and stage parameters', () => {
    // Prepare
    const resources = roles.flatMap((role) =>
      role.statements
        .filter((statement) => !isWildcard(statement.Resource))
        .flatMap((statement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]))
        .map((resource) => ({ role, written: JSON.stringify(resource) })),
    );

    // Act
    const broad = resources
      .filter(({ written }) => written.includes('*'))
      .filter(({ written }) => !PATTERN_RESOURCES.some(({ pattern }) => pattern.test(written)))
      .map(({ role, written }) => `${role.name}: ${written}`);

    // Assess
    expect(resources.some(({ written }) => written.includes('*'))).toBe(true);
    expect(broad).toEqual([]);
  });

  it('grants each function the streams of its own log group alone', () => {
    // Prepare
    const logGroups = roles.flatMap((role) =>
      role.statements
        .flatMap((statement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]))
        .map((resource) => JSON.stringify(resource))
        .filter((written) => written.includes(':log-group:'))
        .map((written) => ({ role, written })),
    );

    // Act
    const foreign = logGroups.filter(({ role, written }) => !written.includes(`/aws/lambda/ordo-production-${role.name}:`)).map(({ role, written }) => `${role.name}: ${written}`);

    // Assess
    expect(logGroups.length).toBeGreaterThanOrEqual(roles.length);
    expect(foreign).toEqual([]);
  });

  it('keeps a wildcard event source mapping grant to the function it is meant for', () => {
    // Prepare
    const wildcards = roles.flatMap((role) => role.statements.filter((statement) => isWildcard(statement.Resource)).map((statement) => ({ role, statement })));

    // Act
    const unconditioned = wildcards.flatMap(({ role, statement }) =>
      actionsOfStatement(statement)
        .filter((action) => CONDITIONED_WILDCARD_ACTIONS[action] !== undefined)
        .filter((action) => JSON.stringify(statement.Condition ?? {}).indexOf(CONDITIONED_WILDCARD_ACTIONS[action]) < 0)
        .map((action) => `${role.name}: ${action} without a ${CONDITIONED_WILDCARD_ACTIONS[action]} condition`),
    );

    // Assess
    expect(unconditioned).toEqual([]);
  });

  it('knows the IAM actions of every AWS SDK call a bundle references', () => {
    // Prepare
    const referenced = roles.flatMap((role) => [...callsOf(role)].map((call) => ({ role, call })));

    // Act
    const unknown = referenced.filter(({ call }) => SDK_COMMAND_ACTIONS[call] === undefined).map(({ role, call }) => `${role.name}: ${call}`);

    // Assess
    expect(referenced.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  it('grants no function an action that neither the calls it makes nor its event sources need', () => {
    // Prepare
    const granted = roles.map((role) => ({ role, actions: allowedActions(role.statements) }));

    // Act
    const unneeded = granted.flatMap(({ role, actions }) => {
      const justified = justifiedActions(role);
      return [...actions].filter((action) => !justified.has(action)).map((action) => `${role.name}: ${action}`);
    });

    // Assess
    expect(unneeded).toEqual([]);
  });

  it('grants every function the actions of the AWS SDK calls its bundle makes', () => {
    // Prepare
    const called = roles.map((role) => ({ role, made: madeBy(role) }));

    // Act
    const lacking = called.flatMap(({ role, made }) => {
      const actions = allowedActions(role.statements);
      return made.flatMap((call) =>
        (SDK_COMMAND_ACTIONS[call]?.needs ?? []).filter((action) => !actions.has(action)).map((action) => `${role.name}: ${call} needs ${action}`),
      );
    });

    // Assess
    expect(lacking).toEqual([]);
  });

  it('lists as never called only calls the bundle still references', () => {
    // Prepare
    const listed = Object.entries(UNCALLED_COMMANDS).flatMap(([name, uncalled]) => uncalled.flatMap(({ commands }) => commands.map((call) => ({ name, call }))));

    // Act
    const stale = listed.filter(({ name, call }) => !calls.get(name)?.has(call)).map(({ name, call }) => `${name}: ${call}`);

    // Assess
    expect(stale).toEqual([]);
  });

  it('lets account creation alone create tables and map streams', () => {
    // Prepare
    const provisioning = /^(dynamodb:(CreateTable|UpdateTable|UpdateTimeToLive|UpdateContinuousBackups)|lambda:CreateEventSourceMapping)$/;

    // Act
    const provisioners = roles.filter((role) => [...allowedActions(role.statements)].some((action) => provisioning.test(action)));

    // Assess
    expect(provisioners.map((role) => role.name)).toEqual(['createAccount']);
  });

  it('gives KMS actions only to functions whose bundle calls KMS', () => {
    // Prepare
    const kmsCalls = new Set(Object.entries(SDK_COMMAND_ACTIONS).filter(([, actions]) => actions.needs.some((action) => action.startsWith('kms:'))).map(([call]) => call));

    // Act
    const withoutKmsCalls = roles
      .filter((role) => [...allowedActions(role.statements)].some((action) => action.startsWith('kms:')))
      .filter((role) => ![...callsOf(role)].some((call) => kmsCalls.has(call)));

    // Assess
    expect(withoutKmsCalls.map((role) => role.name)).toEqual([]);
  });

  it('gives the health check no write action', () => {
    // Prepare
    const health = roles.find((role) => role.name === 'health');

    // Act
    const writes = [...allowedActions(health?.statements ?? [])].filter((action) => WRITE_ACTION.test(action));

    // Assess
    expect(health).toBeDefined();
    expect(writes).toEqual([]);
  });

});
