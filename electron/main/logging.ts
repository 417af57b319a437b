import { existsSync, renameSync, rmSync } from "node:fs";

/**
 * Rotation of the main-process log: when `main.log` reaches its size limit electron-log hands it
 * to `archiveLogFn`; we keep `keep` older files (`main.1.log` newest … `main.<keep>.log` oldest)
 * instead of electron-log's single `main.old.log`, so a support request can cover a few days.
 */
export function rotateLogFile(currentPath: string, keep: number): void {
  const numbered = (n: number) => currentPath.replace(/(\.log)?$/, `.${n}$1`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(currentPath, numbered(1));
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILES_KEPT = 5;

/** The part of electron-log's main logger we configure; electron-log's satisfies it. */
export interface MainLogger {
  transports: {
    file: {
      maxSize: number;
      level: string | false;
      archiveLogFn(oldLogFile: { toString(): string }): void;
    };
    console: { level: string | false };
  };
  errorHandler: {
    startCatching(options: {
      showDialog: boolean;
      onError?: (options: { error: Error; processType?: string }) => void;
    }): unknown;
  };
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

/**
 * Sends main-process logs to a rotating file in the OS log folder, and every uncaught exception
 * and unhandled rejection to that file too (electron-log's error handler): reported, not
 * swallowed, and without a dialog that would block the agent.
 */
export function configureMainLogging(log: MainLogger, isPackaged: boolean): void {
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = "info";
  log.transports.file.archiveLogFn = (oldLogFile) => {
    try {
      rotateLogFile(oldLogFile.toString(), LOG_FILES_KEPT);
    } catch (error) {
      log.warn("Could not rotate the log file:", error);
    }
  };
  log.transports.console.level = isPackaged ? false : "debug";
  log.errorHandler.startCatching({ showDialog: false });
}
