import * as z from 'zod';
import { defineRule } from '../../rule-registry';

export const setAttributesRule = defineRule({
  name: 'ordo.core.SetAttributes',
  description:
    'Merges attributes into the entity: fixed values, and/or the named attributes copied from the event (missing ones are skipped).',
  props: z
    .strictObject({
      attributes: z.record(z.string(), z.unknown()).optional(),
      fromEvent: z.array(z.string().trim().min(1)).optional(),
    })
    .refine((props) => props.attributes !== undefined || props.fromEvent !== undefined, {
      message: 'give attributes, fromEvent or both',
      path: ['attributes'],
    }),
  run: (ctx, props) => {
    const attributes: Record<string, unknown> = { ...props.attributes };
    for (const name of props.fromEvent ?? []) {
      const value = ctx.event.attributes?.[name];
      if (value !== undefined) attributes[name] = value;
    }
    return Object.keys(attributes).length > 0 ? [{ type: 'SET_ATTRIBUTES', attributes }] : [];
  },
});
