/**
 * Sign-in by the link `nianbao token create` prints: the token arrives in the URL fragment
 * (`#token=…`) or query (`?token=…`), is moved to sessionStorage, and the address bar is
 * rewritten without it so it is neither bookmarked, shared nor sent as a Referer.
 */

const STORAGE_KEY = 'nianbao.token';

/** The token in a URL, and the URL without it. */
export function extractToken(href: string): { token: string | undefined; cleanUrl: string } {
  const url = new URL(href);
  let token: string | undefined;
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) {
    token = fromQuery;
    url.searchParams.delete('token');
  }
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const fromFragment = fragment.get('token');
  if (fromFragment) {
    token = fromFragment;
    fragment.delete('token');
    const rest = fragment.toString();
    url.hash = rest ? `#${rest}` : '';
  }
  return { token, cleanUrl: url.toString() };
}

/** Takes a token from the address bar if there is one; else the one kept for this tab. */
export function signIn(win: Window): string | undefined {
  const { token, cleanUrl } = extractToken(win.location.href);
  if (token) {
    win.sessionStorage.setItem(STORAGE_KEY, token);
    win.history.replaceState(win.history.state, '', cleanUrl);
    return token;
  }
  return win.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

/** Keeps a session opened by the e-mail code for this tab, as a link's token is kept. */
export function keepToken(win: Window, token: string): void {
  win.sessionStorage.setItem(STORAGE_KEY, token);
}

export function signOut(win: Window): void {
  win.sessionStorage.removeItem(STORAGE_KEY);
}
