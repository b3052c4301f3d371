import type { ScreenProps } from '../app';
import { Page } from '../components/page';

export const WorkflowsScreen = (_props: ScreenProps) => <Page title="Workflows">{null}</Page>;
