import type { S3Client } from '@aws-sdk/client-s3';

declare class ConsoleUploadPlugin {
  constructor(serverless: unknown, options?: unknown, logging?: { log?: unknown });
  hooks: Record<string, () => Promise<void>>;
  deploy(): Promise<void>;
}

declare namespace ConsoleUploadPlugin {
  /** What the deployed console reads from /config.json: the API on its own origin. */
  function deployedConsoleConfig(stage: string): { apiBase: string; stage: string };
  /**
   * Uploads the built console and config.json to the bucket, entry points last, then invalidates the entry points;
   * returns the keys in the order they were put.
   */
  function uploadConsole(options: {
    distDir: string;
    stage: string;
    bucket: string;
    s3: Pick<S3Client, 'send'>;
    invalidate(paths: string[]): Promise<unknown>;
  }): Promise<string[]>;
}

export = ConsoleUploadPlugin;
