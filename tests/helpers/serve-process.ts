// `coursefit serve` as a real process on a free port of 127.0.0.1, for the tests that
// need what only a process has: a printed trainer key, a restart, a kill -9, two of them.
import { type ChildProcess, spawn } from "node:child_process";

export type Served = { child: ChildProcess; url: string; out: string };

/** Starts `coursefit serve <args> --port 0`; resolves once it says where it listens. */
export function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", ...args, "--port", "0"],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((done, fail) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk) => {
      err += chunk;
    });
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) done({ child, url: match[1], out });
    });
    child.once("exit", (code) => fail(new Error(`serve exited (${code}): ${err}`)));
  });
}

/** Ends the process with a signal and resolves with its exit code (null when killed). */
export function stopServe(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  return new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
    child.once("exit", (code) => done(code));
    child.kill(signal);
  });
}
