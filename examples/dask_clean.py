#!/usr/bin/python3
"""Clean JSON Lines shards on a dask.distributed cluster with pith.

One task per shard: the worker that runs it builds a pith.Cleaner, reads
the shard (``.jsonl`` or ``.jsonl.gz``), cleans every record exactly as
``pith --jsonl`` does (Cleaner.clean_record) and writes one output shard
``OUT/<name>.jsonl`` with one line per input record, in input order. An
output shard appears under its final name only once complete (written to
a temporary name, then renamed), so a task that dask retries after a
worker died rewrites its shard instead of duplicating records.

Single machine (starts a local cluster of worker processes)::

    /usr/bin/python3 examples/dask_clean.py --workers 4 --out clean/ shards/*.jsonl.gz

Existing cluster (``dask-scheduler`` / ``dask-worker``, see README.md)::

    /usr/bin/python3 examples/dask_clean.py --scheduler tcp://head:8786 --out /shared/clean /shared/shards/*.jsonl

Input and output paths must be readable and writable by every worker
under the same names (a shared file system when workers run on other
machines). Prints one line per finished shard and a summary; exits 1 when
some record could not be cleaned (its output line holds the error) or a
shard failed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import sys
import time
from typing import IO, Dict, List, Optional, Sequence


def output_name(shard: str) -> str:
    """The output file name of a shard: its name without .gz and .jsonl, plus .jsonl."""
    name = os.path.basename(shard)
    for suffix in (".gz", ".jsonl", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name + ".jsonl"


def _open_shard(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def clean_shard(shard: str, out_dir: str, favor: Optional[str] = None, add_rules: Sequence[str] = ()) -> Dict:
    """The task: clean one shard into out_dir; returns counts for the summary."""
    import pith  # imported on the worker

    cleaner = pith.Cleaner(add_rules=list(add_rules) or None, favor=favor)
    target = os.path.join(out_dir, output_name(shard))
    partial = f"{target}.part-{socket.gethostname()}-{os.getpid()}"
    records = errors = 0
    start = time.monotonic()
    with _open_shard(shard) as src, open(partial, "w", encoding="utf-8") as out:
        for number, line in enumerate(src, 1):
            if not line.strip():
                continue  # blank lines are no records, as in the CLI
            record, error = cleaner.clean_record(line, path=shard, line=number)
            out.write(record)
            records += 1
            errors += bool(error)
    os.replace(partial, target)
    return {
        "shard": shard,
        "output": target,
        "records": records,
        "errors": errors,
        "seconds": time.monotonic() - start,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }


def run(client, shards: Sequence[str], out_dir: str, favor: Optional[str] = None,
        add_rules: Sequence[str] = (), log: IO[str] = sys.stderr) -> List[Dict]:
    """Submits one task per shard to `client`; returns the per-shard counts in shard order.

    A shard whose task raised has a "failed" entry (the exception) instead of an output.
    """
    from dask.distributed import as_completed

    names = [output_name(s) for s in shards]
    if len(set(names)) != len(names):
        raise SystemExit("dask_clean: two shards would write the same output file; rename them")
    os.makedirs(out_dir, exist_ok=True)
    futures = client.map(clean_shard, shards, out_dir=out_dir, favor=favor, add_rules=list(add_rules), pure=False)
    shard_of = {future.key: shard for future, shard in zip(futures, shards)}
    done = {}
    for future in as_completed(futures):
        shard = shard_of[future.key]
        try:
            stats = future.result()
        except Exception as e:  # an unreadable shard, a full disk: report it, finish the others
            done[shard] = {"shard": shard, "failed": f"{type(e).__name__}: {e}", "records": 0, "errors": 0}
            print(f"dask_clean: {shard}: failed: {done[shard]['failed']}", file=log)
            continue
        done[shard] = stats
        print(f"dask_clean: {shard}: {stats['records']} records, {stats['errors']} errors, "
              f"{stats['seconds']:.1f} s on {stats['worker']}", file=log)
    return [done[s] for s in shards]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shards", nargs="+", help="JSON Lines shards (.jsonl or .jsonl.gz)")
    parser.add_argument("--out", required=True, help="directory for the output shards")
    parser.add_argument("--scheduler", help="address of a running dask scheduler (default: start a local cluster)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes of the local cluster (default: one per core)")
    parser.add_argument("--favor", choices=["balanced", "precision", "recall"])
    parser.add_argument("--add-rules", action="append", default=[], help="a rules file added to the built-in rules")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    started = time.monotonic()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler, timeout=120)
    else:
        # No fixed ports: the scheduler and dashboard-free workers pick free ones.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               scheduler_port=0, dashboard_address=None)
        client = Client(cluster)
    try:
        results = run(client, args.shards, args.out, favor=args.favor,
                      add_rules=[os.path.abspath(r) for r in args.add_rules])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    records = sum(r["records"] for r in results)
    errors = sum(r["errors"] for r in results)
    failed = sum("failed" in r for r in results)
    seconds = time.monotonic() - started
    print(f"dask_clean: {len(results)} shards ({failed} failed), {records} records, {errors} errors "
          f"in {seconds:.1f} s ({records / seconds if seconds else 0:.0f} records/s)", file=sys.stderr)
    return 1 if errors or failed else 0


if __name__ == "__main__":
    sys.exit(main())
