import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteSettings } from '@/lib/settings/schema';
import { LATE_PAGE_SCRIPT_ID, PAGE_SCRIPT, PAGE_SCRIPT_ID, pageScriptRegistrations } from '@/lib/registrations';

const site = (patch: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE, ...patch });
const MATCHES = ['*://*.gov.vn/*', '*://*.gov.uk/*'];
const byId = (regs: ReturnType<typeof pageScriptRegistrations>) => Object.fromEntries(regs.map((r) => [r.id, r]));

describe('pageScriptRegistrations', () => {
  it('registers nothing where nothing changes the page', () => {
    expect(pageScriptRegistrations(site({}), { 'noip.gov.vn': site({ font: 'page' }) }, MATCHES)).toEqual([]);
  });

  it('runs from document_start, in every frame, where the text changes (contrast too or not)', () => {
    for (const patch of [{ textScale: 1.25 }, { textSpacing: true }, { readingWidth: true }, { leftAlign: true }, { textScale: 1.5, contrast: true }] as Partial<SiteSettings>[]) {
      const regs = pageScriptRegistrations(site(patch), {}, MATCHES);
      expect(regs, JSON.stringify(patch)).toEqual([
        { id: PAGE_SCRIPT_ID, matches: MATCHES, js: [PAGE_SCRIPT.slice(1)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
      ]);
    }
  });

  it('runs once the page is parsed where only contrast is on', () => {
    const regs = pageScriptRegistrations(site({ contrast: true, theme: 'soft' }), {}, MATCHES);
    expect(regs).toEqual([
      { id: LATE_PAGE_SCRIPT_ID, matches: MATCHES, js: [PAGE_SCRIPT.slice(1)], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
    ]);
  });

  it('puts each site in one registration at most, by its own settings', () => {
    const regs = byId(
      pageScriptRegistrations(
        site({ contrast: true }),
        { 'noip.gov.vn': site({ contrast: true, textScale: 1.25 }), 'mic.gov.vn': site({}), 'www.gov.uk': site({ textSpacing: true }) },
        MATCHES,
      ),
    );
    expect(Object.keys(regs).sort()).toEqual([PAGE_SCRIPT_ID, LATE_PAGE_SCRIPT_ID].sort());
    expect(regs[PAGE_SCRIPT_ID]!.matches).toEqual(['*://noip.gov.vn/*', '*://www.noip.gov.vn/*', '*://gov.uk/*', '*://www.gov.uk/*']);
    expect(regs[PAGE_SCRIPT_ID]!.excludeMatches).toBeUndefined();
    expect(regs[LATE_PAGE_SCRIPT_ID]!.matches).toEqual(MATCHES);
    expect(regs[LATE_PAGE_SCRIPT_ID]!.excludeMatches).toEqual(['*://noip.gov.vn/*', '*://www.noip.gov.vn/*', '*://mic.gov.vn/*', '*://www.mic.gov.vn/*', '*://gov.uk/*', '*://www.gov.uk/*']);
  });
});
