import { workflowDiagram } from '../../../shared/engine/mermaid-diagram';
import { createCoreRegistry } from '../../../shared/engine/rules/core';
import { orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const workflow = orderWorkflow({
  statuses: statuses('CREATED', 'BOOKED', 'SHIPPED', 'CANCELLED', 'ON HOLD'),
  rulesets: [
    ruleset('CREATE', [setState('BOOKED')]),
    ruleset('SHIP', [sendEvent('CONFIRM_SHIPMENT')], { triggers: ['BOOKED'] }),
    ruleset('CONFIRM_SHIPMENT', [setState('SHIPPED')]),
    ruleset('CANCEL', [setState('CANCELLED')], { triggers: ['CREATED', 'BOOKED'] }),
    ruleset('HOLD', [setState('ON HOLD')], { triggers: ['BOOKED'] }),
    ruleset('PICK', [setState('PICKED')], { type: 'FULFILMENT' }),
  ],
});

describe('workflowDiagram', () => {
  it('draws a stateDiagram-v2 starting at the initial status', () => {
    // Act
    const diagram = workflowDiagram(workflow);

    // Assess
    expect(diagram.split('\n').slice(0, 1)).toEqual(['stateDiagram-v2']);
    expect(diagram).toContain('    [*] --> CREATED');
  });

  it('labels an edge for each status change with the event that causes it', () => {
    // Act
    const lines = workflowDiagram(workflow).split('\n');

    // Assess
    expect(lines).toEqual(
      expect.arrayContaining([
        '    CREATED --> BOOKED : CREATE',
        '    CREATED --> CANCELLED : CANCEL',
        '    BOOKED --> CANCELLED : CANCEL',
        '    BOOKED --> ON_HOLD : HOLD',
      ]),
    );
  });

  it('follows SendEvent chains to the status the chained ruleset sets', () => {
    // Act
    const lines = workflowDiagram(workflow).split('\n');

    // Assess
    expect(lines).toContain('    BOOKED --> SHIPPED : CONFIRM_SHIPMENT');
    expect(lines.filter((line) => line.endsWith(': CONFIRM_SHIPMENT'))).toHaveLength(1);
  });

  it('gives statuses that are not identifiers a safe id and keeps their name', () => {
    // Act
    const diagram = workflowDiagram(workflow);

    // Assess
    expect(diagram).toContain('    state "ON HOLD" as ON_HOLD');
  });

  it('ends the statuses nothing leaves', () => {
    // Act
    const lines = workflowDiagram(workflow).split('\n');

    // Assess
    expect(lines).toEqual(expect.arrayContaining(['    SHIPPED --> [*]', '    CANCELLED --> [*]']));
    expect(lines).not.toContain('    BOOKED --> [*]');
  });

  it('draws a ruleset with no triggers and no sender from every other status', () => {
    // Prepare
    const anyStatus = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'CANCELLED'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('CANCEL', [setState('CANCELLED')])],
    });

    // Act
    const lines = workflowDiagram(anyStatus).split('\n');

    // Assess
    expect(lines.filter((line) => line.endsWith(': CANCEL'))).toEqual([
      '    CREATED --> CANCELLED : CANCEL',
      '    BOOKED --> CANCELLED : CANCEL',
    ]);
  });

  it("draws another entity type's rulesets when asked, and custom rules' transitions with a registry", () => {
    // Prepare
    const registry = createCoreRegistry();

    // Act
    const diagram = workflowDiagram(
      { ...workflow, rulesets: [...workflow.rulesets, ruleset('PACK', [rule('SendEventIf', { eventName: 'X', condition: { source: 'entity', path: 'status', op: 'eq', value: 'BOOKED' } })], { type: 'FULFILMENT', triggers: ['PICKED'] })] },
      { entityType: 'FULFILMENT', registry },
    );

    // Assess
    expect(diagram).not.toContain('[*] --> CREATED');
    expect(diagram).toContain(' --> PICKED : PICK');
    expect(diagram).not.toContain('PICKED --> BOOKED');
  });
});
