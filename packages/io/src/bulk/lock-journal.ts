import { open, readFile, rm } from 'node:fs/promises';
import { IoError } from '../errors.js';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
};

/**
 * Takes the `.lock` file next to a journal (it holds the owner's pid).
 * @param path - the journal path
 * @throws {@link IoError} `ERR_IO_JOURNAL_LOCKED` when a live process holds it.
 * @internal
 */
export async function lockJournal(path: string): Promise<void> {
  const lockPath = `${path}.lock`;
  try {
    const fh = await open(lockPath, 'wx');
    await fh.writeFile(String(process.pid));
    await fh.close();
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST')
      throw new IoError('ERR_IO_JOURNAL_WRITE_FAILED', 'Could not create the journal lock file', {
        cause: error,
        field: 'journalPath',
      });
    const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    // A lock left by a killed run (kill -9) is stale: take it over. This process counts as alive:
    // two runs in one process must not share a journal either.
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new IoError('ERR_IO_JOURNAL_LOCKED', 'Another running process holds the journal', { field: 'journalPath' });
    }
    await rm(lockPath, { force: true });
    return lockJournal(path);
  }
}

/**
 * Releases the lock taken by {@link lockJournal}.
 * @param path - the journal path
 * @internal
 */
export async function unlockJournal(path: string): Promise<void> {
  await rm(`${path}.lock`, { force: true });
}
