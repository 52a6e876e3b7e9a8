#!/bin/sh
# Lists the partners of a plan as tab-separated name and website, for a spreadsheet:
#   examples/partners.sh youth-worker radicalisation > partners.tsv
# Needs wegwijs and jq on the PATH.
set -eu
role=${1:-youth-worker}
concern=${2:-radicalisation}
# The plan first, so that a bad role or concern stops the script with wegwijs's exit code
# (a plain pipe would report jq's, and POSIX sh has no pipefail).
plan=$(wegwijs plan --role "$role" --concern "$concern" --format json)
printf '%s\n' "$plan" |
  jq -r '.recommendations[] | select(.kind == "partner") | [.text, (.contact.website // "")] | @tsv'
