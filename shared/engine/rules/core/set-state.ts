import * as z from 'zod';
import { defineRule } from '../../rule-registry';

export const setStateRule = defineRule({
  name: 'ordo.core.SetState',
  description: 'Moves the entity to a status declared in the workflow.',
  props: z.strictObject({ status: z.string().trim().min(1) }),
  statusProps: (props) => [props.status],
  run: (_ctx, props) => [{ type: 'SET_STATE', status: props.status }],
});
