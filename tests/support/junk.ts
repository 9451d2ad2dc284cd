/**
 * Random and corrupted stored values for the settings fuzz tests: wrong types, huge strings, NaN,
 * nested junk, old and future versions, valid values in the wrong place. Deterministic for a
 * given seed, so a failure can be replayed.
 */
export function junkValues(seed: number): () => unknown {
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const junk = (depth: number): unknown => {
    const pick = Math.floor(rand() * 12);
    switch (pick) {
      case 0: return Number.NaN;
      case 1: return rand() * 1e9 - 5e8;
      case 2: return 'x'.repeat(Math.floor(rand() * 10000));
      case 3: return null;
      case 4: return undefined;
      case 5: return rand() > 0.5;
      case 6: return depth > 3 ? [] : Array.from({ length: 3 }, () => junk(depth + 1));
      case 7: return Infinity;
      case 8: return ['black-on-white', 'soft', 'page', 'sans', 'top-left'][Math.floor(rand() * 5)];
      case 9: return [0.5, 1, 2, 3, 1.5][Math.floor(rand() * 5)];
      default: {
        if (depth > 3) return {};
        const o: Record<string, unknown> = {};
        const keys = ['version', 'site', 'reading', 'toolbar', 'textScale', 'theme', 'contrast', 'rate', 'voices', 'vi', 'corner', '__proto__', 'constructor'];
        for (let i = 0; i < 4; i++) o[keys[Math.floor(rand() * keys.length)]!] = junk(depth + 1);
        return o;
      }
    }
  };
  return () => junk(0);
}
