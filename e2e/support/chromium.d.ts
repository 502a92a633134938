/** Debian's Chromium: the project never downloads a browser (PLATFORM.md, "Chromium"). */
export declare const CHROMIUM_PATH: string;

/** Headless, no sandbox (containers), no GPU or QUIC, and no first-run, update or sync traffic. */
export declare const CHROMIUM_ARGS: readonly string[];
