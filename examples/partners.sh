#!/bin/sh
# Lists the partners of a plan as tab-separated name and website, for a spreadsheet:
#   examples/partners.sh youth-worker radicalisation > partners.tsv
# Needs wegwijs and jq on the PATH.
set -eu
role=${1:-youth-worker}
concern=${2:-radicalisation}
wegwijs plan --role "$role" --concern "$concern" --format json |
  jq -r '.recommendations[] | select(.kind == "partner") | [.text, (.contact.website // "")] | @tsv'
