import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteSettings } from '@/lib/settings/schema';
import { PAGE_SCRIPT, PAGE_SCRIPT_ID, pageScriptRegistrations } from '@/lib/registrations';

const site = (patch: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE, ...patch });
const MATCHES = ['*://*.gov.vn/*', '*://*.gov.uk/*'];

describe('pageScriptRegistrations', () => {
  it('registers nothing where nothing changes the page', () => {
    expect(pageScriptRegistrations(site({}), { 'noip.gov.vn': site({ font: 'page' }) }, MATCHES)).toEqual([]);
  });

  it('runs from document_start, in every frame, where the text changes (contrast too or not)', () => {
    for (const patch of [{ textScale: 1.25 }, { textSpacing: true }, { readingWidth: true }, { leftAlign: true }, { textScale: 1.5, contrast: true }] as Partial<SiteSettings>[]) {
      expect(pageScriptRegistrations(site(patch), {}, MATCHES), JSON.stringify(patch)).toEqual([
        { id: PAGE_SCRIPT_ID, matches: MATCHES, js: [PAGE_SCRIPT.slice(1)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
      ]);
    }
  });

  it('registers nothing where only contrast is on: the early theme sheet covers the page until it has loaded', () => {
    expect(pageScriptRegistrations(site({ contrast: true, theme: 'soft' }), {}, MATCHES)).toEqual([]);
  });

  it('follows each site its own settings', () => {
    const [reg, ...rest] = pageScriptRegistrations(
      site({ contrast: true }),
      { 'noip.gov.vn': site({ contrast: true, textScale: 1.25 }), 'mic.gov.vn': site({}), 'www.gov.uk': site({ textSpacing: true }) },
      MATCHES,
    );
    expect(rest).toEqual([]);
    expect(reg!.matches).toEqual(['*://noip.gov.vn/*', '*://www.noip.gov.vn/*', '*://gov.uk/*', '*://www.gov.uk/*']);
    expect(reg!.excludeMatches).toBeUndefined();
    const global = pageScriptRegistrations(site({ textScale: 1.25 }), { 'mic.gov.vn': site({ contrast: true }) }, MATCHES);
    expect(global[0]!.matches).toEqual(MATCHES);
    expect(global[0]!.excludeMatches).toEqual(['*://mic.gov.vn/*', '*://www.mic.gov.vn/*']);
  });
});
