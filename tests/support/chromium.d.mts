import type { BrowserContext, Worker } from 'playwright-core';
export declare const ROOT: string;
export declare const EXTENSION_DIR: string;
export declare const CHROMIUM_PATH: string | undefined;
export interface LaunchChromiumOptions {
  extension?: boolean;
  headless?: boolean;
  args?: string[];
  env?: Record<string, string>;
  viewport?: { width: number; height: number } | null;
  locale?: string;
  ignoreDefaultArgs?: string[] | boolean;
}
export declare function launchChromium(options?: LaunchChromiumOptions): Promise<{ context: BrowserContext; profile: string }>;
export declare function extensionWorker(context: BrowserContext): Promise<Worker>;
