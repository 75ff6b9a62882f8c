// CPU time of a process tree, from /proc: what the bench charges a server (wrangler, workerd and
// every worker in it) per request, robust to the other work on a shared machine.
import { readdirSync, readFileSync } from "node:fs";

const USER_HZ = 100; // clock ticks per second on Linux

/** @returns CPU time (ms) used so far by a process and all its descendants. */
export function treeCpuMs(rootPid) {
  const procs = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      procs.push({ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {} // gone meanwhile
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((ms, p) => ms + (p.ticks * 1000) / USER_HZ, 0);
}
