/**
 * The SearchIndexer port on Pagefind (npm `pagefind`, pinned): its Node API drives Pagefind's
 * native binary (`pagefind_extended`, which segments Chinese) as a child process and hands the
 * built index back in memory (`getFiles`), so nothing is written to disk: the same on a laptop
 * and in Lambda, whose code folder is read-only.
 *
 * The binary comes from the platform's optional package (`@pagefind/linux-x64` and so on). In
 * Lambda the bundle carries it beside the handler and `PAGEFIND_EXTENDED_BINARY_PATH` names it
 * (infra/stateless-stack.ts); a zip may lose its execute bit, so it is copied to /tmp and made
 * executable there when needed.
 */
import { accessSync, chmodSync, constants, copyFileSync, existsSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { SearchIndexer, SearchIndexFile, SearchInput } from '../services/site-ports.js';

const BINARY_ENV = 'PAGEFIND_EXTENDED_BINARY_PATH';

/** What the search page loads: the loader, its worker and wasm, the entry and the index itself (not Pagefind's own UI). */
const SERVED = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter))$/;

function ensureExecutable(): void {
  const path = process.env[BINARY_ENV];
  if (!path) return;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    const copy = '/tmp/pagefind_extended';
    if (!existsSync(copy)) copyFileSync(path, copy);
    chmodSync(copy, 0o755);
    process.env[BINARY_ENV] = copy;
  }
}

export class PagefindIndexer implements SearchIndexer {
  async build(documents: readonly SearchInput[]): Promise<SearchIndexFile[]> {
    ensureExecutable();
    // One language for the whole site: the reports are Chinese, and one index keeps one wasm.
    const created = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!created.index) throw new Error(`搜索索引无法创建：${created.errors.join('; ')}`);
    const index = created.index;
    try {
      for (const d of documents) {
        const added = await index.addHTMLFile({ url: d.url, content: d.content });
        if (added.errors.length > 0) throw new Error(`搜索索引无法收录 ${d.url}：${added.errors.join('; ')}`);
      }
      const built = await index.getFiles();
      if (built.errors.length > 0) throw new Error(`搜索索引生成失败：${built.errors.join('; ')}`);
      return built.files.filter((f) => SERVED.test(f.path)).map((f) => ({ path: f.path, content: f.content }));
    } finally {
      await index.deleteIndex();
    }
  }

  /** stops Pagefind's process (it is started again by the next build) */
  async close(): Promise<void> {
    await pagefind.close();
  }
}
