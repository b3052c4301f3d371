import {
  eventIdClaimItem,
  eventPartition,
  refClaimItem,
  rootPartition,
} from '../../../../shared/adapters/dynamodb/engine-items';

describe('engine item keys', () => {
  it("puts a root in its retailer's partition", () => {
    // Act
    const partition = rootPartition('r1', 'ORDER', 'O-1');

    // Assess
    expect(partition).toBe('ROOT#r1#ORDER#O-1');
  });

  it('gives the same ref of two retailers two partitions', () => {
    // Act
    const partitions = new Set([rootPartition('r1', 'ORDER', 'O-1'), rootPartition('r2', 'ORDER', 'O-1')]);

    // Assess
    expect(partitions.size).toBe(2);
  });

  it("puts an event in its retailer's partition", () => {
    // Act
    const partition = eventPartition('r1', 'e1');

    // Assess
    expect(partition).toBe('EVENT#r1#e1');
  });

  it("keeps a '#' in a retailer id from making two retailers' root keys meet", () => {
    // Act
    const [withHash, plain] = [rootPartition('r1#ORDER', 'X', 'O-1'), rootPartition('r1', 'ORDER#X', 'O-1')];

    // Assess
    expect(withHash).toBe('ROOT#r1%23ORDER#X#O-1');
    expect(withHash).not.toBe(plain);
  });

  it("keeps a '#' in a retailer id from making two retailers' event keys meet", () => {
    // Act
    const [withHash, plain] = [eventPartition('r1#a', 'b'), eventPartition('r1', 'a#b')];

    // Assess
    expect(withHash).not.toBe(plain);
  });

  it('claims a root ref for a retailer in one partition per ref, one item per retailer', () => {
    // Act
    const claims = [refClaimItem('r1', 'ORDER', 'O-1'), refClaimItem('r#2', 'ORDER', 'O-1')];

    // Assess
    expect(claims).toEqual([
      { PK: 'REF#ORDER#O-1', SK: 'r1', retailerId: 'r1' },
      { PK: 'REF#ORDER#O-1', SK: 'r%232', retailerId: 'r#2' },
    ]);
  });

  it('claims an event id for a retailer until the event expires', () => {
    // Act
    const claim = eventIdClaimItem('r1', 'e1', 1_750_000_000);

    // Assess
    expect(claim).toEqual({ PK: 'EVENTID#e1', SK: 'r1', retailerId: 'r1', expiresAt: 1_750_000_000 });
  });
});
