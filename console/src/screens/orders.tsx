import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const OrdersScreen = (_props: ScreenProps) => <Page title="Orders">{null}</Page>;
