/**
 * The theme before the first paint. The content script learns the settings asynchronously, which
 * can be after the first frame; the browser itself, though, injects content-script CSS registered
 * with `scripting.registerContentScripts` before anything is painted. So the background keeps one
 * registration per theme in use (`contrast/<theme>.css`, written at build time by `earlyCssFiles`),
 * whose `matches` are the sites that show that theme, in every frame: a frame of such a site has
 * the settings of its site, as its page does. The content script keeps the early sheet while it
 * shows the theme wanted, and switches it off (EARLY_OFF_ATTRIBUTE on <html>) the moment it
 * adopts its own, so a live change of theme or turning contrast off is never held back by a
 * sheet it cannot remove.
 *
 * Pure: relative imports only (wxt.config.ts imports this file).
 */
import { THEMES, type SiteSettings, type Theme } from '../../lib/settings/schema';
import { earlySheetRegistrations, type EarlySheetRegistration } from '../../lib/sites';
import { EARLY_PROPERTY, themeCss, type SelectionRule } from './css';

export const EARLY_SCRIPT_PREFIX = 'dede-contrast-';

export function earlyCssPath(theme: Theme): string {
  return `contrast/${theme}.css`;
}

/**
 * The early stylesheet: the theme sheet, switched off by EARLY_OFF_ATTRIBUTE, and a marker that
 * names the theme and how the sheet colours the selection (`parseEarlyMarker`).
 */
export function earlyCss(theme: Theme, selection: SelectionRule): string {
  // @namespace must come first in a sheet, so the marker rule goes last.
  return `${themeCss(theme, 'early', selection)}\n:root { ${EARLY_PROPERTY}: ${theme} ${selection}; }\n`;
}

/**
 * For the build: `hooks: { 'build:publicAssets': (wxt, files) => void files.push(...earlyCssFiles(…)) }`,
 * with `inherited` selection colours where the browser has highlight inheritance (Chromium).
 */
export function earlyCssFiles(selection: SelectionRule): { relativeDest: string; contents: string }[] {
  return THEMES.map((theme) => ({ relativeDest: earlyCssPath(theme), contents: earlyCss(theme, selection) }));
}

/**
 * Which sites get which early theme. `overrides` maps a host (as stored: no "www.") to that site's
 * own settings; `matches` are all the sites Dễ Đọc runs on. Pure.
 */
export function earlyContrastScripts(global: SiteSettings, overrides: Record<string, SiteSettings>, matches: string[]): EarlySheetRegistration[] {
  return earlySheetRegistrations(global, overrides, matches, THEMES, (site, theme) => site.contrast && site.theme === theme, (theme) => EARLY_SCRIPT_PREFIX + theme, earlyCssPath);
}
