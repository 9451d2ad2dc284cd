/**
 * The in-page toolbar: the working version of the government sites' own
 * "Xem với cỡ chữ | Đọc bài viết | Tương phản" bar, as a column of buttons at the window's edge
 * (see toolbar-placement.ts). It lives in a shadow root.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ReadingState } from '@/lib/messages';
import type { ToolbarSettings } from '@/lib/settings/schema';
import { formatPercent, t } from '@/lib/i18n';
import { ContrastToggle, ReadControls, TextSizeControls } from './controls';
import { createPlacement, type ToolbarPlacement } from './toolbar-placement';

export interface ToolbarActions {
  stepTextSize: (direction: 1 | -1) => void;
  resetTextSize: () => void;
  toggleContrast: () => void;
  read: () => void;
  /** The reader is about to press "Read aloud" (pointer over it, or focus on it). */
  prepareRead: () => void;
  pause: () => void;
  stop: () => void;
  previous: () => void;
  next: () => void;
  chooseStart: () => void;
  setCollapsed: (collapsed: boolean) => void;
  openSettings: () => void;
}

export interface ToolbarProps {
  scale: number;
  contrast: boolean;
  reading: ReadingState;
  toolbar: ToolbarSettings;
  /** What was last changed, for screen readers. */
  announcement: string;
  actions: ToolbarActions;
}

export function Toolbar({ scale, contrast, reading, toolbar, announcement, actions }: ToolbarProps) {
  const expandRef = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLDivElement>(null);
  const placement = useRef<ToolbarPlacement | null>(null);
  const wasCollapsed = useRef(toolbar.collapsed);
  const reading_ = reading.status !== 'idle';
  useLayoutEffect(() => {
    const placed = createPlacement(firstRef.current!, () => barRef.current ?? expandRef.current);
    placement.current = placed;
    return () => placed.remove();
  }, []);
  // Placed before the browser paints, so the toolbar never shows over the text even for a frame.
  useLayoutEffect(() => placement.current?.update(toolbar.show ? toolbar.corner : null), [toolbar.show, toolbar.corner, toolbar.collapsed, reading_]);
  useEffect(() => placement.current?.schedule(), [scale]);
  useEffect(() => {
    // Keep focus on the control that replaced the one just activated.
    if (wasCollapsed.current !== toolbar.collapsed && firstRef.current?.ownerDocument.activeElement) {
      if (toolbar.collapsed) expandRef.current?.focus();
      else firstRef.current.querySelector<HTMLButtonElement>('button')?.focus();
    }
    wasCollapsed.current = toolbar.collapsed;
  }, [toolbar.collapsed]);

  const notice = reading.notice ? t(reading.notice) : '';
  if (!toolbar.show) return <div class="dede" ref={firstRef} />;
  return (
    <div class="dede" ref={firstRef}>
      {toolbar.collapsed ? (
        <button type="button" class="btn expand" ref={expandRef} aria-expanded="false" aria-label={t('expandToolbar')} title={t('expandToolbar')} onClick={() => actions.setCollapsed(false)}>
          <span class="glyph" data-glyph="Aa" aria-hidden="true" />
        </button>
      ) : (
        <div
          role="toolbar"
          aria-label={t('toolbarLabel')}
          aria-orientation="vertical"
          class="bar"
          ref={barRef}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              actions.setCollapsed(true);
            }
          }}
        >
          <span class="group" role="group" aria-label={t('textSize')}>
            <TextSizeControls scale={scale} onStep={actions.stepTextSize} onReset={actions.resetTextSize} />
          </span>
          <span class="sep" aria-hidden="true" />
          <ContrastToggle on={contrast} onToggle={actions.toggleContrast} />
          <span class="sep" aria-hidden="true" />
          <ReadControls state={reading} onRead={actions.read} onPrepare={actions.prepareRead} onPause={actions.pause} onStop={actions.stop} />
          <button type="button" class="btn" aria-pressed={reading.notice === 'chooseStartHint'} aria-label={t('chooseStart')} title={t('chooseStart')} onClick={actions.chooseStart}>
            <span class="glyph" data-glyph="☞" aria-hidden="true" />
          </button>
          {reading_ && (
            <>
              <button type="button" class="btn" aria-label={t('previousSentence')} title={t('previousSentence')} onClick={actions.previous}>
                <span class="glyph" data-glyph="❚◀" aria-hidden="true" />
              </button>
              <button type="button" class="btn" aria-label={t('nextSentence')} title={t('nextSentence')} onClick={actions.next}>
                <span class="glyph" data-glyph="▶❚" aria-hidden="true" />
              </button>
            </>
          )}
          <span class="sep" aria-hidden="true" />
          <button type="button" class="btn" aria-label={t('popupTitle')} title={t('popupTitle')} onClick={actions.openSettings}>
            <span class="glyph" data-glyph="⚙" aria-hidden="true" />
          </button>
          <button type="button" class="btn" aria-expanded="true" aria-label={t('collapseToolbar')} title={t('collapseToolbar')} onClick={() => actions.setCollapsed(true)}>
            <span class="glyph" data-glyph="×" aria-hidden="true" />
          </button>
        </div>
      )}
      {notice && !toolbar.collapsed && <p class="notice">{notice}</p>}
      <div class="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

export function sizeAnnouncement(scale: number): string {
  return t('textSizeAnnounce', formatPercent(scale));
}
