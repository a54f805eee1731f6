/**
 * The e-mail code sign-in panel, shared by the form (/file/) and the review page (/review/):
 * address → code (mailed) → session. The mail's link opens this page with `#signin=<address>&
 * code=<code>` and the code filled in; only the button signs in (mail scanners open links).
 */
import type { CodeSent, SignInRole, VerifyAnswer } from '../../functions/contract/sign-in.js';
import { clear, h } from './dom.js';

export type Session = Extract<VerifyAnswer, { kind: 'session' }>;

/** `#signin=…&code=…` from the mail's link, if the address bar has it. */
export function signInFragment(href: string): { email: string; code?: string } | undefined {
  const fragment = new URLSearchParams(new URL(href).hash.replace(/^#/, ''));
  const email = fragment.get('signin');
  if (!email) return undefined;
  const code = fragment.get('code') ?? undefined;
  return { email, ...(code && /^\d{6}$/.test(code) ? { code } : {}) };
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) {
    const wait = res.status === 429 ? res.headers.get('retry-after') : null;
    throw new Error(data.error?.message ?? (wait ? `请求过多，请 ${wait} 秒后再试` : `登录失败（${res.status}）`));
  }
  return data as T;
}

/** Ends the session on the server (best effort: the page forgets the token either way). */
export async function signOutSession(base: string, token: string): Promise<void> {
  await fetch(`${base}/api/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

/** Mounts the panel in `host`; `done` receives the session once the code checks out. */
export function mountCodeSignIn(host: HTMLElement, base: string, role: SignInRole, done: (session: Session) => void, win: Window = window): void {
  const status = h('p', { id: 'sign-in-status', role: 'status', 'aria-live': 'polite' });
  const email = h('input', { id: 'sign-in-email', type: 'email', autocomplete: 'email', required: true, size: 32 });
  const code = h('input', { id: 'sign-in-code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '\\d{6}', maxlength: 6, size: 8 });
  const requestForm = h(
    'form',
    { id: 'sign-in-request' },
    h('label', { for: 'sign-in-email' }, '电子邮箱 '),
    email,
    ' ',
    h('button', { type: 'submit' }, '获取验证码'),
  );
  const verifyForm = h(
    'form',
    { id: 'sign-in-verify', hidden: true },
    h('label', { for: 'sign-in-code' }, '验证码 '),
    code,
    ' ',
    h('button', { type: 'submit' }, '登录'),
  );
  const choices = h('div', { id: 'sign-in-choices', hidden: true });
  const say = (text: string) => (status.textContent = text);

  const verify = async (choice?: string) => {
    say('正在登录…');
    try {
      const answer = await post<VerifyAnswer>(base, '/api/sign-in/verify', { email: email.value, role, code: code.value, ...(choice ? { choice } : {}) });
      if (answer.kind === 'session') {
        win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
        done(answer);
        return;
      }
      clear(choices);
      choices.append(
        h('p', {}, '该邮箱登记了多个单位，请选择要登录的单位：'),
        ...answer.choices.map((c) => {
          const button = h('button', { type: 'button' }, c.name);
          button.addEventListener('click', () => void verify(c.id));
          return h('p', {}, button);
        }),
      );
      choices.hidden = false;
      say('');
    } catch (error) {
      say((error as Error).message);
    }
  };

  requestForm.addEventListener('submit', (event) => {
    event.preventDefault();
    say('正在发送…');
    post<CodeSent>(base, '/api/sign-in/code', { email: email.value, role })
      .then((sent) => {
        verifyForm.hidden = false;
        code.focus();
        say(sent.message);
      })
      .catch((error: Error) => say(error.message));
  });
  verifyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void verify();
  });

  const fromMail = signInFragment(win.location.href);
  if (fromMail) {
    email.value = fromMail.email;
    if (fromMail.code) code.value = fromMail.code;
    verifyForm.hidden = false;
    say(fromMail.code ? '验证码已填好，请点击“登录”。' : '请点击“获取验证码”，验证码将发送到该邮箱。');
  }
  host.append(
    h('p', {}, '输入登记的电子邮箱地址，系统将向该邮箱发送6位验证码（10分钟内有效）。'),
    requestForm,
    verifyForm,
    choices,
    status,
  );
}
