import * as z from 'zod';
import { RuleFailedError } from '../../engine-errors';
import { defineRule } from '../../rule-registry';

export const failRule = defineRule({
  name: 'ordo.core.Fail',
  description: 'Fails the execution on purpose: nothing the event did is kept, and its EXCEPTION ruleset runs if there is one.',
  props: z.strictObject({ message: z.string().min(1).max(2000) }),
  run: (_ctx, props) => {
    throw new RuleFailedError(props.message);
  },
});
