// The decks as the deck compiler validated them, in their TOML shape, through `scripts/deck
// export --all` (the only reader of deck files): the end-to-end tests, the size budget and the
// benchmark's peer page read the decks through here, never by parsing TOML themselves.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `{"<deck id>": <export>, …}` for every deck in `decksDir` (relative to the repository root;
 * default `decks`, as the build's `QUIZDECK_DECKS_DIR` would name it). A deck that breaks a
 * rule fails here, naming the problem.
 */
export function exportDecks(decksDir = 'decks') {
  const json = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'deck-compiler', '--bin', 'deck', '--', 'export', '--all'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QUIZDECK_DECKS_DIR: decksDir },
  });
  return JSON.parse(json);
}
