import type { ScreenProps } from '../app';
import { Notice } from '../components/feedback';
import { Page } from '../components/page';
import { may } from '../session';
import { SubscriptionList } from './webhooks/subscription-list';
import { SubscriptionPage } from './webhooks/subscription-page';

/** `#/webhooks` lists the subscriptions; `#/webhooks/<webhookId>?status=` shows one and its deliveries. */
export const WebhooksScreen = ({ account, route }: ScreenProps) => {
  if (!may(account, 'WEBHOOK_MANAGE')) {
    return (
      <Page title="Webhooks">
        <Notice>Webhook subscriptions are managed with a key that has WEBHOOK_MANAGE (the ADMIN role).</Notice>
      </Page>
    );
  }
  const [, webhookId] = route.segments;
  return webhookId ? <SubscriptionPage key={webhookId} webhookId={webhookId} status={route.query.get('status') ?? ''} /> : <SubscriptionList />;
};
