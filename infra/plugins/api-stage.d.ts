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
  /**
   * Takes StageName off every deployment a stage resource of the same name points at, makes it wait for the gateway
   * responses, and what waited for it wait for the stage too; returns the ids of those deployments.
   */
  function detachStagesFromDeployments(resources: Record<string, TemplateResource>): string[];
}

export = ApiStagePlugin;
