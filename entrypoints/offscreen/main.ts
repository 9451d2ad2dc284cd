/** The offscreen document (Chrome): plays the built-in voice. */
import { runOffscreenPlayer } from '@/features/read-aloud/builtin/offscreen-player';

runOffscreenPlayer(chrome.runtime);
