/** A text progress bar: `[██████░░░░]  60% rendering frames`. */
export function progressBar(percent: number, label: string, width = 30): string {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.round((clamped / 100) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(clamped).padStart(3)}% ${label}`;
}

/**
 * Draws progress on a terminal in place (one line, redrawn), or as one line per change when
 * the output is a file or a pipe, so logs stay readable.
 */
export function createProgressDisplay(stream: NodeJS.WriteStream) {
  let last = '';
  return {
    update(percent: number, label: string) {
      const line = progressBar(percent, label);
      if (line === last) return;
      last = line;
      if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
      else stream.write(`${line}\n`);
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
