export declare function bundleForPage(entry: string, globalName: string): Promise<string>;
