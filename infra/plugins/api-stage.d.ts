export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
}

declare class ApiStagePlugin {
  constructor(serverless: unknown);
  hooks: Record<string, () => void>;
  detach(): void;
}

declare namespace ApiStagePlugin {
  /** Takes StageName off every deployment a stage resource of the same name points at, makes it wait for the gateway responses; returns their ids. */
  function detachStagesFromDeployments(resources: Record<string, TemplateResource>): string[];
}

export = ApiStagePlugin;
