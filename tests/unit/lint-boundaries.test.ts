import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/node-data';

const eslint = new ESLint({ cwd: ROOT });

/** The messages of the boundary rule for `code` as if it were the file at `filePath`. */
async function boundaryMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const restricted = (path: string, message: string) =>
  `'${path}' import is restricted from being used by a pattern. ${message}`;

describe('the lint rules hold the boundaries between the folders of src/', () => {
  const cases: { file: string; imports: string; message: string }[] = [
    {
      file: 'src/domain/example.ts',
      imports: '../app/atlas-view',
      message: 'src/domain is pure: it imports nothing from outside src/domain.',
    },
    {
      file: 'src/domain/example.ts',
      imports: '../map/map-adapter',
      message: 'src/domain is pure: it imports nothing from outside src/domain.',
    },
    {
      file: 'src/domain/example.ts',
      imports: 'maplibre-gl',
      message: 'src/domain is pure: no MapLibre.',
    },
    {
      file: 'src/domain/first-screen/example.ts',
      imports: '../../map/map-adapter',
      message: 'src/domain is pure: it imports nothing from outside src/domain.',
    },
    {
      file: 'src/domain/first-screen/example.ts',
      imports: 'maplibre-gl',
      message: 'src/domain is pure: no MapLibre.',
    },
    {
      file: 'src/ui/example.ts',
      imports: 'maplibre-gl',
      message: 'MapLibre is called from src/map only, through its map adapter.',
    },
    {
      file: 'src/ui/example.ts',
      imports: '../map/place-markers',
      message: 'src/ui holds no business rules: it may not use src/map or src/app.',
    },
    {
      file: 'src/ui/example.ts',
      imports: '../app/page-state',
      message: 'src/ui holds no business rules: it may not use src/map or src/app.',
    },
    {
      file: 'src/map/example.ts',
      imports: '../ui/dom',
      message: 'src/map may not use src/ui or src/app: it is given what it shows.',
    },
    {
      file: 'src/map/example.ts',
      imports: '../app/store',
      message: 'src/map may not use src/ui or src/app: it is given what it shows.',
    },
    {
      file: 'src/dom/example.ts',
      imports: '../domain/types',
      message: 'src/dom is the one DOM helper: it imports nothing from src/.',
    },
    {
      file: 'src/editor/example.ts',
      imports: 'maplibre-gl',
      message: 'MapLibre is called from src/map only, through its map adapter.',
    },
    {
      file: 'src/editor/example.ts',
      imports: '../app/store',
      message: 'src/editor may use src/domain, src/dom and src/map/editor-map only.',
    },
    {
      file: 'src/editor/example.ts',
      imports: '../map/map-adapter',
      message: 'src/editor may use src/domain, src/dom and src/map/editor-map only.',
    },
    {
      file: 'src/io/example.ts',
      imports: '../ui/notices',
      message: 'src/io reads and writes files only.',
    },
  ];

  it.each(cases)('$file may not import $imports', async ({ file, imports, message }) => {
    expect(await boundaryMessages(`import { x } from '${imports}';\nexport const y = x;\n`, file)).toEqual([
      restricted(imports, message),
    ]);
  });

  it('lets src/app use every folder, and each folder use the domain', async () => {
    const code = (paths: string[]) =>
      paths.map((p, i) => `import { x${i} } from '${p}';`).join('\n') +
      `\nexport const all = [${paths.map((_, i) => `x${i}`).join(', ')}];\n`;
    expect(
      await boundaryMessages(
        code(['maplibre-gl', '../map/map-adapter', '../ui/dom', '../domain/types']),
        'src/app/example.ts',
      ),
    ).toEqual([]);
    expect(await boundaryMessages(code(['../domain/types', './dom']), 'src/ui/example.ts')).toEqual([]);
    expect(await boundaryMessages(code(['maplibre-gl', '../domain/types']), 'src/map/example.ts')).toEqual(
      [],
    );
    expect(await boundaryMessages(code(['./types', '@turf/area']), 'src/domain/example.ts')).toEqual([]);
    expect(
      await boundaryMessages(
        code(['../domain/types', '../dom/el', '../map/editor-map', './editor-state']),
        'src/editor/example.ts',
      ),
    ).toEqual([]);
    expect(
      await boundaryMessages(code(['../view', './svg-tree']), 'src/domain/first-screen/example.ts'),
    ).toEqual([]);
  });
});
