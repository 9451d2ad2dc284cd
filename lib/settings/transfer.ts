/**
 * Export and import of all settings as a JSON file (format in README.md):
 *   { "format": "de-doc-settings", "version": 1, "settings": {…}, "sites": { "<host>": {…} } }
 * Import checks everything, keeps what is valid and names what it could not use.
 */
import { parseSettings, parseSiteSettings, SETTINGS_VERSION, type GlobalSettings, type SiteSettings } from './schema';

export const EXPORT_FORMAT = 'de-doc-settings';

export interface SettingsFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  settings: GlobalSettings;
  sites: Record<string, SiteSettings>;
}

export type ImportResult =
  | { ok: true; file: SettingsFile; ignored: string[] }
  | { ok: false; error: 'notJson' | 'notSettingsFile' };

const HOST = /^[a-z0-9.-]{1,253}$/i;

export function buildExport(settings: GlobalSettings, sites: Record<string, SiteSettings>): SettingsFile {
  return { format: EXPORT_FORMAT, version: SETTINGS_VERSION, settings, sites };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Paths of fields in `raw` whose value was not kept in `parsed`. */
function dropped(raw: unknown, parsed: unknown, prefix: string, into: string[]) {
  if (!isRecord(raw)) return;
  for (const [key, value] of Object.entries(raw)) {
    const kept = isRecord(parsed) ? parsed[key] : undefined;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value) && isRecord(kept)) dropped(value, kept, path, into);
    else if (JSON.stringify(value) !== JSON.stringify(kept)) into.push(path);
  }
}

export function parseImport(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT || !isRecord(raw.settings)) return { ok: false, error: 'notSettingsFile' };
  const ignored: string[] = [];
  const settings = parseSettings(raw.settings);
  dropped(raw.settings, settings, 'settings', ignored);
  const sites: Record<string, SiteSettings> = {};
  if (isRecord(raw.sites)) {
    for (const [host, value] of Object.entries(raw.sites)) {
      if (!HOST.test(host) || !isRecord(value)) {
        ignored.push(`sites.${host}`);
        continue;
      }
      const site = parseSiteSettings(value, settings.site);
      dropped(value, site, `sites.${host}`, ignored);
      sites[host.toLowerCase()] = site;
    }
  } else if (raw.sites !== undefined) ignored.push('sites');
  return { ok: true, file: buildExport(settings, sites), ignored };
}
