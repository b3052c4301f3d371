import { readFileSync } from 'node:fs';

const parentOf = (pid: number): number | undefined => {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ...", and comm may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start` killed with SIGTERM exits without passing the signal on, which would leave
 * this script (and java) running. Watching the launching processes closes that gap.
 */
export const onLauncherExit = (levels: number, stop: () => void): void => {
  const ancestors: number[] = [];
  let pid: number | undefined = process.ppid;
  while (pid && pid > 1 && ancestors.length < levels) {
    ancestors.push(pid);
    pid = parentOf(pid);
  }
  const timer = setInterval(() => {
    if (ancestors.some((ancestor) => !alive(ancestor))) {
      clearInterval(timer);
      stop();
    }
  }, 500);
  timer.unref();
};
