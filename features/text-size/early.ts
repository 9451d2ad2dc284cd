/**
 * The text size before the page is laid out. The page-start script learns the settings
 * asynchronously, and on a long page that is after the parser has handed the browser most of
 * the body, laid out at the page's own size. So the background keeps one stylesheet registered
 * per text size in use (`text/<factor>.css`, written at build time by `earlyTextCssFiles`), on
 * the sites shown at that size: it only names the factor (EARLY_TEXT_PROPERTY on :root) and
 * changes nothing by itself. The page-start script reads it the moment the page's body begins
 * (see createTextSize's `prepare`) and scales the page's rules before their first layout.
 *
 * Pure: relative imports only (wxt.config.ts imports this file).
 */
import { TEXT_SCALE_STEPS, type SiteSettings } from '../../lib/settings/schema';
import { earlySheetRegistrations, type EarlySheetRegistration } from '../../lib/sites';

export const EARLY_TEXT_PREFIX = 'dede-text-';
export const EARLY_TEXT_PROPERTY = '--dede-early-text-scale';

/** The factors a sheet is written for: the steps of A- / A+ other than the page's own size. */
const FACTORS = TEXT_SCALE_STEPS.filter((step) => step !== 1);

export function earlyTextCssPath(factor: number): string {
  return `text/${factor}.css`;
}

export function earlyTextCss(factor: number): string {
  return `:root { ${EARLY_TEXT_PROPERTY}: ${factor}; }\n`;
}

/** For the build (`build:publicAssets`). */
export function earlyTextCssFiles(): { relativeDest: string; contents: string }[] {
  return FACTORS.map((factor) => ({ relativeDest: earlyTextCssPath(factor), contents: earlyTextCss(factor) }));
}

/** The factor an early sheet names (a computed value of EARLY_TEXT_PROPERTY), or null. */
export function parseEarlyTextScale(value: string): number | null {
  const factor = Number(value.trim());
  return value.trim() !== '' && FACTORS.some((f) => f === factor) ? factor : null;
}

/**
 * Which sites get which early text sheet. `overrides` maps a host (as stored: no "www.") to that
 * site's own settings; `matches` are all the sites Dễ Đọc runs on. Pure.
 */
export function earlyTextScripts(global: SiteSettings, overrides: Record<string, SiteSettings>, matches: string[]): EarlySheetRegistration[] {
  return earlySheetRegistrations(global, overrides, matches, FACTORS, (site, factor) => site.textScale === factor, (factor) => EARLY_TEXT_PREFIX + factor, earlyTextCssPath);
}
