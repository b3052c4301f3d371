import type { TemplateResource } from './api-stage';

export interface RequestLogSubscriptionSettings {
  destination: string;
  role: string;
  filterPattern: string;
}

export interface ServerlessFunction {
  name: string;
  events?: Record<string, unknown>[];
}

declare class RequestLogSubscriptionsPlugin {
  constructor(serverless: unknown);
  hooks: Record<string, () => void>;
  subscribe(): void;
}

declare namespace RequestLogSubscriptionsPlugin {
  /** The subscription filters for the functions with an `http` event, by logical id. */
  function requestLogSubscriptions(
    functions: Record<string, ServerlessFunction>,
    resources: Record<string, TemplateResource>,
    settings: RequestLogSubscriptionSettings | undefined,
  ): Record<string, TemplateResource>;
}

export = RequestLogSubscriptionsPlugin;
