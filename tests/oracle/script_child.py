"""One `script` run of the Python runner, in the fresh process python_runner.py starts.

Reads `{"code": ..., "setup": ...}` as JSON on stdin and writes the observation (observe.py)
as JSON on the stdout it was given. The case's own output goes to stderr instead: whatever
it prints (even with os.write(1, ...)) cannot corrupt the observation.
"""

import json
import os
import sys

# Started with -I -S (stdlib only), so this file's folder is not on the path by itself.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import observe  # noqa: E402

report = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
job = json.load(sys.stdin)
observed = observe.observe_script(job["code"], observe.PRELUDE, job.get("setup", ""))
json.dump(observed, report, ensure_ascii=False)
report.close()
