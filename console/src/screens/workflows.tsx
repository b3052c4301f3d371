import type { ScreenProps } from '../app';
import { WorkflowList } from './workflows/workflow-list';
import { WorkflowPage } from './workflows/workflow-page';

/** `#/workflows` lists them; `#/workflows/<entityType>/<subtype>?retailerId=&version=` opens one. */
export const WorkflowsScreen = ({ account, route }: ScreenProps) => {
  const [, entityType, subtype] = route.segments;
  if (entityType && subtype) {
    const version = Number(route.query.get('version'));
    return (
      <WorkflowPage
        account={account}
        entityType={entityType}
        subtype={subtype}
        retailerId={route.query.get('retailerId') ?? account.retailerId ?? ''}
        version={Number.isInteger(version) && version > 0 ? version : undefined}
      />
    );
  }
  return <WorkflowList account={account} retailerId={route.query.get('retailerId') ?? ''} />;
};
