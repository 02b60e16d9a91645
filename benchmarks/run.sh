#!/usr/bin/env bash
# Runs the benchmarks from the uber-jar: ./benchmarks/run.sh MODE [options passed on]
#   full        caller (all sizes), throughput and start-up with their full settings
#   quick       the same with small counts, for iteration (not for publishing)
#   caller      per-call cost on the calling thread, one process per payload size (FORKS=n: n each;
#               SIZES="1k 1m": only those)
#   caller-no-ea  the same with escape analysis off, so that every object a call creates counts
#   sdk         the SDK v2 extension points, one at a time, per payload size
#   profile     where each contender allocates (JFR), 1 KB unless --payload is given
#   throughput  JMH, 64 concurrent callers
#   throughput-forks  JMH, 64 callers, raw and client in PAIRS=n pairs of single forks, the first of
#               each pair alternating, each pair's ratio and their mean with its 95 % interval
#               (TRANSPORT=in-memory: on the in-memory HTTP client instead of the loopback server)
#   throughput-rounds  64 callers in one JVM (FORKS=n: n JVMs), raw and client in alternating
#               phases of 1 s, each round's ratio reported
#   startup     JMH, cold start of a context with 0 and 100 @LambdaClient interfaces
#   startup-warm  the same in warm JVMs (without options: 300 starts to settle, 100 measured,
#               3 forks), and the mean of each block of 50 starts, to show where the time settles
#   startup-profile  class loads, allocation and CPU of cold and warm starts, by phase
# Results go to benchmarks/target/results/<mode>/.
set -euo pipefail
mode="${1:-quick}"
shift || true
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
results="$here/target/results"
heap=(-Xms1g -Xmx1g)

caller() { # caller <set> <out> [options]; FORKS=n runs each size in n JVMs one after another, SIZES picks sizes
	local set="$1" out="$2"
	shift 2
	local forks="${FORKS:-1}"
	mkdir -p "$out"
	: >"$out/$set-report.md"
	for size in ${SIZES:-1k 64k 1m}; do
		for fork in $(seq 1 "$forks"); do
			local dir="$out"
			[ "$forks" -gt 1 ] && dir="$out/jvm-$fork"
			mkdir -p "$dir"
			# 1 MB calls take milliseconds: fewer of them, after 1 KB calls that let the JIT
			# compile what each call runs once, unless options say otherwise.
			local counts=()
			[ "$size" = 1m ] && counts=(--small-warmup=20000 --warmup=400 --rounds=3 --calls=200)
			# shellcheck disable=SC2086 # JVM_OPTS holds several options
			java "${heap[@]}" ${JVM_OPTS:-} -cp "$jar" io.github.lambdainvoker.benchmarks.CallerCostBenchmark \
				--set="$set" --payload="$size" --out="$dir" "${counts[@]}" "$@"
			{ [ "$forks" -gt 1 ] && echo "JVM $fork of $forks"; cat "$dir/$set-$size.md"; } >>"$out/$set-report.md"
		done
	done
	echo "Tables: $out/$set-report.md"
}

throughput() { # throughput <out> [JMH options]
	local out="$1"
	shift
	mkdir -p "$out"
	java -jar "$jar" 'LoopbackInvokeBenchmark\.(raw|client|sdkV1Factory)$' "$@" \
		-t 64 -bm thrpt -tu s -prof gc -rf json -rff "$out/threads-64.json" | tee "$out/threads-64.txt"
}

throughput_forks() { # throughput_forks <out> [JMH options]; PAIRS=n pairs (6), TRANSPORT=loopback|in-memory
	local out="$1"
	shift
	local benchmark
	case "${TRANSPORT:-loopback}" in
		loopback) benchmark=LoopbackInvokeBenchmark ;;
		in-memory) benchmark=InMemoryInvokeBenchmark ;;
		*) echo "TRANSPORT must be loopback or in-memory, not '$TRANSPORT'" >&2; return 2 ;;
	esac
	# A fresh folder, so that the report holds this run's pairs only.
	rm -rf "${out:?}"
	mkdir -p "$out"
	for pair in $(seq 1 "${PAIRS:-6}"); do
		local order=(raw client)
		[ $((pair % 2)) -eq 0 ] && order=(client raw)
		local name
		for name in "${order[@]}"; do
			java -jar "$jar" "$benchmark\\.$name\$" -p payload=SMALL -f 1 "$@" \
				-t 64 -bm thrpt -tu s -rf json -rff "$out/pair-$pair-$name.json" >"$out/pair-$pair-$name.txt"
		done
		awk -v pair="$pair" -v first="${order[0]}" -v benchmark="$benchmark" '
			$1 == benchmark ".raw" || $1 == benchmark ".client" {
				name = substr($1, length(benchmark) + 2)
				# "score ± error ops/s", or "score ops/s" after a single iteration
				score[name] = (NF >= 3 && $(NF - 2) == "±") ? $(NF - 3) : $(NF - 1)
				error[name] = (NF >= 3 && $(NF - 2) == "±") ? sprintf(" ± %.0f", $(NF - 1)) : ""
			}
			END {
				if (!("raw" in score) || !("client" in score)) {
					printf "pair %d: a fork gave no score, see its pair-%d-*.txt\n", pair, pair > "/dev/stderr"
					exit 1
				}
				printf "| %d | %s | %.0f%s | %.0f%s | %.3f |\n",
				pair, first, score["raw"], error["raw"], score["client"], error["client"], score["client"] / score["raw"]
			}' \
			"$out/pair-$pair-raw.txt" "$out/pair-$pair-client.txt" >>"$out/pairs.md"
	done
	# Mean of the pairs' ratios and its 95 % interval (Student's t, two-sided).
	{
		echo "$benchmark, 64 callers, one fork of each contender per pair"
		echo
		echo "| pair | first | raw (ops/s) | client (ops/s) | client / raw |"
		echo "| ---: | --- | ---: | ---: | ---: |"
		cat "$out/pairs.md"
		echo
		awk -F'|' '
			BEGIN { split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131", t, " ") }
			{ ratio[++n] = $6 + 0; sum += $6 }
			END {
				mean = sum / n
				if (n < 2) { printf "client / raw: %.3f (one pair: no interval)\n", mean; exit }
				for (i = 1; i <= n; i++) squares += (ratio[i] - mean) ^ 2
				half = ((n - 1 <= 15) ? t[n - 1] : 2.0) * sqrt(squares / (n - 1) / n)
				printf "client / raw over %d pairs: mean %.3f, 95 %% interval %.3f-%.3f\n", n, mean, mean - half, mean + half
			}' "$out/pairs.md"
	} | tee "$out/throughput-forks-report.md"
}

throughput_rounds() { # throughput_rounds <out> [options]; FORKS=n runs n JVMs one after another
	local out="$1"
	shift
	mkdir -p "$out"
	: >"$out/throughput-rounds-report.md"
	for fork in $(seq 1 "${FORKS:-1}"); do
		# A fresh folder per JVM, so that the report holds this run's tables only.
		rm -rf "${out:?}/jvm-$fork"
		java "${heap[@]}" -cp "$jar" io.github.lambdainvoker.benchmarks.ThroughputRounds --out="$out/jvm-$fork" "$@"
		{ echo "JVM $fork"; cat "$out/jvm-$fork"/throughput-rounds-*.md; echo; } >>"$out/throughput-rounds-report.md"
	done
	echo "Tables: $out/throughput-rounds-report.md"
}

startup() { # startup <out> [JMH options]
	local out="$1"
	shift
	mkdir -p "$out"
	java -jar "$jar" 'StartupBenchmark' "$@" -rf json -rff "$out/startup.json" | tee "$out/startup.txt"
}

startup_warm() { # startup_warm <out> [JMH options]
	local out="$1"
	shift
	mkdir -p "$out"
	[ $# -eq 0 ] && set -- -wi 300 -i 100 -f 3
	java -jar "$jar" 'StartupBenchmark' "$@" -rf json -rff "$out/startup-warm.json" \
		| tee "$out/startup-warm.txt"
	# Mean per block of 50 starts of each context, warm-up and measured starts alike, over the forks.
	awk '
		/^# Parameters: \(clients = / { clients = $5; sub(/\)$/, "", clients); if (!(clients in seen)) { seen[clients] = 1; order[++n] = clients } }
		/^# Fork: / { start = 0 }
		/^(# Warmup )?Iteration +[0-9]+: / { start++; block = int((start - 1) / 50); sum[clients, block] += $(NF - 1); count[clients, block]++; if (block > blocks) blocks = block }
		END {
			printf "| clients |"; for (b = 0; b <= blocks; b++) printf " starts %d-%d |", b * 50 + 1, b * 50 + 50; print ""
			printf "| --- |"; for (b = 0; b <= blocks; b++) printf " ---: |"; print ""
			for (i = 1; i <= n; i++) { printf "| `%s` |", order[i]; for (b = 0; b <= blocks; b++) printf " %.1f |", sum[order[i], b] / count[order[i], b]; print "" }
		}' "$out/startup-warm.txt" | tee "$out/startup-warm-blocks.md"
}

case "$mode" in
	full)
		caller headline "$results/full" "$@"
		throughput "$results/full"
		startup "$results/full"
		;;
	quick)
		caller headline "$results/quick" --warmup=2000 --rounds=3 --calls=500 "$@"
		throughput "$results/quick" -f 1 -wi 2 -i 3 -w 1s -r 1s -p payload=SMALL
		startup "$results/quick" -f 5
		;;
	caller)
		caller headline "$results/caller" "$@"
		;;
	caller-no-ea)
		JVM_OPTS="-XX:-DoEscapeAnalysis" caller headline "$results/caller-no-ea" "$@"
		;;
	sdk)
		caller sdk "$results/sdk" "$@"
		;;
	profile)
		mkdir -p "$results/profile"
		java "${heap[@]}" -XX:+UseG1GC -XX:-UseTLAB -XX:FlightRecorderOptions:stackdepth=256 \
			-cp "$jar" io.github.lambdainvoker.benchmarks.CallerCostBenchmark \
			--profile --rounds=2 --calls=300 --out="$results/profile" "$@"
		;;
	throughput)
		throughput "$results/throughput" "$@"
		;;
	throughput-forks)
		throughput_forks "$results/throughput-forks-${TRANSPORT:-loopback}" "$@"
		;;
	throughput-rounds)
		throughput_rounds "$results/throughput-rounds" "$@"
		;;
	startup)
		startup "$results/startup" "$@"
		;;
	startup-warm)
		startup_warm "$results/startup-warm" "$@"
		;;
	startup-profile)
		mkdir -p "$results/startup-profile"
		java -cp "$jar" io.github.lambdainvoker.benchmarks.startup.StartupProfile \
			--out="$results/startup-profile" "$@"
		;;
	*)
		sed -n '2,15p' "$0" >&2
		exit 2
		;;
esac
