#!/bin/sh
echo "native schema engine disabled: use scripts/migrate.ts" >&2
exit 1
