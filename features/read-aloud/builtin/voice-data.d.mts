export declare const VOICE_ASSET_DIR: string;
export declare const VOICE_JS: string;
export declare const VOICE_DATA: string;
export declare function enginePackageDir(): string;
export declare function buildVoiceData(packageDir?: string): { js: string; data: Buffer; files: string[] };
export declare function writeVoiceAssets(dir: string): { js: string; data: string };
