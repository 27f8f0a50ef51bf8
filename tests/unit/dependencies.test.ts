import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
const atLeast = (v: string, min: string) => {
  const a = v.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
};

describe('dependencies', () => {
  it('installs MapLibre GL JS 6.4.1 or later (earlier versions carry CVE-2026-85061, an XSS)', () => {
    const installed = version('node_modules/maplibre-gl/package.json');
    expect(installed.split('.')[0]).toBe('6');
    expect(atLeast(installed, '6.4.1')).toBe(true);
  });

  it('compares versions the way the check above needs', () => {
    expect([
      atLeast('6.4.1', '6.4.1'),
      atLeast('6.17.0', '6.4.1'),
      atLeast('6.4.0', '6.4.1'),
      atLeast('5.24.0', '6.4.1'),
    ]).toEqual([true, true, false, false]);
  });

  it('pins the declared MapLibre range to 6.4.1 or later too', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const declared = pkg.dependencies['maplibre-gl']!.replace(/^[\^~]/, '');
    expect(atLeast(declared, '6.4.1')).toBe(true);
  });
});
