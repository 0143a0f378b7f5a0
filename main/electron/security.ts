/**
 * App-wide navigation and permission rules: no new windows, no navigation away from
 * the app, no webviews, no web permissions, and external http(s) links go to the
 * system browser. Applied to every web contents the app ever creates.
 */
import { app, session, shell, type WebContents } from 'electron';

export function isExternalHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * True when `url` has exactly the origin of `appUrl`: same scheme, host and port.
 * A prefix test would let `http://localhost:5173.evil.com` pass for the dev server.
 * (WHATWG URL gives custom schemes an opaque origin, so the parts are compared.)
 */
export function isSameOrigin(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.username === '' && a.password === '' && a.host !== '';
  } catch {
    return false;
  }
}

function lockDown(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) links only
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalHttpUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) links only
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function setupSecurity(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, isAppUrl));
  app.whenReady().then(() => {
    // The IDE talks to boards from main; the page itself needs no web permission.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
