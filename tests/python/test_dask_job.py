# examples/dask_clean.py on a real dask.distributed cluster: a scheduler and
# two worker processes on localhost, started here, with no fixed ports.
import gzip
import json
import os
import re
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")

SHARDS = 6
RECORDS = 40  # per shard


def make_shards(directory):
    """Six shards (two gzipped) of HTML, text and broken records; returns their paths and every record id."""
    paths, ids = [], []
    for s in range(SHARDS):
        path = directory / (f"part-{s:02d}.jsonl" + (".gz" if s % 3 == 2 else ""))
        lines = []
        for r in range(RECORDS):
            rid = f"s{s}-r{r}"
            ids.append(rid)
            body = (f"Record {rid} is a paragraph of prose about the harbour, long enough to keep, "
                    f"with the words that sentences have.")
            if r % 10 == 7:
                lines.append(json.dumps({"id": rid, "note": "neither html nor text"}))
            elif r % 5 == 3:
                lines.append(json.dumps({"id": rid, "text": body}))
            else:
                html = (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
                        f"<p>{body}</p><p>A second paragraph follows, so the article reads as prose.</p>"
                        f"</article></body></html>")
                lines.append(json.dumps({"id": rid, "html": html, "shard": s}))
            if r == 5:
                lines.append("")  # blank lines are no records
        data = ("\n".join(lines) + "\n").encode()
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
        paths.append(path)
    return paths, ids


# Generous: a loaded 2-core machine can take long to start worker processes.
TIMEOUTS = {"distributed.comm.timeouts.connect": "180s", "distributed.comm.timeouts.tcp": "300s"}


@pytest.fixture
def cluster():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(TIMEOUTS), LocalCluster(n_workers=2, threads_per_worker=1, processes=True, scheduler_port=0,
                      dashboard_address=None, silence_logs=50, death_timeout=120) as c:
        with Client(c, timeout=120) as client:
            client.wait_for_workers(2, timeout=300)
            c.worker_pids = set(client.run(os.getpid).values())
            assert len(c.worker_pids) == 2 and os.getpid() not in c.worker_pids
        yield c


def test_every_record_comes_out_exactly_once(root, tmp_path, cluster):
    shards, ids = make_shards(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(root / "examples" / "dask_clean.py"), "--scheduler", cluster.scheduler_address,
         "--out", str(out), *map(str, shards)],
        capture_output=True, text=True, timeout=900,
        env={**os.environ, **{"DASK_" + k.upper().replace(".", "__").replace("-", "_"): v for k, v in TIMEOUTS.items()}})
    # Broken records are reported in their output line and make the exit status 1.
    assert proc.returncode == 1, proc.stderr
    broken = SHARDS * (RECORDS // 10)
    assert f"{SHARDS} shards (0 failed), {SHARDS * RECORDS} records, {broken} errors" in proc.stderr

    assert sorted(p.name for p in out.iterdir()) == [f"part-{s:02d}.jsonl" for s in range(SHARDS)]
    seen = []
    for s in range(SHARDS):
        records = [json.loads(line) for line in (out / f"part-{s:02d}.jsonl").read_text().splitlines()]
        assert [r["id"] for r in records] == [f"s{s}-r{r}" for r in range(RECORDS)]  # input order kept
        for r in records:
            seen.append(r["id"])
            if "error" in r:
                assert re.fullmatch(rf".*part-{s:02d}\.jsonl(\.gz)?:\d+: no \"html\" or \"text\" field", r["error"])
            else:
                assert f"Record {r['id']} is a paragraph" in r["text"]
                assert "Home" not in r["text"]
                assert "html" not in r
    assert sorted(seen) == sorted(ids) and len(set(seen)) == len(ids)

    # Every shard was cleaned inside one of the cluster's two worker processes.
    pids = [int(pid) for pid in re.findall(r"^dask_clean: .*: \d+ records, .* on \S+:(\d+)$", proc.stderr, re.M)]
    assert len(pids) == SHARDS and set(pids) <= cluster.worker_pids
