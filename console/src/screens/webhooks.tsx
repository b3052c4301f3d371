import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const WebhooksScreen = (_props: ScreenProps) => <Page title="Webhooks">{null}</Page>;
