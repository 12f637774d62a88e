import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is not a PNG`).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('toolbar icon', () => {
  const html = readFileSync('entrypoints/popup/index.html', 'utf8');
  const meta = /<meta name="manifest.default_icon" content='([^']+)'/.exec(html);

  it('the popup declares the action icon at 16, 32, 48 and 128 px', () => {
    expect(meta, 'entrypoints/popup/index.html needs <meta name="manifest.default_icon">').not.toBeNull();
    const icons = JSON.parse(meta![1]!) as Record<string, string>;
    expect(Object.keys(icons)).toEqual(['16', '32', '48', '128']);
    for (const [size, path] of Object.entries(icons)) {
      const file = `public/${path}`;
      expect(existsSync(file), `${file} is missing: run node scripts/make-icons.mjs`).toBe(true);
      expect(pngSize(file)).toEqual([Number(size), Number(size)]);
    }
  });
});
