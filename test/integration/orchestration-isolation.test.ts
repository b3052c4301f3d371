import { newAccount } from './control-plane-api';
import { orchestrationApi as api, orderEvent, twoStatusWorkflow } from './orchestration-api';

describe('orchestration account isolation', () => {
  const setUpAccountA = async () => {
    const a = await newAccount('orch-a');
    await api.putWorkflow(a.apiKey, 'ORDER', 'HD', twoStatusWorkflow());
    await api.postEventSync(a.apiKey, orderEvent('CREATE', 'SHARED-REF', { id: `a-create-${a.accountId}` }));
    return a;
  };

  it("does not show account A's workflow to account B", async () => {
    // Prepare
    await setUpAccountA();
    const b = await newAccount('orch-b');

    // Act
    const response = await api.getWorkflow(b.apiKey, 'ORDER', 'HD', { retailerId: 'r1' });

    // Assess
    expect(response.status).toBe(404);
  });

  it("does not show account A's events or entities to account B", async () => {
    // Prepare
    const a = await setUpAccountA();
    const b = await newAccount('orch-b2');

    // Act
    const event = await api.getEvent(b.apiKey, `a-create-${a.accountId}`);
    const entity = await api.getEntity(b.apiKey, 'ORDER', 'SHARED-REF');
    const listed = await api.listEvents(b.apiKey, { rootEntityRef: 'SHARED-REF' });

    // Assess
    expect(event.status).toBe(404);
    expect(entity.status).toBe(404);
    expect(listed.body.items).toEqual([]);
  });

  it("runs account B's event for the same entity ref in B only, leaving A's entity untouched", async () => {
    // Prepare
    const a = await setUpAccountA();
    const b = await newAccount('orch-b3');
    await api.putWorkflow(b.apiKey, 'ORDER', 'HD', twoStatusWorkflow());

    // Act
    const createdInB = await api.postEventSync(b.apiKey, orderEvent('CREATE', 'SHARED-REF'));
    const bookInB = await api.postEventSync(b.apiKey, orderEvent('BOOK', 'SHARED-REF'));

    // Assess
    expect(createdInB.body.status).toBe('SUCCESS');
    expect(bookInB.body.entity.status).toBe('BOOKED');
    expect((await api.getEntity(a.apiKey, 'ORDER', 'SHARED-REF')).body.status).toBe('CREATED');
  });

  it("cannot post into account A by naming A's event id: it lands in B as a new event", async () => {
    // Prepare
    const a = await setUpAccountA();
    const b = await newAccount('orch-b4');

    // Act
    const response = await api.postEventSync(b.apiKey, orderEvent('BOOK', 'SHARED-REF', { id: `a-create-${a.accountId}` }));

    // Assess
    expect(response.body.status).toBe('NO_MATCH');
    expect((await api.getEntity(a.apiKey, 'ORDER', 'SHARED-REF')).body.status).toBe('CREATED');
    expect((await api.getEvent(a.apiKey, `a-create-${a.accountId}`)).body.status).toBe('SUCCESS');
  });
});
