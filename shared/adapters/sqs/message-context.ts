import type { MessageAttributeValue, SendMessageBatchRequestEntry, SQSClient } from '@aws-sdk/client-sqs';

/** What a message carries of the work that sent it, so the consumer's log lines continue the same chain. */
export interface MessageContext {
  correlationId?: string;
  accountId?: string;
}

type Attributes = Record<string, MessageAttributeValue>;

/** The context as SQS message attributes (strings only); what the sender set itself wins. */
export const withContextAttributes = ({ correlationId, accountId }: MessageContext, own: Attributes | undefined): Attributes | undefined => {
  const carried = Object.fromEntries(
    Object.entries({ correlationId, accountId })
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
  );
  const attributes = { ...carried, ...own };
  return Object.keys(attributes).length ? attributes : undefined;
};

type SendInput = { MessageAttributes?: Attributes; Entries?: SendMessageBatchRequestEntry[] };

/**
 * Every message the client sends (SendMessage and SendMessageBatch, to any queue) carries the
 * context of the work sending it, read when it is sent: the adapters and the use cases stay unaware.
 */
export const carryMessageContext = (client: SQSClient, context: () => MessageContext): SQSClient => {
  client.middlewareStack.add(
    (next, { commandName }) =>
      async (args) => {
        const input = args.input as SendInput;
        const current = context();
        const carry = (message: { MessageAttributes?: Attributes }) => {
          const attributes = withContextAttributes(current, message.MessageAttributes);
          if (attributes) message.MessageAttributes = attributes;
        };
        if (commandName === 'SendMessageCommand') carry(input);
        else if (commandName === 'SendMessageBatchCommand') for (const entry of input.Entries ?? []) carry(entry);
        return next(args);
      },
    { step: 'initialize', name: 'ordoMessageContext' },
  );
  return client;
};
