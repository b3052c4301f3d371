import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const EventsScreen = (_props: ScreenProps) => <Page title="Events">{null}</Page>;
