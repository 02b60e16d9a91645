#!/usr/bin/env bash
# Runs the benchmarks from the uber-jar: ./benchmarks/run.sh [quick|full]
# quick: about 10 minutes (20 on a busy machine), for iteration; full: the annotated
# defaults (2 forks, 5x2 s warm-up, 5x2 s measurement), one to two hours on 2 cores.
set -euo pipefail
mode="${1:-quick}"
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/target/results/$mode"
mkdir -p "$out"
case "$mode" in
	quick)
		flags=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
		threads64=(-p payload=SMALL)
		startup=(-f 5)
		;;
	full)
		flags=()
		threads64=()
		startup=()
		;;
	*)
		echo "usage: $0 [quick|full]" >&2
		exit 2
		;;
esac
# One thread: time and bytes allocated per call, every contender and payload size.
java -jar "$jar" 'InvokeBenchmark' "${flags[@]}" -prof gc -rf json -rff "$out/single-thread.json" | tee "$out/single-thread.txt"
# 64 threads: throughput of the floors, the clients and SDK v1.
java -jar "$jar" 'InvokeBenchmark\.(rawSdk.*|client.*|sdkV1Factory)$' "${flags[@]}" "${threads64[@]}" \
	-t 64 -bm thrpt -tu s -prof gc -rf json -rff "$out/threads-64.json" | tee "$out/threads-64.txt"
# Start-up: the first context of a fresh JVM, with 0 and 100 @LambdaClient interfaces.
java -jar "$jar" 'StartupBenchmark' "${startup[@]}" -rf json -rff "$out/startup.json" | tee "$out/startup.txt"
