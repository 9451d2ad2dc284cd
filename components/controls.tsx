/** Controls shared by the in-page toolbar and the popup. */
import type { ReadingState } from '@/lib/messages';
import { formatPercent, t } from '@/lib/i18n';
import { MAX_TEXT_SCALE, MIN_TEXT_SCALE } from '@/lib/settings/schema';

export interface TextSizeProps {
  scale: number;
  onStep: (direction: 1 | -1) => void;
  onReset: () => void;
}

export function TextSizeControls({ scale, onStep, onReset }: TextSizeProps) {
  // The glyphs are drawn by CSS, so the buttons' names are their visible labels' meaning alone.
  return (
    <>
      <button type="button" class="btn" aria-label={t('decreaseTextSize')} title={t('decreaseTextSize')} aria-disabled={scale <= MIN_TEXT_SCALE} onClick={() => scale > MIN_TEXT_SCALE && onStep(-1)}>
        <span class="glyph" data-glyph="A−" aria-hidden="true" />
      </button>
      <button type="button" class="btn" aria-label={t('resetTextSize')} title={t('resetTextSize')} onClick={onReset}>
        <span class="glyph" data-glyph="A" aria-hidden="true" />
      </button>
      <button type="button" class="btn" aria-label={t('increaseTextSize')} title={t('increaseTextSize')} aria-disabled={scale >= MAX_TEXT_SCALE} onClick={() => scale < MAX_TEXT_SCALE && onStep(1)}>
        <span class="glyph" data-glyph="A+" aria-hidden="true" />
      </button>
      <span class="size">{formatPercent(scale)}</span>
    </>
  );
}

export interface ContrastToggleProps {
  on: boolean;
  onToggle: () => void;
}

export function ContrastToggle({ on, onToggle }: ContrastToggleProps) {
  return (
    <button type="button" class="btn" aria-pressed={on} aria-label={t('highContrast')} title={t('highContrast')} onClick={onToggle}>
      <span class="glyph" data-glyph="◐" aria-hidden="true" /> <span class="label">{t('highContrast')}</span>
    </button>
  );
}

export interface ReadControlsProps {
  state: ReadingState;
  onRead: () => void;
  onPause: () => void;
  onStop: () => void;
  /** The reader points at or focuses "Read aloud": a reading is likely soon. */
  onPrepare?: () => void;
}

export function ReadControls({ state, onRead, onPause, onStop, onPrepare }: ReadControlsProps) {
  const playing = state.status === 'playing';
  const idle = state.status === 'idle';
  return (
    <>
      <button type="button" class="btn" aria-label={t('readAloud')} title={t('readAloud')} aria-disabled={playing} onClick={() => !playing && onRead()} onPointerEnter={onPrepare} onFocus={onPrepare}>
        <span class="glyph" data-glyph="▶" aria-hidden="true" /> <span class="label">{t('readAloud')}</span>
      </button>
      <button type="button" class="btn" aria-label={t('pause')} title={t('pause')} aria-disabled={!playing} onClick={() => playing && onPause()}>
        <span class="glyph" data-glyph="❚❚" aria-hidden="true" />
      </button>
      <button type="button" class="btn" aria-label={t('stopReading')} title={t('stopReading')} aria-disabled={idle} onClick={() => !idle && onStop()}>
        <span class="glyph" data-glyph="■" aria-hidden="true" />
      </button>
    </>
  );
}
