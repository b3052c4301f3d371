import * as z from 'zod';
import { defineRule } from '../../rule-registry';

export const logRule = defineRule({
  name: 'ordo.core.Log',
  description: "Writes a message to the execution's audit.",
  props: z.strictObject({
    message: z.string().min(1).max(2000),
    level: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).optional(),
  }),
  run: (_ctx, props) => [props.level ? { type: 'LOG', message: props.message, level: props.level } : { type: 'LOG', message: props.message }],
});
