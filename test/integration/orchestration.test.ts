import { newAccount } from './control-plane-api';
import { orchestrationApi as api, orderEvent, twoStatusWorkflow } from './orchestration-api';

describe('orchestration over the API, on DynamoDB Local', () => {
  it('moves an entity CREATED → BOOKED with a sync event and logs the event, ruleset, rule and state change in order', async () => {
    // Prepare
    const { apiKey } = await newAccount('flow');
    expect((await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow())).status).toBe(201);
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-1'));

    // Act
    const booked = await api.postEventSync(apiKey, orderEvent('BOOK', 'O-1', { id: 'book-O-1' }));

    // Assess
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ eventId: 'book-O-1', status: 'SUCCESS', entity: { ref: 'O-1', status: 'BOOKED' } });
    const logged = await api.getEvent(apiKey, 'book-O-1');
    expect(logged.body.status).toBe('SUCCESS');
    expect(logged.body.audit.map((record: { kind: string; name?: string }) => [record.kind, record.name])).toEqual([
      ['EVENT_RECEIVED', 'BOOK'],
      ['RULESET', 'BOOK'],
      ['RULE', 'ordo.core.SetState'],
      ['STATE_CHANGE', 'BOOK'],
      ['OUTCOME', 'BOOK'],
    ]);
    expect(logged.body.audit[3]).toMatchObject({ from: 'CREATED', to: 'BOOKED' });
  });

  it('refuses an event whose attributes nest deeper than Ordo stores with 400 naming the field, and writes nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('deep-attrs');
    let deep: unknown = 'bottom';
    for (let level = 0; level < 40; level += 1) deep = [deep];

    // Act
    const response = await api.postEventSync(apiKey, orderEvent('CREATE', 'O-1', { id: 'deep-O-1', attributes: { deep } }));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: `attributes.deep${'[0]'.repeat(15)}` } });
    expect((await api.getEvent(apiKey, 'deep-O-1')).status).toBe(404);
  });

  it('returns the latest workflow version, or the one asked for', async () => {
    // Prepare
    const { apiKey } = await newAccount('versions');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    const second = await api.putWorkflow(apiKey, 'ORDER', 'HD', { ...twoStatusWorkflow(), name: 'second' });

    // Act
    const latest = await api.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'r1' });
    const first = await api.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'r1', version: '1' });

    // Assess
    expect(second.body.version).toBe(2);
    expect(latest.body).toMatchObject({ version: 2, name: 'second' });
    expect(first.body.version).toBe(1);
  });

  it('keeps an entity on the workflow version it was created under', async () => {
    // Prepare
    const { apiKey } = await newAccount('pinned');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-old'));
    const v2 = twoStatusWorkflow();
    v2.rulesets[1] = { ...v2.rulesets[1], name: 'CONFIRM' };
    await api.putWorkflow(apiKey, 'ORDER', 'HD', v2);

    // Act
    const booked = await api.postEventSync(apiKey, orderEvent('BOOK', 'O-old'));

    // Assess
    expect(booked.body).toMatchObject({ status: 'SUCCESS', entity: { status: 'BOOKED', workflowVersion: 1 } });
  });

  it('refuses an invalid workflow with 400 listing every problem, and stores nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('invalid-wf');
    const broken = {
      ...twoStatusWorkflow(),
      rulesets: [
        { name: 'BOOK', type: 'ORDER', triggers: [{ status: 'NOWHERE' }], rules: [{ name: 'ordo.core.Teleport' }] },
        { name: 'SHIP', type: 'ORDER', rules: [{ name: 'ordo.core.SetState', props: { status: 'SHIPPED' } }] },
      ],
    };

    // Act
    const response = await api.putWorkflow(apiKey, 'ORDER', 'HD', broken);

    // Assess
    expect(response.status).toBe(400);
    const messages = response.body.error.details.map((detail: { message: string }) => detail.message).join('\n');
    expect(messages).toMatch(/CREATE/);
    expect(messages).toMatch(/NOWHERE/);
    expect(messages).toMatch(/Teleport/);
    expect(messages).toMatch(/SHIPPED/);
    expect((await api.getWorkflow(apiKey, 'ORDER', 'HD', { retailerId: 'r1' })).status).toBe(404);
  });

  it('records an event whose name matches nothing as NO_MATCH and lists it by status', async () => {
    // Prepare
    const { apiKey } = await newAccount('nomatch');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-2'));

    // Act
    const response = await api.postEventSync(apiKey, orderEvent('TELEPORT', 'O-2', { id: 'lost-1' }));

    // Assess
    expect(response.body.status).toBe('NO_MATCH');
    const listed = await api.listEvents(apiKey, { status: 'NO_MATCH' });
    expect(listed.body.items.map((item: { eventId: string }) => item.eventId)).toEqual(['lost-1']);
  });

  it('lists an order timeline newest first', async () => {
    // Prepare
    const { apiKey } = await newAccount('timeline');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-3', { id: 't-1' }));
    await api.postEventSync(apiKey, orderEvent('BOOK', 'O-3', { id: 't-2' }));

    // Act
    const listed = await api.listEvents(apiKey, { rootEntityRef: 'O-3' });

    // Assess
    expect(listed.body.items.map((item: { eventId: string }) => item.eventId)).toEqual(['t-2', 't-1']);
  });

  it('pages through the log with a cursor', async () => {
    // Prepare
    const { apiKey } = await newAccount('paging');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    for (const ref of ['P-1', 'P-2', 'P-3']) await api.postEventSync(apiKey, orderEvent('CREATE', ref, { id: `c-${ref}` }));

    // Act
    const first = await api.listEvents(apiKey, { limit: '2' });
    const second = await api.listEvents(apiKey, { limit: '2', cursor: first.body.cursor });

    // Assess
    const ids = [...first.body.items, ...second.body.items].map((item: { eventId: string }) => item.eventId);
    expect(ids).toEqual(['c-P-3', 'c-P-2', 'c-P-1']);
  });

  it('dry-runs an event against a draft workflow and writes nothing', async () => {
    // Prepare
    const { apiKey } = await newAccount('dryrun');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-4'));
    const draft = twoStatusWorkflow();
    draft.rulesets[1] = { ...draft.rulesets[1], name: 'CONFIRM' };

    // Act
    const response = await api.dryRun(apiKey, { ...orderEvent('CONFIRM', 'O-4', { id: 'dry-1' }), workflow: draft });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.stateChanges).toEqual([{ entityType: 'ORDER', entityRef: 'O-4', from: 'CREATED', to: 'BOOKED' }]);
    expect((await api.getEntity(apiKey, 'ORDER', 'O-4')).body.status).toBe('CREATED');
    expect((await api.getEvent(apiKey, 'dry-1')).status).toBe(404);
  });

  it('draws the workflow as a Mermaid state diagram', async () => {
    // Prepare
    const { apiKey } = await newAccount('diagram');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());

    // Act
    const response = await api.getWorkflowDiagram(apiKey, 'ORDER', 'HD', { retailerId: 'r1' });

    // Assess
    expect(response.body.mermaid).toContain('stateDiagram-v2');
    expect(response.body.mermaid).toMatch(/CREATED --> BOOKED\s*:\s*BOOK/);
  });

  it('changes state once for an event id delivered twice and records the second delivery as DUPLICATE', async () => {
    // Prepare
    const { apiKey } = await newAccount('dup-event');
    await api.putWorkflow(apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(apiKey, orderEvent('CREATE', 'O-5'));
    const first = await api.postEventSync(apiKey, orderEvent('BOOK', 'O-5', { id: 'twice-1' }));

    // Act
    const second = await api.postEventSync(apiKey, orderEvent('BOOK', 'O-5', { id: 'twice-1' }));

    // Assess
    expect(first.body.entity.version).toBe(2);
    expect(second.body.status).toBe('DUPLICATE');
    expect((await api.getEntity(apiKey, 'ORDER', 'O-5')).body).toMatchObject({ status: 'BOOKED', version: 2 });
    const logged = await api.getEvent(apiKey, 'twice-1');
    expect(logged.body).toMatchObject({ status: 'SUCCESS', duplicateDeliveries: 1 });
    expect(logged.body.audit.at(-1)).toMatchObject({ kind: 'OUTCOME', outcome: 'DUPLICATE' });
  });
});
