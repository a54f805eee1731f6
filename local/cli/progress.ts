/** Progress of long CLI work (site rebuild, backup, restore) on stderr. */
/** A progress bar on a terminal; a line per 10% otherwise (CI logs). */
export function progressBar(out: NodeJS.WriteStream = process.stderr, label = ''): (p: { written: number; total: number }) => void {
  const started = Date.now();
  let lastDecile = -1;
  return ({ written, total }) => {
    const ratio = total > 0 ? Math.min(1, written / total) : 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      out.write(`\r${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${written}/${total} ${Math.floor(ratio * 100)}% ${seconds}s`);
      if (written >= total) out.write('\n');
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        out.write(`${label}${written}/${total} ${decile * 10}% ${seconds}s\n`);
      }
    }
  };
}
