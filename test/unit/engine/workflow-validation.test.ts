import { InvalidWorkflowError } from '../../../shared/engine/engine-errors';
import { createCoreRegistry } from '../../../shared/engine/rules/core/core-rules';
import { WORKFLOW_LIMITS, type Workflow } from '../../../shared/engine/workflow';
import { parseWorkflow, validateWorkflow } from '../../../shared/engine/workflow-validation';
import { log, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const registry = createCoreRegistry();

const thrownBy = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
};

const valid: Workflow = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'CANCELLED'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('SHIP', [setState('SHIPPED')], { triggers: ['BOOKED'] }),
    ruleset('CANCEL', [setState('CANCELLED')], { triggers: ['CREATED', 'BOOKED'] }),
  ],
});

describe('validateWorkflow', () => {
  it('finds no problem in a sound workflow', () => {
    // Act
    const result = validateWorkflow(valid, registry);

    // Assess
    expect(result).toEqual({ problems: [], warnings: [] });
  });

  it('lists every problem at once', () => {
    // Prepare
    const broken: Workflow = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'BOOKED'),
      rulesets: [
        ruleset('BOOK', [setState('BOOKED')]),
        ruleset('SHIP', [setState('SHIPPED'), rule('Teleport', {})], { triggers: ['PACKED'] }),
        ruleset('NOTIFY', [rule('SendEventIf', { eventName: 'X', condition: { source: 'entity', path: 'total', op: 'gt' } })]),
      ],
    });

    // Act
    const { problems } = validateWorkflow(broken, registry);

    // Assess
    expect(problems).toEqual([
      { path: 'statuses[2].name', message: "Status 'BOOKED' is already declared at statuses[1]" },
      { path: 'rulesets', message: expect.stringContaining('There is no CREATE ruleset of type ORDER') },
      { path: 'rulesets[1].triggers[0].status', message: "Trigger status 'PACKED' is not declared in statuses" },
      {
        path: 'rulesets[1].rules[0].props',
        message: "ordo.core.SetState names status 'SHIPPED', which is not declared in statuses",
      },
      { path: 'rulesets[1].rules[1].name', message: "Rule 'ordo.core.Teleport' is not registered" },
      {
        path: 'rulesets[2].rules[0].props.condition.value',
        message: "ordo.core.SendEventIf props.condition.value: op 'gt' needs a value",
      },
    ]);
  });

  it('reports an initial status that is not declared', () => {
    // Prepare
    const workflow = { ...valid, initialStatus: 'NEW' };

    // Act
    const { problems } = validateWorkflow(workflow, registry);

    // Assess
    expect(problems).toContainEqual({ path: 'initialStatus', message: "The initial status 'NEW' is not declared in statuses" });
  });

  it('checks statuses named in a SendEventIf condition on the status', () => {
    // Prepare
    const workflow = {
      ...valid,
      rulesets: [
        ...valid.rulesets,
        ruleset('CHECK', [
          rule('SendEventIf', { eventName: 'SHIP', condition: { source: 'entity', path: 'status', op: 'eq', value: 'PAID' } }),
        ]),
      ],
    };

    // Act
    const { problems } = validateWorkflow(workflow, registry);

    // Assess
    expect(problems).toEqual([
      { path: 'rulesets[3].rules[0].props', message: expect.stringContaining("names status 'PAID'") },
    ]);
  });

  it('warns about statuses no ruleset can reach, without calling them problems', () => {
    // Prepare
    const workflow = {
      ...valid,
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'CANCELLED', 'DELIVERED', 'RETURNED'),
      rulesets: [...valid.rulesets, ruleset('RETURN', [setState('RETURNED')], { triggers: ['DELIVERED'] })],
    };

    // Act
    const { problems, warnings } = validateWorkflow(workflow, registry);

    // Assess
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      { path: 'statuses[4]', message: "Status 'DELIVERED' cannot be reached from 'CREATED'" },
      { path: 'statuses[5]', message: "Status 'RETURNED' cannot be reached from 'CREATED'" },
    ]);
  });

  it('counts a status as reachable through a chain of triggered rulesets', () => {
    // Prepare
    const workflow = {
      ...valid,
      statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'CANCELLED', 'DELIVERED'),
      rulesets: [...valid.rulesets, ruleset('DELIVER', [setState('DELIVERED')], { triggers: ['SHIPPED'] })],
    };

    // Act
    const { warnings } = validateWorkflow(workflow, registry);

    // Assess
    expect(warnings).toEqual([]);
  });

  it('warns when a ruleset is shadowed by an earlier one for the same event and statuses', () => {
    // Prepare
    const workflow = { ...valid, rulesets: [...valid.rulesets, ruleset('SHIP', [sendEvent('X')])] };

    // Act
    const { warnings } = validateWorkflow(workflow, registry);

    // Assess
    expect(warnings).toEqual([{ path: 'rulesets[3]', message: expect.stringContaining('overlaps rulesets[1]') }]);
  });

  it('warns once about a ruleset that several earlier ones shadow, naming the first', () => {
    // Prepare
    const ships = [ruleset('SHIP', [sendEvent('X')]), ruleset('SHIP', [sendEvent('Y')]), ruleset('SHIP', [sendEvent('Z')])];
    const workflow = { ...valid, rulesets: [...valid.rulesets, ...ships] };

    // Act
    const { warnings } = validateWorkflow(workflow, registry);

    // Assess
    expect(warnings).toEqual([
      { path: 'rulesets[3]', message: expect.stringContaining('overlaps rulesets[1]') },
      { path: 'rulesets[4]', message: expect.stringContaining('overlaps rulesets[1]') },
      { path: 'rulesets[5]', message: expect.stringContaining('overlaps rulesets[1]') },
    ]);
  });
});

describe('parseWorkflow', () => {
  it('returns a valid workflow with its warnings', () => {
    // Act
    const { workflow, warnings } = parseWorkflow(JSON.parse(JSON.stringify(valid)), registry);

    // Assess
    expect(workflow).toEqual(valid);
    expect(warnings).toEqual([]);
  });

  it('throws an InvalidWorkflowError naming every field that breaks the JSON shape', () => {
    // Prepare
    const raw = { ...valid, statuses: [{ name: '' }], rulesets: [{ name: 'CREATE', rules: [] }], colour: 'blue' };

    // Act
    const error = thrownBy(() => parseWorkflow(raw, registry));

    // Assess
    expect(error).toBeInstanceOf(InvalidWorkflowError);
    expect((error as InvalidWorkflowError).problems.map((problem) => problem.path)).toEqual([
      'statuses[0].name',
      'rulesets[0].type',
      '(root)',
    ]);
    expect((error as InvalidWorkflowError).details).toHaveLength(3);
  });

  it('throws an InvalidWorkflowError listing every problem of a well-formed but broken workflow', () => {
    // Prepare
    const raw = { ...valid, rulesets: [ruleset('SHIP', [setState('LOST')])] };

    // Act
    const parsing = () => parseWorkflow(raw, registry);

    // Assess
    expect(parsing).toThrow(/The workflow has 2 problems: rulesets: There is no CREATE ruleset.*props: ordo.core.SetState names status 'LOST'/);
  });

  describe('size limits', () => {
    const problemsOf = (raw: unknown) => (thrownBy(() => parseWorkflow(raw, registry)) as InvalidWorkflowError | undefined)?.problems;

    it('refuses a loop guard above 1,000 and names settings.loopGuard', () => {
      // Prepare
      const raw = { ...valid, settings: { loopGuard: WORKFLOW_LIMITS.loopGuard + 1 } };

      // Act
      const problems = problemsOf(raw);

      // Assess
      expect(problems).toEqual([{ path: 'settings.loopGuard', message: 'must be at most 1000' }]);
    });

    it('accepts a loop guard of exactly 1,000', () => {
      // Prepare
      const raw = { ...valid, settings: { loopGuard: WORKFLOW_LIMITS.loopGuard } };

      // Act
      const { workflow } = parseWorkflow(raw, registry);

      // Assess
      expect(workflow.settings).toEqual({ loopGuard: 1000 });
    });

    it('refuses more than 100 statuses and names statuses', () => {
      // Prepare
      const many = Array.from({ length: WORKFLOW_LIMITS.statuses }, (_, index) => `S${index}`);
      const raw = { ...valid, statuses: statuses(...valid.statuses.map((status) => status.name), ...many) };

      // Act
      const problems = problemsOf(raw);

      // Assess
      expect(problems).toEqual([{ path: 'statuses', message: 'must have at most 100 statuses' }]);
    });

    it('refuses more than 200 rulesets and names rulesets', () => {
      // Prepare
      const extra = Array.from({ length: WORKFLOW_LIMITS.rulesets }, (_, index) => ruleset(`NOTE_${index}`, [log('noted')]));
      const raw = { ...valid, rulesets: [...valid.rulesets, ...extra] };

      // Act
      const problems = problemsOf(raw);

      // Assess
      expect(problems).toEqual([{ path: 'rulesets', message: 'must have at most 200 rulesets' }]);
    });

    it('refuses more than 50 rules in one ruleset and names that ruleset\'s rules', () => {
      // Prepare
      const chatty = ruleset('CHATTER', Array.from({ length: WORKFLOW_LIMITS.rulesPerRuleset + 1 }, () => log('again')));
      const raw = { ...valid, rulesets: [...valid.rulesets, chatty] };

      // Act
      const problems = problemsOf(raw);

      // Assess
      expect(problems).toEqual([{ path: 'rulesets[3].rules', message: 'must have at most 50 rules' }]);
    });

    it('accepts a workflow at every limit', () => {
      // Prepare
      const names = Array.from({ length: WORKFLOW_LIMITS.statuses }, (_, index) => (index === 0 ? 'CREATED' : `S${index}`));
      const full = orderWorkflow({
        statuses: statuses(...names),
        rulesets: Array.from({ length: WORKFLOW_LIMITS.rulesets }, (_, index) =>
          ruleset(index === 0 ? 'CREATE' : `STEP_${index}`, Array.from({ length: WORKFLOW_LIMITS.rulesPerRuleset }, () => log('step')), {
            ...(index === 0 ? {} : { triggers: names }),
          }),
        ),
        settings: { loopGuard: WORKFLOW_LIMITS.loopGuard },
      });

      // Act
      const parsing = () => parseWorkflow(full, registry);

      // Assess
      expect(parsing).not.toThrow();
    });
  });
});
