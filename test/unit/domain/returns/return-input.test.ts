import { returnInputSchema } from '../../../../shared/domain/returns/return-input';

const body = (lines: unknown[]) => ({ ref: 'R-1', orderRef: 'O-1', returnLocationRef: 'DC-1', lines });

describe('the body of POST /v1/returns', () => {
  it('accepts a return of one line with its reason', () => {
    // Act
    const parsed = returnInputSchema.safeParse(body([{ lineRef: 'L1', qty: 1, reason: 'too small' }]));

    // Assess
    expect(parsed.success).toBe(true);
  });

  it('refuses a line named twice, pointing at the second', () => {
    // Act
    const parsed = returnInputSchema.safeParse(
      body([
        { lineRef: 'L1', qty: 1, reason: 'too small' },
        { lineRef: 'L1', qty: 1, reason: 'too big' },
      ]),
    );

    // Assess
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['lines.1.lineRef']);
  });

  it.each([
    ['a qty of 0', { lineRef: 'L1', qty: 0, reason: 'x' }, 'lines.0.qty'],
    ['no reason', { lineRef: 'L1', qty: 1 }, 'lines.0.reason'],
    ['a field of its own', { lineRef: 'L1', qty: 1, reason: 'x', refund: 5 }, 'lines.0'],
  ])('refuses a line with %s, naming the field', (_case, line, field) => {
    // Act
    const parsed = returnInputSchema.safeParse(body([line]));

    // Assess
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
