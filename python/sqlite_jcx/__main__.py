"""python3 -m sqlite_jcx load DIR --db out.db  (see sqlite_jcx.loader)."""
import sys

from .loader import main

if __name__ == "__main__":  # not when a worker process imports it
    sys.exit(main())
