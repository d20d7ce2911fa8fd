import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { random } from '../../bench/generate.js';
import { amongGood, type BadInput } from './among-good.js';
import { BIG_OR_DEEP } from './bad-deep.js';
import { MB, file, plainStories, writePlainBytes } from './corpus.js';
import { FULL, size, skipped, type Case } from './matrix.js';
import { canDropPrivileges } from './wire.js';

// Stories of the large file are numbered from here, clear of the good ones.
const BIG_FIRST = 10_000;
const bigBytes = size(256, 1024) * MB;

function randomBytes(count: number, seed: number, from = 0, to = 256): Buffer {
  const next = random(seed);
  return Buffer.from(Array.from({ length: count }, () => from + Math.floor(next() * (to - from))));
}

/** A large file of good stories among the good inputs, in bounded memory (the file is the same for both rows). */
function bigFile(maxMb: number, withUrl: boolean): BadInput {
  let stories: number[] = [];
  return {
    name: `${bigBytes / MB} MB file of stories${withUrl ? ', a URL in the run too' : ''}: memory < ${maxMb} MB`,
    async make({ dir }) {
      const path = join(dir, 'big.txt');
      const count = await writePlainBytes(path, BIG_FIRST, bigBytes);
      stories = Array.from({ length: count }, (_, i) => BIG_FIRST + i);
      return [path];
    },
    exit: 0,
    message: null,
    get yields() {
      return stories;
    },
    maxMb,
    withUrl,
    hangSeconds: FULL ? 1200 : 300,
  };
}

const BAD_FILES: readonly BadInput[] = [
  {
    name: '0-byte file',
    make: ({ dir }) => file(dir, 'empty.txt', ''),
    exit: 1,
    message: /empty\.txt: is empty \(0 bytes\)/,
  },
  {
    name: 'binary file (random bytes)',
    make: ({ dir }) => file(dir, 'noise.bin', randomBytes(64 * 1024, 1)),
    exit: 1,
    message: /noise\.bin: not wire text/,
  },
  {
    name: 'gzip-compressed story file (read)',
    make: ({ dir }) => file(dir, 'story.txt.gz', gzipSync(plainStories(900, 1))),
    exit: 0,
    message: null,
    yields: [900],
  },
  {
    name: 'gzip file cut short',
    make: ({ dir }) => file(dir, 'cut.txt.gz', gzipSync(plainStories(908, 3)).subarray(0, 60)),
    exit: 1,
    message: /cut\.txt\.gz: damaged gzip data/,
  },
  {
    name: 'invalid UTF-8 (a latin-1 story)',
    make: ({ dir }) =>
      file(
        dir,
        'latin1.txt',
        `Story 901: Caf\u00e9 prices rise\n\nPARIS - Caf\u00e9 owners said prices rose.\n`,
        'latin1',
      ),
    exit: 0,
    message: /latin1\.txt:1: not valid UTF-8; read as windows-1252/,
    yields: [901],
  },
  {
    name: 'invalid UTF-8 (random high bytes)',
    make: ({ dir }) => file(dir, 'high.txt', randomBytes(8 * 1024, 2, 0x80, 0x100)),
    exit: 0,
    message: /high\.txt:1: not valid UTF-8; read as windows-1252/,
    unnumbered: 1,
  },
  {
    name: '100 MB single line',
    make: ({ dir }) => file(dir, 'line.txt', Buffer.alloc(100 * MB, 'x')),
    exit: 1,
    message: /line\.txt:1: a story starting at line 1 is larger than 16 MB and was skipped/,
    maxMb: 256,
    withUrl: false,
  },
  bigFile(256, false),
  // The web stack (undici's WASM HTTP parser, cheerio) costs about 45 MB more once a run meets a URL.
  bigFile(320, true),
  {
    name: 'unreadable file (mode 000, run as nobody)',
    make: ({ dir }) => {
      chmodSync(dir, 0o777);
      const path = file(dir, 'secret.txt', plainStories(903, 1));
      chmodSync(path[0] ?? '', 0o000);
      return path;
    },
    exit: 1,
    message: /secret\.txt: permission denied/,
    unprivileged: true,
  },
  {
    name: 'directory loop made of symlinks',
    make: ({ dir }) => {
      const root = join(dir, 'incoming');
      mkdirSync(join(root, 'a', 'b'), { recursive: true });
      writeFileSync(join(root, 'a', 'one.txt'), plainStories(904, 1));
      writeFileSync(join(root, 'a', 'b', 'two.txt'), plainStories(905, 1));
      symlinkSync('..', join(root, 'a', 'b', 'up'));
      symlinkSync('../../a', join(root, 'a', 'b', 'again'));
      symlinkSync('loop-self', join(root, 'loop-self'));
      return [root];
    },
    exit: 1,
    message: /incoming\/a\/b\/(up|again): a directory loop/,
    yields: [904, 905],
  },
  {
    name: 'named pipe in a folder (no writer)',
    make: ({ dir }) => {
      const root = join(dir, 'drop');
      mkdirSync(root);
      writeFileSync(join(root, 'a.txt'), plainStories(906, 1));
      spawnSync('mkfifo', [join(root, 'b.fifo')]);
      writeFileSync(join(root, 'c.txt'), plainStories(907, 1));
      return [root];
    },
    exit: 1,
    message: /b\.fifo: not a regular file/,
    yields: [906, 907],
    hangSeconds: 30,
  },
  {
    name: 'missing file',
    make: ({ dir }) => [join(dir, 'nowhere.txt')],
    exit: 1,
    message: /nowhere\.txt: no such file or directory/,
  },
];

/** The bad-file rows; the unreadable file needs a user to drop to. */
export const badFileCases: readonly Case[] = [...BAD_FILES, ...BIG_OR_DEEP].map((bad) => {
  const row = amongGood(bad);
  if (bad.unprivileged !== true) return row;
  return {
    name: row.name,
    run: (dir) =>
      canDropPrivileges()
        ? row.run(dir)
        : Promise.resolve(
            skipped('setpriv cannot run a command as nobody here (not root?): mode 000 is readable to root'),
          ),
  };
});
