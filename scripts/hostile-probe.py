#!/usr/bin/env python3
"""The hostile-client probe of docs/RELIABILITY.md, against the real binary on 127.0.0.1.

Starts `clara` (release build by default) three times, with the production defaults
(HTTP_READ_TIMEOUT=10, MAX_CONNECTIONS=1024), and prints one row per scenario:

1. 300 idle connections while the process's open-file limit is 256 (`ulimit -n 256`):
   how long GET /health takes to answer.
2. One connection that starts a request head and trickles a header line every second, never
   finishing: how long until the server closes it.
3. 400 connections that each send an unfinished 60 KiB head and hold it, then 400 more that send
   200 KiB: the process's RSS before and after.

Usage: scripts/hostile-probe.py [path/to/clara]   (build first: cargo build --release)
Only loopback is used; every loop is bounded.
"""
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "clara")


def start(nofile=None):
    def limit():
        if nofile:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    env = {"PORT": "0", "LOG_LEVEL": "info"}
    proc = subprocess.Popen([BINARY], env=env, stdout=subprocess.PIPE, preexec_fn=limit, text=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        line = json.loads(proc.stdout.readline())
        if line.get("message") == "listening":
            port = int(line["addr"].rsplit(":", 1)[1])
            # Keep draining the log so the pipe never fills.
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, ("127.0.0.1", port)
    raise SystemExit("clara did not start")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)


def rss_mb(proc):
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def health(addr, timeout=30):
    started = time.time()
    s = socket.create_connection(addr)
    s.settimeout(timeout)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    try:
        status = s.recv(64).split(b"\r\n")[0].decode()
    except socket.timeout:
        status = "(no answer)"
    s.close()
    return status, time.time() - started


def idle_flood():
    proc, addr = start(nofile=256)
    idle = [socket.create_connection(addr) for _ in range(300)]
    time.sleep(0.3)
    status, took = health(addr)
    for s in idle:
        s.close()
    stop(proc)
    return f"300 idle connections, ulimit -n 256 | GET /health: {status} after {took:.1f} s | target < 15 s"


def slow_head():
    proc, addr = start()
    s = socket.create_connection(addr)
    s.settimeout(60)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
    started = time.time()
    closed_after = None
    for i in range(60):
        try:
            s.sendall(f"X-Slow-{i}: a\r\n".encode())
            s.settimeout(1)
            if s.recv(1) == b"":
                closed_after = time.time() - started
                break
        except socket.timeout:
            continue
        except OSError:
            closed_after = time.time() - started
            break
    s.close()
    stop(proc)
    shown = f"{closed_after:.1f} s" if closed_after is not None else "not closed in 60 s"
    return f"unfinished head, one header line a second | closed after {shown} | target < 35 s"


def slow_memory():
    proc, addr = start()
    before = rss_mb(proc)
    held = []
    rows = []
    for size in (60 * 1024, 200 * 1024):
        head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * size
        for _ in range(400):
            s = socket.create_connection(addr)
            s.settimeout(5)
            try:
                s.sendall(head)
            except OSError:
                pass  # refused with 431 and closed: expected over 64 KiB
            held.append(s)
        time.sleep(0.5)
        rows.append(f"{size // 1024} KiB: {rss_mb(proc):.1f} MB")
    status, _ = health(addr)
    for s in held:
        s.close()
    stop(proc)
    return (
        f"400 + 400 slow connections | RSS idle {before:.1f} MB, after {', after '.join(rows)}; "
        f"/health {status} | target < 64 MB"
    )


def main():
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} not found: cargo build --release first")
    print("scenario | result | target")
    for probe in (idle_flood, slow_head, slow_memory):
        print(probe(), flush=True)


if __name__ == "__main__":
    main()
