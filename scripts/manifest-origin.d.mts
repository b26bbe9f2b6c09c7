// Types of manifest-origin.mjs (plain JS so that webpack.config.js can import it without a loader).
export declare const DEV_ORIGIN: string;
export declare function parseAddinOrigin(value: string | undefined): string;
export declare function manifestForOrigin(xml: string, origin: string): string;
export declare function buildManifest(addinOrigin: string | undefined): string;
