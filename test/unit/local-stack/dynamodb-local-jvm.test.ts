import { javaToolOptionsFor } from '../../../scripts/local-stack/dynamodb-local';

describe('the JVM options DynamoDB Local starts with', () => {
  it('starts an emulator for a test run with the C1 compiler only and the serial collector', () => {
    // Prepare: the environment sets none.

    // Act
    const options = javaToolOptionsFor(undefined, true);

    // Assess
    expect(options).toBe('-XX:TieredStopAtLevel=1 -XX:+UseSerialGC');
  });

  it("keeps the environment's own JVM options and adds the test run's after them", () => {
    // Prepare
    const given = '-Xmx512m';

    // Act
    const options = javaToolOptionsFor(given, true);

    // Assess
    expect(options).toBe('-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC');
  });

  it("starts a long-running emulator with the environment's options alone", () => {
    // Prepare
    const given = '-Xmx512m';

    // Act
    const options = [javaToolOptionsFor(given, false), javaToolOptionsFor(undefined, false)];

    // Assess
    expect(options).toEqual(['-Xmx512m', undefined]);
  });
});
