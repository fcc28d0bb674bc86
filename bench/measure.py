"""Timing and peak memory of one benchmark run, shared by the bench/ scripts."""
import os
import subprocess
import tempfile
import time

GNU_TIME = '/usr/bin/time'


def run(cmd, stdin_path=None):
    """Runs cmd (stdin from stdin_path, else none; stdout to /dev/null) and
    returns (wall seconds, CPU seconds, peak RSS in MiB). The peak is GNU
    time's %M when /usr/bin/time exists, else os.wait4's ru_maxrss of the
    child, which also counts the RSS the caller had when it forked. Raises
    RuntimeError when the command fails."""
    with open(stdin_path or os.devnull, 'rb') as stdin, open(os.devnull, 'wb') as null, \
            tempfile.NamedTemporaryFile('r') as rss:
        wrapped = [GNU_TIME, '-q', '-f', '%M', '-o', rss.name] + cmd if os.access(GNU_TIME, os.X_OK) else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdin=stdin, stdout=null)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RuntimeError(f"{' '.join(cmd)}: exit status {code}")
        text = rss.read().strip()
        kib = int(text.splitlines()[-1]) if text else usage.ru_maxrss
    return seconds, usage.ru_utime + usage.ru_stime, kib / 1024.0
