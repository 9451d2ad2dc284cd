import type { HighlightColours } from '../read-aloud/highlight';
import type { Theme } from '../../lib/settings/schema';

/** The colours of a theme. Every text colour is at least 7:1 against `background` (unit-tested). */
export interface Palette {
  background: string;
  text: string;
  link: string;
  visited: string;
  /** Borders, outlines of controls, icons. */
  border: string;
  focus: string;
  selectionBackground: string;
  selectionText: string;
  /** The sentence being read aloud. */
  highlightBackground: string;
  highlightText: string;
  dark: boolean;
}

export const PALETTES: Record<Theme, Palette> = {
  'black-on-white': {
    background: '#ffffff',
    text: '#000000',
    link: '#0000cc',
    visited: '#551a8b',
    border: '#000000',
    focus: '#a00000',
    selectionBackground: '#000080',
    selectionText: '#ffffff',
    highlightBackground: '#ffe000',
    highlightText: '#000000',
    dark: false,
  },
  'white-on-black': {
    background: '#000000',
    text: '#ffffff',
    link: '#80c8ff',
    visited: '#e0a8ff',
    border: '#ffffff',
    focus: '#ffd500',
    selectionBackground: '#ffffff',
    selectionText: '#000000',
    highlightBackground: '#005a9c',
    highlightText: '#ffffff',
    dark: true,
  },
  'yellow-on-black': {
    background: '#000000',
    text: '#ffff00',
    link: '#00ffff',
    visited: '#ffb0ff',
    border: '#ffff00',
    focus: '#ffffff',
    selectionBackground: '#ffff00',
    selectionText: '#000000',
    highlightBackground: '#ffffff',
    highlightText: '#000000',
    dark: true,
  },
  soft: {
    background: '#fbf5e6',
    text: '#2b2b2b',
    link: '#1a4b8c',
    visited: '#5b2a86',
    border: '#4a4a4a',
    focus: '#a0001c',
    selectionBackground: '#2b2b2b',
    selectionText: '#fbf5e6',
    highlightBackground: '#f2d36b',
    highlightText: '#1a1a1a',
    dark: false,
  },
};

/**
 * The colours of the sentence being read aloud on a page: its contrast theme's when contrast is on,
 * else yellow behind black text.
 */
export function readingHighlight(site: { contrast: boolean; theme: Theme }): HighlightColours {
  const p = PALETTES[site.contrast ? site.theme : 'black-on-white'];
  return { background: p.highlightBackground, text: p.highlightText };
}
