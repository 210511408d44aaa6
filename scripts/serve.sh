#!/usr/bin/env bash
# Installs what is missing, then serves the explainer at http://127.0.0.1:8080 (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload
