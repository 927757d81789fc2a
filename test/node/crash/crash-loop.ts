import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { Prng } from '../../../src/shared/simulation/prng'
import { checkAfterCrash } from './crash-check'
import { Ledger } from './crash-ledger'
import type { WriterArgs, WriterLine, WriterMode } from './crash-protocol'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/**
 * Bundles writer.ts (and the worker its photo imports use) into ES modules that plain Node starts in a fraction of the time a
 * TypeScript loader takes (it starts once per kill). It lands under node_modules/.cache so its
 * imports of better-sqlite3, sharp and zod resolve to the project's own.
 */
export async function buildWriter(): Promise<{ file: string; remove(): void }> {
  const cache = path.join(ROOT, 'node_modules', '.cache')
  fs.mkdirSync(cache, { recursive: true })
  const outDir = fs.mkdtempSync(path.join(cache, 'stipple-crash-writer-'))
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node22',
      rolldownOptions: {
        // The photo import decodes in a child process, and whole-database checks run in a worker
        // thread, each started from its own bundled entry beside the writer.
        input: {
          writer: path.join(import.meta.dirname, 'writer.ts'),
          'heavy-worker': path.join(ROOT, 'src/main/workers/heavy-worker.ts'),
          'decode-child': path.join(ROOT, 'src/main/services/isolation/decode-child.ts'),
        },
        output: { entryFileNames: '[name].mjs' },
      },
    },
  })
  return { file: path.join(outDir, 'writer.mjs'), remove: () => fs.rmSync(outDir, { recursive: true, force: true }) }
}

/** When to kill: so long after the process starts, or so long after its n-th acknowledged change. */
export type KillPlan = { fromStartMs: number } | { afterAcks: number; delayMs: number }

interface Run {
  lines: WriterLine[]
  stderr: string
}

/**
 * Starts the writer and kills it with SIGKILL as the plan says. Resolves with every whole line
 * it printed (a line cut by the kill was never printed); rejects if the writer stopped on its
 * own, since it never should.
 */
export function runUntilKilled(writer: string, args: WriterArgs, plan: KillPlan, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, args.dataDir, args.mode, String(args.seed), args.imagesDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: WriterLine[] = []
    let pending = ''
    let stderr = ''
    let acks = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const killAfter = (ms: number) => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms)
    }
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs)

    if ('fromStartMs' in plan) killAfter(plan.fromStartMs)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      pending += chunk
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        const line = JSON.parse(pending.slice(0, end)) as WriterLine
        pending = pending.slice(end + 1)
        lines.push(line)
        if (line.type === 'ack') acks++
        if ('afterAcks' in plan && (line.type === 'ack' || line.type === 'ready') && acks >= plan.afterAcks)
          killAfter(plan.delayMs)
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      clearTimeout(timer)
      if (signal === 'SIGKILL' && timer !== undefined) resolve({ lines, stderr })
      else reject(new Error(`The writer stopped by itself (exit ${code}, signal ${signal}):\n${stderr}`))
    })
  })
}

export interface CrashLoopOptions {
  writer: string
  dataDir: string
  imagesDir: string
  mode: WriterMode
  kills: number
  /** Seeds the kill times and every writer's choices; printed with any failure to replay it. */
  seed: number
}

export interface CrashLoopReport {
  kills: number
  acknowledged: number
  /** Kills that landed while a change was in flight, and of those, how many turned out saved. */
  inFlight: number
  inFlightSaved: number
  /** Kills in the middle of a photo import. */
  midImport: number
  /** Orphan and temp photo files found after a kill, all removed by the start-up sweep. */
  swept: { orphans: number; temps: number }
  seconds: number
}

/** Kill times that cover the start (open, migrations, checks) and the middle of the changes. */
function killPlan(random: Prng, mode: WriterMode): KillPlan {
  if (random.next() < 0.15) return { fromStartMs: random.next() * 400 }
  return mode === 'photos'
    ? { afterAcks: Math.floor(random.next() * 3), delayMs: random.next() * 400 }
    : { afterAcks: Math.floor(random.next() * 25), delayMs: random.next() * 15 }
}

/**
 * Kills a writer `kills` times over one data folder, so any damage would pile up, and checks
 * after each kill that the database is whole and every acknowledged change is there with its
 * values (crash-check.ts). Throws at the first problem, with the seed that replays the run.
 */
export async function crashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const started = performance.now()
  const random = new Prng(options.seed)
  const ledger = new Ledger()
  const report: CrashLoopReport = {
    kills: 0,
    acknowledged: 0,
    inFlight: 0,
    inFlightSaved: 0,
    midImport: 0,
    swept: { orphans: 0, temps: 0 },
    seconds: 0,
  }
  for (let kill = 1; kill <= options.kills; kill++) {
    const plan = killPlan(random, options.mode)
    const writerSeed = random.uint32()
    const run = await runUntilKilled(options.writer, { ...options, seed: writerSeed }, plan)
    for (const line of run.lines) ledger.apply(line)
    const inFlight = ledger.pending
    if (inFlight) report.inFlight++
    if (inFlight?.kind === 'photo' && inFlight.key === null) report.midImport++
    const check = await checkAfterCrash(options.dataDir, ledger)
    report.kills = kill
    report.swept.orphans += check.leftovers.orphans
    report.swept.temps += check.leftovers.temps
    if (check.problems.length > 0) {
      const last = run.lines.slice(-3).map((line) => JSON.stringify(line).slice(0, 300))
      throw new Error(
        [
          `After kill ${kill} of ${options.kills} (${options.mode} mode, seed ${options.seed}; replay with STIPPLE_CRASH_SEED=${options.seed}):`,
          ...check.problems.map((problem) => `  - ${problem.slice(0, 2000)}`),
          `Kill plan: ${JSON.stringify(plan)}, writer seed ${writerSeed}. The writer's last lines:`,
          ...last.map((line) => `  ${line}`),
        ].join('\n'),
      )
    }
  }
  report.acknowledged = ledger.counts.acknowledged
  report.inFlightSaved = ledger.counts.inFlightSaved
  report.seconds = (performance.now() - started) / 1000
  return report
}
