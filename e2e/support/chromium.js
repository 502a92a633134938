// Debian's Chromium and the flags every headless run of it takes, for the e2e suite and the web benchmark alike.
// Plain JavaScript with a declaration beside it, so that the compiled benchmark and the e2e sources (run from
// source) import this one copy: `@kotei/e2e/chromium`.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
