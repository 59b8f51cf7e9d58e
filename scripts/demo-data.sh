#!/usr/bin/env bash
# Loads the demo data into the running services (scripts/run.sh calls it once they are ready). Idempotent.
# Uses the local realm's demo users (password = username) through the password grant.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/demo"
exec python3 load.py
