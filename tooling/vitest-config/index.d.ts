import type { UserWorkspaceConfig } from 'vitest/config';

export interface BayanVitestOptions {
  environment?: 'node' | 'jsdom';
  testTimeout?: number;
  include?: string[];
}

export declare function bayanVitestProject(configUrl: string, options?: BayanVitestOptions): UserWorkspaceConfig;
