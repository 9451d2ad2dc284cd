/** Government sites where Dễ Đọc runs without being asked. */
export const GOVERNMENT_MATCHES = [
  '*://*.gov.vn/*',
  '*://*.chinhphu.vn/*',
  '*://*.baochinhphu.vn/*',
  '*://*.gov.uk/*',
  '*://*.gov/*',
  '*://*.europa.eu/*',
];

export function isGovernmentHost(host: string): boolean {
  return matchesAny(`https://${host}/`, GOVERNMENT_MATCHES);
}

/**
 * Whether a web page's URL is matched by one of these match patterns (`<scheme>://<host><path>`:
 * scheme `*` for http and https; host `*`, a name, or `*.name` for the name and its subdomains;
 * path with `*` for any characters). Browser pages, files and bad URLs match nothing. Pure.
 */
export function matchesAny(url: string | undefined, patterns: readonly string[]): boolean {
  const host = pageHost(url);
  if (!host) return false;
  const { protocol, pathname, search } = new URL(url!);
  return patterns.some((pattern) => {
    const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
    if (!parts) return false;
    const [, scheme, site = '', path = ''] = parts;
    if (scheme !== '*' && `${scheme}:` !== protocol) return false;
    const name = site.replace(/^\*\./, '').toLowerCase();
    if (site !== '*' && host !== name && !(site.startsWith('*.') && host.endsWith(`.${name}`))) return false;
    const glob = path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${glob}$`).test(pathname + search);
  });
}

/** The match pattern for a site the reader adds. */
export function originPattern(host: string): string {
  return `*://${host}/*`;
}

/** The host of a web page's URL; undefined for anything else (browser pages, files, bad URLs). */
export function pageHost(url: string | undefined): string | undefined {
  try {
    const u = new URL(url ?? '');
    return /^https?:$/.test(u.protocol) ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Match patterns for a site as settings store it (its host without "www."). */
export function hostPatterns(host: string): string[] {
  const bare = host.toLowerCase().replace(/^www\./, '');
  return [`*://${bare}/*`, `*://www.${bare}/*`];
}

/**
 * The pages a per-site behaviour must be registered for: every site Dễ Đọc runs on (`matches`)
 * when the global settings want it, less the sites whose own settings do not; or only the sites
 * whose own settings want it. `overrides` maps a stored host to that site's own settings. Null
 * when no page wants it. Pure.
 */
export function sitesWhere<S>(
  global: S,
  overrides: Record<string, S>,
  matches: readonly string[],
  wanted: (settings: S) => boolean,
): { matches: string[]; excludeMatches?: string[] } | null {
  const include: string[] = [];
  const exclude: string[] = [];
  const globalWants = wanted(global);
  if (globalWants) include.push(...matches);
  for (const [host, site] of Object.entries(overrides)) {
    const wants = wanted(site);
    if (wants && !globalWants) include.push(...hostPatterns(host));
    if (!wants && globalWants) exclude.push(...hostPatterns(host));
  }
  if (!include.length) return null;
  return { matches: [...new Set(include)], ...(exclude.length ? { excludeMatches: [...new Set(exclude)] } : {}) };
}

/** A stylesheet the browser puts in the pages of some sites from document_start, in every frame. */
export interface EarlySheetRegistration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  css: string[];
  runAt: 'document_start';
  allFrames: true;
  persistAcrossSessions: true;
}

/**
 * One early sheet per value in use (a theme, a text size): its `matches` are the sites whose
 * settings `pick` that value; `id` and `css` name its registration and file. Pure.
 */
export function earlySheetRegistrations<S, V>(
  global: S,
  overrides: Record<string, S>,
  matches: readonly string[],
  values: readonly V[],
  pick: (settings: S, value: V) => boolean,
  id: (value: V) => string,
  css: (value: V) => string,
): EarlySheetRegistration[] {
  const result: EarlySheetRegistration[] = [];
  for (const value of values) {
    const sites = sitesWhere(global, overrides, matches, (settings) => pick(settings, value));
    if (sites) result.push({ id: id(value), ...sites, css: [css(value)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true });
  }
  return result;
}
