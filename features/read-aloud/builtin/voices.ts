/**
 * The built-in voices (eSpeak NG, bundled): listed beside the system's own. Their language tags
 * carry a private-use subtag, so that when the system has a voice for the page's language,
 * `pickVoice` prefers it, and the built-in one reads only when nothing else can (or when the
 * reader chose it).
 */
export interface BuiltinVoice {
  name: string;
  lang: string;
  /** eSpeak NG voice identifier. */
  espeak: string;
}

export const BUILTIN_PREFIX = 'Dễ Đọc — ';

export const BUILTIN_VOICES: readonly BuiltinVoice[] = Object.freeze([
  { name: `${BUILTIN_PREFIX}Tiếng Việt (miền Bắc)`, lang: 'vi-VN-x-dede', espeak: 'vi' },
  { name: `${BUILTIN_PREFIX}Tiếng Việt (miền Trung)`, lang: 'vi-VN-x-dede', espeak: 'vi-VN-x-central' },
  { name: `${BUILTIN_PREFIX}Tiếng Việt (miền Nam)`, lang: 'vi-VN-x-dede', espeak: 'vi-VN-x-south' },
  { name: `${BUILTIN_PREFIX}English`, lang: 'en-x-dede', espeak: 'en-us' },
]);

export function builtinVoiceNamed(name: string | undefined): BuiltinVoice | undefined {
  return name ? BUILTIN_VOICES.find((v) => v.name === name) : undefined;
}

/** The first built-in voice for a language ("vi-VN" → Northern), if there is one. */
export function builtinVoiceFor(lang: string): BuiltinVoice | undefined {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return BUILTIN_VOICES.find((v) => v.lang.split('-')[0] === primary);
}
