import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const InventoryScreen = (_props: ScreenProps) => <Page title="Inventory">{null}</Page>;
