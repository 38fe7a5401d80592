#!/usr/bin/env python3
"""Start-up to healthy, for scripts/load.sh and docs/RENDER-DEPLOY.md.

Spawns BINARY [ARGS...] RUNS times and polls `GET PATH` on 127.0.0.1:PORT over a raw socket in a
tight loop until it answers 200 (and, for /health, `"status":"ok"`); the time is from just before
the spawn to that answer. One second later it reads the process's VmRSS (idle RSS), then stops it.
A raw socket rather than curl: spawning a curl per attempt costs more than the start-up itself.

Usage: startup_probe.py PORT PATH RUNS BINARY [ARGS...]   (the environment is passed through;
PORT is also set in it). Prints one line: `startup_ms_median=… min=… max=… idle_rss_kb_median=…`.
Every wait is bounded (10 s per start-up); exit status 1 if a run never became healthy.
"""

import os
import socket
import statistics
import subprocess
import sys
import time


def healthy(port: int, path: str) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
    except OSError:
        return False
    return data.startswith(b"HTTP/1.1 200") and (path != "/health" or b'"status":"ok"' in data)


def main() -> int:
    port, path, runs, command = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    env = dict(os.environ, PORT=str(port))
    times, rss = [], []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        p = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while not healthy(port, path):
                if time.monotonic() > deadline or p.poll() is not None:
                    print(f"startup_probe: {command[0]} never answered {path}", file=sys.stderr)
                    return 1
            times.append((time.perf_counter_ns() - t0) / 1e6)
            time.sleep(1.0)
            with open(f"/proc/{p.pid}/status") as f:
                line = next(l for l in f if l.startswith("VmRSS:"))
            rss.append(int(line.split()[1]))
        finally:
            p.terminate()
            p.wait(timeout=10)
    print(
        f"startup_ms_median={statistics.median(times):.1f} min={min(times):.1f} "
        f"max={max(times):.1f} idle_rss_kb_median={statistics.median(rss):.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
