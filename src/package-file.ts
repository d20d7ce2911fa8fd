import { existsSync, readFileSync } from 'node:fs';

let root: URL | undefined;

/**
 * The URL of a file shipped at the package's root (`package.json`, `schema/...`). wire's modules run from `dist/` (the
 * library) and from `dist/bundle/` (the CLI, bundled to start faster), at different depths, so the root is the first
 * folder up from this module that holds a `package.json`.
 */
export function packageFile(path: string): URL {
  if (root === undefined) {
    let dir = new URL('.', import.meta.url);
    while (!existsSync(new URL('package.json', dir))) {
      const up = new URL('..', dir);
      if (up.href === dir.href) throw new Error(`wire's package.json was not found above ${import.meta.url}`);
      dir = up;
    }
    root = dir;
  }
  return new URL(path, root);
}

/** wire's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}
