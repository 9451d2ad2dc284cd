/**
 * One speech-engine interface. The player, highlighting and controls never know which engine
 * is speaking.
 */
export interface EngineVoice {
  name: string;
  lang: string;
}

export interface Utterance {
  text: string;
  lang: string;
  voiceName?: string;
  rate: number;
  pitch: number;
  volume: number;
}

export interface UtteranceEvents {
  onStart(): void;
  onEnd(): void;
  onError(error: string): void;
  /** Fired only by voices that report word boundaries. */
  onBoundary?(charIndex: number): void;
}

export interface SpeechEngine {
  /** Speaks one utterance, interrupting any other. The text is never empty. */
  speak(utterance: Utterance, events: UtteranceEvents): void;
  /** Stops speaking; the stopped utterance's events are not delivered afterwards. */
  stop(): void;
  /** The voices for these languages (primary subtags such as 'vi'), or all of them. */
  voices(langs?: string[]): Promise<EngineVoice[]>;
  /**
   * A reading is likely to start soon (the reader pointed at or focused "Read aloud", or pressed
   * it): load what the first sentence will need. Cheap when it is loaded already.
   */
  prepare(): void;
}
