import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const JobsScreen = (_props: ScreenProps) => <Page title="Jobs">{null}</Page>;
