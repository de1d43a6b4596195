#!/bin/bash
# The client stream measurement of docs/Footprint.md ("Hand-offs per read batch"):
# scripts/client-stream-cpu.sh ENGINE_BINDIR LABEL SECONDS CLIENT_COMMAND...
# e.g. scripts/client-stream-cpu.sh .build/release after 30 .build/release/ibterm-stream
BIN=$1; LABEL=$2; SECS=$3; shift 3
SYMS="AAPL MSFT NVDA AMZN GOOGL META TSLA JPM SPY QQQ IWM AMD AVGO NFLX INTC ORCL CRM ADBE BAC WFC GS V MA XOM CVX JNJ UNH PG KO WMT"
D=$(mktemp -d)
$BIN/ibterm engine --port 0 --host 127.0.0.1 --state $D/paper.sqlite --fresh 2>$D/engine.log &
EP=$!
for i in $(seq 100); do PORT=$(ss -ltnp 2>/dev/null | grep "pid=$EP," | grep -o '127.0.0.1:[0-9]*' | cut -d: -f2 | head -1); [ -n "$PORT" ] && break; sleep 0.1; done
"$@" 127.0.0.1:$PORT $SYMS > $D/stream.out 2>$D/stream.err &
SP=$!
sleep 4
CLK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
ctx() { awk '/ctxt_switches/{s+=$2} END{print s}' /proc/$1/task/*/status; }
C0=$(cpu $SP); L0=$(wc -l < $D/stream.out); X0=$(ctx $SP)
sleep $SECS
C1=$(cpu $SP); L1=$(wc -l < $D/stream.out); X1=$(ctx $SP)
echo "$LABEL: CPU $(echo "scale=2; ($C1-$C0)*100/$CLK/$SECS" | bc) % of one core over $SECS s; context switches $(( (X1-X0)/SECS ))/s; $(( (L1-L0)/SECS )) lines/s; threads $(ls /proc/$SP/task | wc -l)"
timeout -s INT $SECS strace -f -c -e trace=futex -p $SP -o $D/strace.txt 2>/dev/null
FUTEX=$(awk '$NF=="futex"{print $4}' $D/strace.txt)
echo "$LABEL: futex calls $FUTEX in $SECS s = $(( FUTEX / SECS ))/s (under strace -f)"
kill $SP; kill -INT $EP; wait 2>/dev/null
[ -s $D/stream.err ] && head -3 $D/stream.err
rm -rf $D
