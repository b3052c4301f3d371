import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { FunctionInvoker, Invocation } from '../../ports/function-invoker';

const decoded = (payload: Uint8Array | undefined): unknown => {
  if (!payload || payload.length === 0) return undefined;
  const text = Buffer.from(payload).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Invokes `<function>:<version>` synchronously: the version itself, whatever its alias routes. */
export class LambdaFunctionInvoker implements FunctionInvoker {
  constructor(private readonly client: LambdaClient) {}

  async invoke(functionName: string, version: string, event: unknown): Promise<Invocation> {
    const answer = await this.client.send(
      new InvokeCommand({ FunctionName: functionName, Qualifier: version, InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify(event)) }),
    );
    return { ...(answer.FunctionError ? { functionError: answer.FunctionError } : {}), payload: decoded(answer.Payload) };
  }
}
