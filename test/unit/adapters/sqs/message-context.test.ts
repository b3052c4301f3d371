import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { carryMessageContext, withContextAttributes } from '../../../../shared/adapters/sqs/message-context';

/** A client that sends nothing: the last step hands back what the command would have sent. */
const capturingClient = (context: () => { correlationId?: string; accountId?: string }) => {
  const client = carryMessageContext(new SQSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, md5: false }), context);
  const sent: unknown[] = [];
  client.middlewareStack.add(
    () => async (args) => {
      sent.push(structuredClone(args.input));
      return { output: { $metadata: {} } as never, response: {} };
    },
    { step: 'build', name: 'captureInput' },
  );
  return { client, sent };
};

describe('the context a queue message carries', () => {
  it('adds the correlation id and account of the work sending a message as string attributes', async () => {
    // Prepare
    const { client, sent } = capturingClient(() => ({ correlationId: 'corr-1', accountId: 'acme' }));

    // Act
    await client.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/q', MessageBody: '{}' }));

    // Assess
    expect(sent).toEqual([
      expect.objectContaining({
        MessageAttributes: { correlationId: { DataType: 'String', StringValue: 'corr-1' }, accountId: { DataType: 'String', StringValue: 'acme' } },
      }),
    ]);
  });

  it('adds them to every entry of a batch', async () => {
    // Prepare
    const { client, sent } = capturingClient(() => ({ correlationId: 'corr-2' }));

    // Act
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/q',
        Entries: [
          { Id: '0', MessageBody: '{}' },
          { Id: '1', MessageBody: '{}' },
        ],
      }),
    );

    // Assess
    const [batch] = sent as { Entries: { MessageAttributes?: unknown }[] }[];
    expect(batch?.Entries.map((entry) => entry.MessageAttributes)).toEqual([
      { correlationId: { DataType: 'String', StringValue: 'corr-2' } },
      { correlationId: { DataType: 'String', StringValue: 'corr-2' } },
    ]);
  });

  it('adds no attribute outside any work with a context', async () => {
    // Prepare
    const { client, sent } = capturingClient(() => ({}));

    // Act
    await client.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/q', MessageBody: '{}' }));

    // Assess
    expect(sent[0]).not.toHaveProperty('MessageAttributes');
  });

  it("keeps an attribute the sender set itself over the carried one", () => {
    // Act
    const attributes = withContextAttributes({ correlationId: 'carried' }, { correlationId: { DataType: 'String', StringValue: 'own' } });

    // Assess
    expect(attributes).toEqual({ correlationId: { DataType: 'String', StringValue: 'own' } });
  });
});
