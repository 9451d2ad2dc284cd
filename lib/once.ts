import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * True the first time a content script runs in a page: injected again on demand (activeTab) into
 * a page that already has it, the second copy stands down.
 */
export function firstRun(name: string, ctx: ContentScriptContext): boolean {
  const key = Symbol.for(`dede.${name}`);
  const scope = globalThis as { [key: symbol]: boolean | undefined };
  if (scope[key]) return false;
  scope[key] = true;
  ctx.onInvalidated(() => delete scope[key]);
  return true;
}
