import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, changesPage, type SiteSettings } from '@/lib/settings/schema';
import { GOVERNMENT_MATCHES, hostPatterns, isGovernmentHost, matchesAny, originPattern, pageHost, sitesWhere } from '@/lib/sites';

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

describe('matchesAny: which pages match a set of match patterns', () => {
  it('a government page matches the government patterns, at any depth of subdomain, over http and https', () => {
    for (const url of [
      'https://www.noip.gov.vn/tin-tuc/hoi-nghi.html',
      'http://noip.gov.vn/',
      'https://chinhphu.vn/?id=1',
      'https://a.b.baochinhphu.vn/x',
      'https://www.gov.uk/government/news',
      'https://www.usa.gov/',
      'https://commission.europa.eu/news?x=1#top',
      'https://WWW.NOIP.GOV.VN/',
    ]) {
      expect(matchesAny(url, GOVERNMENT_MATCHES), url).toBe(true);
    }
  });
  it('hosts that only look like one, and other schemes, do not', () => {
    for (const url of [
      'https://gov.vn.example.com/',
      'https://notgov.vn/',
      'https://www.noip.gov.vn.example/',
      'https://example.com/www.noip.gov.vn/',
      'https://example.com/?u=https://www.gov.uk/',
      'https://www-noip-gov-vn.example/',
      'ftp://www.noip.gov.vn/',
      'file:///home/a/noip.gov.vn/index.html',
      'chrome://extensions',
      'about:blank',
      'not a url',
      '',
      undefined,
    ]) {
      expect(matchesAny(url, GOVERNMENT_MATCHES), String(url)).toBe(false);
    }
  });
  it('a site the reader added matches its own host only (not its subdomains, not by a prefix)', () => {
    const added = [originPattern('news.example')];
    expect(matchesAny('https://news.example/a/b.html?x=1', added)).toBe(true);
    expect(matchesAny('http://news.example/', added)).toBe(true);
    expect(matchesAny('https://www.news.example/', added)).toBe(false);
    expect(matchesAny('https://news.example.org/', added)).toBe(false);
    expect(matchesAny('https://othernews.example/', added)).toBe(false);
    expect(matchesAny('https://news.example/', [])).toBe(false);
  });
  it('schemes, paths and hosts of other pattern forms', () => {
    expect(matchesAny('https://a.example/', ['https://a.example/*'])).toBe(true);
    expect(matchesAny('http://a.example/', ['https://a.example/*'])).toBe(false);
    expect(matchesAny('https://a.example/news/1', ['*://a.example/news/*'])).toBe(true);
    expect(matchesAny('https://a.example/other/1', ['*://a.example/news/*'])).toBe(false);
    expect(matchesAny('https://a.example/a.b', ['*://a.example/a.b'])).toBe(true);
    expect(matchesAny('https://a.example/axb', ['*://a.example/a.b'])).toBe(false);
    expect(matchesAny('https://anything.example/', ['*://*/*'])).toBe(true);
    expect(matchesAny('https://a.example/', ['<all_urls>', 'not a pattern', '*://*.example'])).toBe(false);
  });
  it('isGovernmentHost agrees with the government patterns', () => {
    expect(isGovernmentHost('WWW.Noip.gov.vn')).toBe(true);
    expect(isGovernmentHost('europa.eu')).toBe(true);
    expect(isGovernmentHost('news.example')).toBe(false);
    expect(isGovernmentHost('bad host/with path')).toBe(false);
  });
});
