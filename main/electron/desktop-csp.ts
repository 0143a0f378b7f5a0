/**
 * The desktop page's Content-Security-Policy, sent by the app:// handler (app-protocol.ts). It has no `connect-src` beyond itself: the page talks to
 * main through the preload, and only web mode's copy (main/web/static-files.ts) allows
 * its WebSocket. `style-src` keeps 'unsafe-inline' because xterm.js 6 writes its theme
 * colours and cell sizes into `<style>` elements it creates with no nonce
 * (DomRenderer._injectCss, Viewport); CodeMirror's styles use constructed style sheets,
 * which CSP does not govern. Scripts stay 'self' only.
 */
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
