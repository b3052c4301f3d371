import { registerInventoryRules } from '../../../../shared/domain/inventory/rules/inventory-rules';
import { referenceWorkflows } from '../../../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { registerOrderRules } from '../../../../shared/domain/orders/rules/order-rules';
import { createCoreRegistry } from '../../../../shared/engine/rules/core/core-rules';
import { validateWorkflow } from '../../../../shared/engine/workflow-validation';

const registry = registerInventoryRules(registerOrderRules(createCoreRegistry()));

describe('the reference order workflows', () => {
  it.each(referenceWorkflows('r1').map((workflow) => [workflow.subtype, workflow] as const))(
    'the %s workflow passes the validation every upload runs, with no problem and no warning',
    (_subtype, workflow) => {
      // Act
      const { problems, warnings } = validateWorkflow(workflow, registry);

      // Assess
      expect({ problems, warnings }).toEqual({ problems: [], warnings: [] });
    },
  );
});
