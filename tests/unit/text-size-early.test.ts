import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, TEXT_SCALE_STEPS, type SiteSettings } from '@/lib/settings/schema';
import { EARLY_TEXT_PREFIX, EARLY_TEXT_PROPERTY, earlyTextCss, earlyTextCssFiles, earlyTextCssPath, earlyTextScripts, parseEarlyTextScale } from '@/features/text-size/early';

const site = (patch: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE, ...patch });
const MATCHES = ['*://*.gov.vn/*', '*://*.gov.uk/*'];

describe('early text sheets', () => {
  it('one sheet per A- / A+ step other than the page’s own size, naming its factor and nothing else', () => {
    const files = earlyTextCssFiles();
    expect(files.map((f) => f.relativeDest)).toEqual(TEXT_SCALE_STEPS.filter((s) => s !== 1).map((s) => `text/${s}.css`));
    for (const { contents } of files) expect(contents).toMatch(new RegExp(`^:root \\{ ${EARLY_TEXT_PROPERTY}: [\\d.]+; \\}\\n$`));
  });

  it('reads back the factor a sheet names, and nothing else', () => {
    for (const step of TEXT_SCALE_STEPS.filter((s) => s !== 1)) {
      const value = /: ([\d.]+);/.exec(earlyTextCss(step))![1]!;
      expect(parseEarlyTextScale(` ${value}`)).toBe(step);
    }
    for (const junk of ['', ' ', '1', '1.3', 'NaN', '2px', 'calc(2)', '9']) expect(parseEarlyTextScale(junk), junk).toBeNull();
  });

  it('registers the sheet of each site’s factor, in every frame, from document_start', () => {
    const [reg, ...rest] = earlyTextScripts(site({ textScale: 1.25 }), {}, MATCHES);
    expect(rest).toEqual([]);
    expect(reg).toEqual({ id: `${EARLY_TEXT_PREFIX}1.25`, matches: MATCHES, css: [earlyTextCssPath(1.25)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true });
  });

  it('follows each site its own factor; none for the page’s own size or a factor between the steps', () => {
    const regs = earlyTextScripts(site({ textScale: 2 }), { 'noip.gov.vn': site({ textScale: 1.5 }), 'mic.gov.vn': site({}), 'www.gov.uk': site({ textScale: 1.3 }) }, MATCHES);
    expect(regs.map((r) => [r.id, r.matches, r.excludeMatches ?? []])).toEqual([
      [`${EARLY_TEXT_PREFIX}1.5`, ['*://noip.gov.vn/*', '*://www.noip.gov.vn/*'], []],
      [`${EARLY_TEXT_PREFIX}2`, MATCHES, ['*://noip.gov.vn/*', '*://www.noip.gov.vn/*', '*://mic.gov.vn/*', '*://www.mic.gov.vn/*', '*://gov.uk/*', '*://www.gov.uk/*']],
    ]);
    expect(earlyTextScripts(site({}), {}, MATCHES)).toEqual([]);
    expect(earlyTextScripts(site({ textSpacing: true }), {}, MATCHES)).toEqual([]);
  });
});
