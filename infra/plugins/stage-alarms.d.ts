/** Types of stage-alarms.js, the serverless plugin, for the tests that exercise it. */
type TemplateResources = Record<string, { Type: string; Properties?: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface ServerlessLike {
  service: {
    custom?: Record<string, unknown>;
    provider: { compiledCloudFormationTemplate: { Resources: TemplateResources } };
    getAllFunctions(): string[];
    getFunction(name: string): Record<string, unknown>;
  };
  getProvider(name: 'aws'): { naming: { getStackName(): string; getLambdaLogicalId(name: string): string; getRoleLogicalId(): string } };
}

declare class StageAlarms {
  constructor(serverless: ServerlessLike);
  hooks: Record<string, () => void>;
  addAlarms(): void;
  keepHookPermissionWithTheHook(): void;
}

declare namespace StageAlarms {
  const FUNCTIONS_PER_ALARM: number;
  function deadLetterQueues(resources: TemplateResources): string[];
  function stageAlarms(
    resources: TemplateResources,
    options: { topic: string; stackName: string },
  ): { alarms: TemplateResources; errorsAlarmOf: Record<string, string> };
}

export = StageAlarms;
