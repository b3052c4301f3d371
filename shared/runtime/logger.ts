import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { currentLogContext } from './log-context';

/**
 * Powertools' own shape, with the keys of the current unit of work (correlation id, account,
 * retailer, key, event) on every line; a line's own attributes come last and win.
 */
class ScopedLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const base = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_name: attributes.lambdaContext?.functionName,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
      ...currentLogContext(),
    };
    return new LogItem({ attributes: base }).addAttributes(additionalLogAttributes);
  }
}

/** One logger per container. Never log bodies, headers or keys: they carry secrets and PII. */
export const logger = new Logger({ serviceName: 'ordo', logFormatter: new ScopedLogFormatter() });
