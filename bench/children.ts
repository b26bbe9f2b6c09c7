// Child processes of the benchmark: each is tracked so that a timeout, a failure or Ctrl-C ends
// every one of them (by pid) and the run never hangs or leaves a load generator behind.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const running = new Set<ChildProcess>();

export function killChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** A TypeScript module of bench/ started under tsx with an IPC channel. */
export function forkTs(module: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const path = fileURLToPath(new URL(module, import.meta.url));
  return track(
    fork(path, args, {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

/** The first message a child sends of the given type; rejects if it exits or errs first. */
export function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no '${type}' from child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { type?: string; error?: string }) => {
      if (message?.type === 'error') done(new Error(message.error ?? 'child failed'));
      else if (message?.type === type) done(null, message as T);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before sending '${type}'`));
    function done(error: Error | null, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Runs a forked module to completion and returns its 'result' message. */
export async function runTs<T>(module: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const child = forkTs(module, args, env);
  try {
    return await nextMessage<T>(child, 'result', timeoutMs);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Runs a command and resolves with its stdout; rejects on a non-zero exit or the timeout. */
export function runCommand(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}): ${(err || out).trim().slice(-800)}`));
    });
  });
}

/** In a forked child: exit when the parent goes away, report failures as an 'error' message. */
export function childMain(main: () => Promise<void>): void {
  process.on('disconnect', () => process.exit(0));
  main().catch((error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ type: 'error', error: text }, () => process.exit(1));
  });
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
