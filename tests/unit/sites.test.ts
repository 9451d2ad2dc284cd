import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, changesPage, type SiteSettings } from '@/lib/settings/schema';
import { hostPatterns, isGovernmentHost, pageHost, sitesWhere } from '@/lib/sites';

const site = (patch: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE, ...patch });
const ALL = ['*://*.gov.vn/*', '*://*.gov.uk/*'];

describe('which pages a per-site behaviour is registered for', () => {
  it('nowhere when neither the global settings nor any site want it', () => {
    expect(sitesWhere(site({}), { 'noip.gov.vn': site({ textScale: 1 }) }, ALL, changesPage)).toBeNull();
  });
  it('everywhere when the global settings want it, less the sites that do not', () => {
    expect(sitesWhere(site({ textScale: 1.5 }), { 'noip.gov.vn': site({}), 'mic.gov.vn': site({ contrast: true }) }, ALL, changesPage)).toEqual({
      matches: ALL,
      excludeMatches: ['*://noip.gov.vn/*', '*://www.noip.gov.vn/*'],
    });
  });
  it('only on the sites that want it when the global settings do not', () => {
    expect(sitesWhere(site({}), { 'www.gov.uk': site({ leftAlign: true }), 'mic.gov.vn': site({}) }, ALL, changesPage)).toEqual({
      matches: ['*://gov.uk/*', '*://www.gov.uk/*'],
    });
  });
});

describe('changesPage', () => {
  it('is false for the defaults and true for any text option or contrast', () => {
    expect(changesPage(site({}))).toBe(false);
    expect(changesPage(site({ theme: 'soft' }))).toBe(false);
    for (const patch of [{ textScale: 0.9 }, { textSpacing: true }, { readingWidth: true }, { leftAlign: true }, { font: 'sans' as const }, { contrast: true }]) {
      expect(changesPage(site(patch))).toBe(true);
    }
  });
});

describe('hosts', () => {
  it('hostPatterns covers the site with and without "www."', () => {
    expect(hostPatterns('WWW.Noip.gov.vn')).toEqual(['*://noip.gov.vn/*', '*://www.noip.gov.vn/*']);
  });
  it('isGovernmentHost and pageHost', () => {
    expect(isGovernmentHost('www.noip.gov.vn')).toBe(true);
    expect(isGovernmentHost('gov.vn.example.com')).toBe(false);
    expect(pageHost('https://baochinhphu.vn/a')).toBe('baochinhphu.vn');
    expect(pageHost('chrome://extensions')).toBeUndefined();
    expect(pageHost('not a url')).toBeUndefined();
  });
});
