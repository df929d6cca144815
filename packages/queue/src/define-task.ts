import { type Clock, systemClock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { systemActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import type { Task as WorkerTask } from "graphile-worker";
import { sql } from "kysely";
import type { z } from "zod";

export interface EnqueueOptions {
  /** Deduplicates: a pending job with the same key is replaced, not duplicated. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
  queueName?: string;
}

export interface TaskHelpers {
  db: Database;
  log: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  jobId: string;
  attempts: number;
  /**
   * Aborts when the worker is shutting down (SIGTERM, stop): a long task should stop at its next
   * safe point and leave the rest to be picked up again. Absent when a test runs a task directly.
   */
  signal?: AbortSignal;
  /** The worker's clock; the system clock when absent (tests pass a manual one). */
  clock?: Clock;
  /** The process's secret box and guarded fetch (built once from Env), for calls made for a workspace. */
  outbound: Outbound;
}

/** The task helpers' logger as the Logger services take. */
export function taskLogger(log: TaskHelpers["log"]): Logger {
  const logger: Logger = {
    info: (obj, msg) => log.info(obj, msg),
    warn: (obj, msg) => log.info(obj, msg),
    error: (obj, msg) => log.error(obj, msg),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/**
 * The service context a task acts with in one workspace: the system as actor, named for the
 * activity log (`"import"`, `"enrichment"`, or the task's own name).
 */
export function taskCtx(helpers: TaskHelpers, workspaceId: string, actorName: string): ServiceCtx {
  return {
    db: helpers.db,
    workspaceId,
    actor: systemActor(actorName),
    log: taskLogger(helpers.log),
    clock: helpers.clock ?? systemClock,
    limits: helpers.outbound.limits,
  };
}

export interface TaskDefinition<S extends z.ZodType> {
  name: string;
  payload: S;
  run(payload: z.output<S>, helpers: TaskHelpers): Promise<void>;
}

export interface DefinedTask<S extends z.ZodType> extends TaskDefinition<S> {
  /** Adds the job through the given connection: inside a transaction it commits with the business write. */
  enqueue(db: Database, payload: z.input<S>, opts?: EnqueueOptions): Promise<void>;
}

export function defineTask<S extends z.ZodType>(def: TaskDefinition<S>): DefinedTask<S> {
  return {
    ...def,
    async enqueue(db, payload, opts = {}) {
      const parsed = def.payload.parse(payload);
      await sql`select graphile_worker.add_job(
        identifier => ${def.name},
        payload => ${JSON.stringify(parsed)}::json,
        queue_name => ${opts.queueName ?? null},
        run_at => ${opts.runAt ?? null},
        max_attempts => ${opts.maxAttempts ?? null},
        job_key => ${opts.jobKey ?? null},
        priority => ${opts.priority ?? null}
      )`.execute(db);
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a list holds tasks of every payload type
export type AnyTask = DefinedTask<any>;

/** Builds graphile-worker's task list: each payload is validated before `run` sees it. */
export function toWorkerTaskList(
  tasks: AnyTask[],
  db: Database,
  outbound: Outbound,
): Record<string, WorkerTask> {
  const list: Record<string, WorkerTask> = {};
  for (const task of tasks) {
    if (list[task.name]) throw new Error(`Duplicate task name: ${task.name}`);
    list[task.name] = async (raw, helpers) => {
      const payload = task.payload.parse(raw);
      await task.run(payload, {
        db,
        log: {
          info: (obj, msg) => helpers.logger.info(msg ?? "", obj as Record<string, unknown>),
          error: (obj, msg) => helpers.logger.error(msg ?? "", obj as Record<string, unknown>),
        },
        jobId: helpers.job.id,
        attempts: helpers.job.attempts,
        signal: helpers.abortSignal,
        outbound,
      });
    };
  }
  return list;
}
