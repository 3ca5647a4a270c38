#!/usr/bin/python3
"""dask_cluster.py ADDRESS_FILE [N] - a local Dask cluster of N worker
processes (2), one thread each, on 127.0.0.1.  Writes the scheduler's
address to ADDRESS_FILE once the workers are up, then runs until it is
sent SIGTERM (or its standard input reaches its end)."""
import signal
import sys

from distributed import LocalCluster


def main():
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster:
        with open(sys.argv[1] + ".tmp", "w") as f:
            f.write(cluster.scheduler_address + "\n")
        import os
        os.replace(sys.argv[1] + ".tmp", sys.argv[1])
        signal.pause()


if __name__ == "__main__":
    main()
