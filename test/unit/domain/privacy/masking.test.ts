import { maskEmail, maskPhone, maskWords } from '../../../../shared/domain/privacy/masking';

describe('masking', () => {
  it.each([
    ['Ada Lovelace', 'A*** L***'],
    ['Grace', 'G***'],
    ['  Jean   Paul  Sartre ', 'J*** P*** S***'],
    ['12 Analytical Row', '1*** A*** R***'],
    ['Émile Zola', 'É*** Z***'],
  ])('keeps only the first letter of each word of %j', (value, masked) => {
    // Act
    const result = maskWords(value);

    // Assess
    expect(result).toBe(masked);
  });

  it('keeps the first letter of the mailbox and the whole domain of an email', () => {
    // Act
    const result = maskEmail('ada.lovelace@example.com');

    // Assess
    expect(result).toBe('a***@example.com');
  });

  it('masks an email without a mailbox like a name, showing nothing after its first letter', () => {
    // Act
    const result = maskEmail('not-an-email');

    // Assess
    expect(result).toBe('n***');
  });

  it('keeps the first and last three characters of a phone and stars the others one for one', () => {
    // Act
    const result = maskPhone('+441234567890');

    // Assess
    expect(result).toBe('+44*******890');
  });

  it('stars every character of a phone too short to keep six of them', () => {
    // Act
    const result = maskPhone('12345');

    // Assess
    expect(result).toBe('*****');
  });
});
