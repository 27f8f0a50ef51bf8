import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_MAPLIBRE = {
  group: ['maplibre-gl', 'maplibre-gl/*'],
  message: 'MapLibre is called from src/map only, through its map adapter.',
};
/** A relative import that leaves the folder for one of `folders`. */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });

/** Who may import whom: one entry per folder, each with the imports it may not make. */
export const BOUNDARIES = [
  {
    files: ['src/domain/*.ts'],
    patterns: [
      { ...NO_MAPLIBRE, message: 'src/domain is pure: no MapLibre.' },
      { regex: '^\\.\\./', message: 'src/domain is pure: it imports nothing from outside src/domain.' },
    ],
  },
  // A subsystem of the domain (first-screen/) may use the rest of the domain, one folder up.
  {
    files: ['src/domain/*/*.ts'],
    patterns: [
      { ...NO_MAPLIBRE, message: 'src/domain is pure: no MapLibre.' },
      { regex: '^(\\.\\./){2}', message: 'src/domain is pure: it imports nothing from outside src/domain.' },
    ],
  },
  {
    files: ['src/ui/**/*.ts'],
    patterns: [
      NO_MAPLIBRE,
      into(['map', 'app', 'main'], 'src/ui holds no business rules: it may not use src/map or src/app.'),
    ],
  },
  {
    files: ['src/map/**/*.ts'],
    patterns: [
      into(['ui', 'app', 'main'], 'src/map may not use src/ui or src/app: it is given what it shows.'),
    ],
  },
  {
    files: ['src/dom/**/*.ts'],
    patterns: [
      { regex: '^\\.\\./', message: 'src/dom is the one DOM helper: it imports nothing from src/.' },
    ],
  },
  // The atlas editor (npm start only) uses the domain, the DOM helper and its own map module.
  {
    files: ['src/editor/**/*.ts'],
    patterns: [
      NO_MAPLIBRE,
      into(
        ['ui', 'app', 'io', 'main'],
        'src/editor may use src/domain, src/dom and src/map/editor-map only.',
      ),
      {
        regex: '^\\.\\./map/(?!editor-map$)',
        message: 'src/editor may use src/domain, src/dom and src/map/editor-map only.',
      },
    ],
  },
  {
    files: ['src/io/**/*.ts'],
    patterns: [NO_MAPLIBRE, into(['map', 'ui', 'app', 'main'], 'src/io reads and writes files only.')],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'dist-remote-basemap',
      'dist-fonts',
      'bench/.cache',
      'node_modules',
      'public',
      'bench/results',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Build DOM nodes and set textContent; never write HTML strings.',
        },
        {
          selector: "CallExpression[callee.property.name='setHTML']",
          message: 'Popup#setHTML is forbidden: use setDOMContent with nodes built from textContent.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Build DOM nodes and set textContent; never write HTML strings.',
        },
      ],
    },
  },
  // The boundaries between the folders of src/ (see the README's layout): src/app may use everything.
  // Tests beside the code may use the test helpers.
  ...BOUNDARIES.map(({ files, patterns }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
