import { label, workflowDiagram } from '../../../shared/engine/mermaid-diagram';
import { createCoreRegistry } from '../../../shared/engine/rules/core/core-rules';
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

  it('draws a 15-ruleset fully connected workflow in under a second', () => {
    // Prepare
    const steps = Array.from({ length: 15 }, (_, index) => `STEP_${index}`);
    const dense = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'DONE'),
      rulesets: [
        ruleset('CREATE', [setState('BOOKED'), sendEvent('STEP_0')]),
        ...steps.map((step, index) =>
          ruleset(step, [...(index === steps.length - 1 ? [setState('DONE')] : []), ...steps.filter((other) => other !== step).map((other) => sendEvent(other))]),
        ),
      ],
    });
    const started = performance.now();

    // Act
    const lines = workflowDiagram(dense).split('\n');

    // Assess
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines).toEqual([
      'stateDiagram-v2',
      '    [*] --> CREATED',
      '    CREATED --> BOOKED : CREATE',
      '    BOOKED --> DONE : STEP_14',
      '    DONE --> [*]',
    ]);
  });

  it('draws a ruleset reached only through a cycle of senders from every status', () => {
    // Prepare
    const cyclic = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'DONE'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('PING', [sendEvent('PONG')]), ruleset('PONG', [setState('DONE'), sendEvent('PING')])],
    });

    // Act
    const lines = workflowDiagram(cyclic).split('\n');

    // Assess
    expect(lines.filter((line) => line.endsWith(': PONG'))).toEqual(['    CREATED --> DONE : PONG', '    BOOKED --> DONE : PONG']);
  });

  it('writes every character Mermaid could read as syntax as an entity code', () => {
    // Act
    const text = label('ON "HOLD" [a|b] {c} (d) <x>&y #1; e:f `g` %%h\\');

    // Assess
    expect(text).toBe(
      'ON #quot;HOLD#quot; #91;a#124;b#93; #123;c#125; #40;d#41; #lt;x#gt;#amp;y #35;1#59; e#58;f #96;g#96; #37;#37;h#92;',
    );
  });

  it('keeps letters, digits and plain punctuation of a name as they are', () => {
    // Act
    const text = label('Réservé 2, v1.2_b/c-d+e=f!g?h@i');

    // Assess
    expect(text).toBe('Réservé 2, v1.2_b/c-d+e=f!g?h@i');
  });

  it('keeps a name with line breaks on its one line of the diagram', () => {
    // Prepare
    const injected = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED\n    BOOKED --> PWNED : x'),
      rulesets: [ruleset('CREATE\r\n[*] --> PWNED', [setState('BOOKED\n    BOOKED --> PWNED : x')], { triggers: ['CREATED'] })],
    });

    // Act
    const lines = workflowDiagram(injected).split('\n');

    // Assess
    expect(lines).toEqual([
      'stateDiagram-v2',
      '    state "BOOKED BOOKED --#gt; PWNED #58; x" as BOOKED_____BOOKED_____PWNED___x',
      '    [*] --> CREATED',
      '    CREATED --> BOOKED_____BOOKED_____PWNED___x : CREATE #91;#42;#93; --#gt; PWNED',
      '    BOOKED_____BOOKED_____PWNED___x --> [*]',
    ]);
  });

  it('gives statuses that would share an id, or be a keyword, ids of their own', () => {
    // Prepare
    const clashing = orderWorkflow({
      statuses: statuses('CREATED', 'ON HOLD', 'ON_HOLD', 'note'),
      rulesets: [
        ruleset('CREATE', [setState('ON HOLD')]),
        ruleset('PARK', [setState('ON_HOLD')], { triggers: ['ON HOLD'] }),
        ruleset('ANNOTATE', [setState('note')], { triggers: ['ON_HOLD'] }),
      ],
    });

    // Act
    const lines = workflowDiagram(clashing).split('\n');

    // Assess
    expect(lines).toEqual(
      expect.arrayContaining([
        '    state "ON HOLD" as ON_HOLD',
        '    state "ON_HOLD" as ON_HOLD_2',
        '    state "note" as s_note',
        '    ON_HOLD --> ON_HOLD_2 : PARK',
        '    ON_HOLD_2 --> s_note : ANNOTATE',
      ]),
    );
  });
});
