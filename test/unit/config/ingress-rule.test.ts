import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import { loadSettings } from '../../../shared/composition/settings';

// serverless.yml may use CloudFormation short forms (!Ref, !GetAtt, !Sub...): keep them as plain values.
const TOLERANT_SCHEMA = DEFAULT_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data })),
);

interface EventBridgeEvent {
  eventBridge?: { pattern?: Record<string, unknown> };
}

const ingressPattern = (stage: string): Record<string, unknown> | undefined => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'serverless.yml'), 'utf8').replaceAll('${sls:stage}', stage);
  const config = load(text, { schema: TOLERANT_SCHEMA }) as { functions: Record<string, { events?: EventBridgeEvent[] }> };
  return config.functions.ingestBusEvent.events?.find((event) => event.eventBridge)?.eventBridge?.pattern;
};

describe('the bus ingress rule of serverless.yml', () => {
  it.each(['sandbox', 'production'])("leaves out every event of Ordo's own source on stage %s", (stage) => {
    // Act
    const pattern = ingressPattern(stage);

    // Assess
    expect(pattern?.source).toEqual([{ 'anything-but': [loadSettings({ ORDO_STAGE: stage }).busSource] }]);
  });

  it('takes only events of detail-type ordo.event', () => {
    // Act
    const pattern = ingressPattern('sandbox');

    // Assess
    expect(pattern?.['detail-type']).toEqual(['ordo.event']);
  });
});
