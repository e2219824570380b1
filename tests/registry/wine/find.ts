/** Finding Wine: env WINE, else `wine` or `wine64` on PATH. */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const WINE_MISSING_MESSAGE =
  'wine not found: registry commands not executed; install wine64 (apt-get install -y wine64)';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A command's path: as given when it names a path, else the first match on searchPath. */
export function which(command: string, searchPath = process.env.PATH ?? ''): string | null {
  if (command.includes('/')) return isExecutable(command) ? path.resolve(command) : null;
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** Wine from env WINE (a path or a command name), else `wine` (or `wine64`) on PATH; null when missing. */
export function findWine(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.WINE) return which(env.WINE, env.PATH);
  return which('wine', env.PATH) ?? which('wine64', env.PATH);
}

/** The one line printed when Wine is missing. */
export function wineMissingMessage(env: NodeJS.ProcessEnv = process.env): string {
  return env.WINE ? `${WINE_MISSING_MESSAGE} (WINE=${env.WINE} is not an executable)` : WINE_MISSING_MESSAGE;
}
