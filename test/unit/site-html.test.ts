import { describe, expect, it } from 'vitest';
import { escapeHtml, html, paragraphs } from '../../functions/render/site/html.js';
import { formatDate, formatNumber, isoDate } from '../../functions/render/site/format.js';

describe('html helpers', () => {
  it('escape the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('the tagged template escapes values but keeps nested templates and arrays as markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['<', html`<br>`]}${null}${false}${0}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<br>0</p>',
    );
  });

  it('paragraphs split on every kind of line break and drop blank lines', () => {
    expect(paragraphs('一\r\n\r\n二\r三\u2028四\n\u3000\u3000\n五').value).toBe('<p>一</p><p>二</p><p>三</p><p>四</p><p>五</p>');
  });
});

describe('formats', () => {
  it('dates are Beijing dates', () => {
    expect(formatDate('2024-01-31T17:00:00Z')).toBe('2024年2月1日');
    expect(isoDate('2024-01-31T15:59:59Z')).toBe('2024-01-31');
  });

  it('numbers print as written, never with an exponent', () => {
    expect(formatNumber(24252.311082)).toBe('24252.311082');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-3)).toBe('-3');
  });
});
