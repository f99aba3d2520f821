import fs from 'node:fs';

/**
 * Memory and CPU of a process from /proc: peak RSS per round (VmHWM, reset between rounds by
 * writing 5 to clear_refs when the kernel allows it; VmRSS sampled every 100 ms otherwise)
 * and CPU seconds (utime + stime) over a round.
 */
const TICK = 100; // USER_HZ on Linux

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of the process (all its threads), in seconds. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the name: state(0) … utime(11) stime(12).
    return (Number(rest[11]) + Number(rest[12])) / TICK;
  } catch {
    return NaN;
  }
}

export class ProcWatch {
  private peakKb = 0;
  private timer: NodeJS.Timeout | undefined;
  private cpuAtStart = 0;
  private startedAt = 0;
  /** True when VmHWM could be reset for the process (else the sampled VmRSS maximum is used). */
  resettable = false;

  constructor(
    readonly name: string,
    readonly pid: number,
  ) {}

  /** Starts a round: resets the high-water mark and the CPU counter. */
  begin(): void {
    try {
      fs.writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      this.resettable = true;
    } catch {
      this.resettable = false;
    }
    this.peakKb = statusKb(this.pid, 'VmRSS') ?? 0;
    this.cpuAtStart = cpuSeconds(this.pid);
    this.startedAt = performance.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.peakKb = Math.max(this.peakKb, statusKb(this.pid, 'VmRSS') ?? 0);
    }, 100);
    this.timer.unref();
  }

  /** Ends a round: peak RSS in MB and the CPU the process used (share of one core). */
  end(): { peakMb: number; cpuShare: number; cpuSeconds: number } {
    clearInterval(this.timer);
    this.timer = undefined;
    const hwm = this.resettable ? (statusKb(this.pid, 'VmHWM') ?? 0) : 0;
    const rss = statusKb(this.pid, 'VmRSS') ?? 0;
    const peakKb = Math.max(this.peakKb, rss, hwm);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const used = cpuSeconds(this.pid) - this.cpuAtStart;
    return {
      peakMb: peakKb / 1024,
      cpuShare: seconds > 0 ? used / seconds : NaN,
      cpuSeconds: used,
    };
  }
}
