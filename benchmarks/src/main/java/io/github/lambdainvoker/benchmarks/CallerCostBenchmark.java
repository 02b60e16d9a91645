package io.github.lambdainvoker.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * The per-call cost of each contender on the calling thread alone: bytes allocated and
 * CPU time, read through {@code com.sun.management.ThreadMXBean}, against the loopback
 * endpoint with canned responses. One process measures one payload size; the contenders
 * are warmed up interleaved (and further, until the bytes per call of every contender
 * stop moving while the JIT finishes), then measured in rounds, each round calling every
 * contender in turn (starting with a different one each round), so that a slow spell of a
 * busy machine hits all of them.
 * <p>
 * Arguments, all optional: {@code --payload=1k|64k|1m} ({@code 1k}),
 * {@code --set=headline|sdk} ({@code headline}), {@code --warmup=20000} calls per
 * contender, {@code --small-warmup=0} 1 KB calls per contender before those (for large
 * payloads), {@code --rounds=5}, {@code --calls=5000} per contender and round,
 * {@code --contenders=client,invoker} (the baseline always runs),
 * {@code --out=benchmarks/target/results/caller}, and {@code --profile} to record with
 * JFR where each contender allocates during the rounds (see {@link AllocationProfile}).
 */
public final class CallerCostBenchmark {

	private static final System.Logger logger = System.getLogger(CallerCostBenchmark.class.getName());

	private static final int SERVER_THREADS = 16;

	private static final int WARMUP_CHUNK = 1000;

	private static final int MAX_SETTLE_CHUNKS = 20;

	private static final double SETTLED_BYTES = 16;

	private CallerCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		CannedResponses responses = new CannedResponses();
		try (LoopbackLambdaServer server = new LoopbackLambdaServer(responses, SERVER_THREADS);
				Contenders contenders = Contenders.start(options.set(), server.endpoint(), null, options.payload(),
						responses)) {
			List<Contender> selected = options.select(contenders.all());
			if (options.smallWarmup() > 0 && options.payload() != PayloadSize.SMALL) {
				warmUpWithSmallPayloads(options, server, responses);
			}
			warmUp(selected, options.warmup(), Math.min(WARMUP_CHUNK, options.calls()));
			CallerCostReport report = new CallerCostReport(options.describe(), selected);
			String name = options.set().name().toLowerCase() + "-" + options.payload().label();
			@Nullable Recording recording = options.profile() ? AllocationProfile.start() : null;
			List<AllocationProfile.Window> windows = new ArrayList<>();
			for (int round = 0; round < options.rounds(); round++) {
				for (int i = 0; i < selected.size(); i++) {
					Contender contender = selected.get((round + i) % selected.size());
					Instant from = Instant.now();
					ThreadCost cost = measure(contender, options.calls());
					windows.add(new AllocationProfile.Window(contender.name(), from, Instant.now(),
							cost.allocatedBytes(), options.calls()));
					report.add(contender, round, cost, options.calls());
				}
			}
			report.write(options.out().resolve(name + ".md"));
			if (recording != null) {
				new AllocationProfile(options.out(), name).write(recording, windows);
			}
			server.logCounts();
		}
	}

	/**
	 * Run the same contenders, in contexts of their own, with 1 KB payloads: large calls
	 * are too slow to make as many as the JIT needs before it compiles what each call
	 * runs once, and until it does, a call's bytes keep moving.
	 */
	private static void warmUpWithSmallPayloads(Options options, LoopbackLambdaServer server,
			CannedResponses responses) {
		try (Contenders small = Contenders.start(options.set(), server.endpoint(), null, PayloadSize.SMALL,
				responses)) {
			runInterleaved(options.select(small.all()), options.smallWarmup());
		}
		logger.log(System.Logger.Level.INFO, "Warmed up with " + options.smallWarmup() + " 1k calls per contender");
	}

	private static void runInterleaved(List<Contender> contenders, int calls) {
		for (int done = 0; done < calls; done += WARMUP_CHUNK) {
			int chunk = Math.min(WARMUP_CHUNK, calls - done);
			for (Contender contender : contenders) {
				run(contender, chunk);
			}
		}
	}

	private static void warmUp(List<Contender> contenders, int calls, int settleChunk) {
		runInterleaved(contenders, calls);
		// The JIT may still be compiling after the warm-up, and each compilation can
		// change what a call allocates: go on until no contender's bytes per call move
		// by more than a few bytes between two chunks.
		Map<String, Double> previous = new HashMap<>();
		int extra = 0;
		boolean settled = false;
		while (!settled && extra < MAX_SETTLE_CHUNKS) {
			settled = true;
			for (Contender contender : contenders) {
				double bytes = (double) measure(contender, settleChunk).allocatedBytes() / settleChunk;
				Double before = previous.put(contender.name(), bytes);
				settled &= before != null && Math.abs(bytes - before) <= SETTLED_BYTES;
			}
			extra++;
		}
		logger.log(System.Logger.Level.INFO,
				"Warmed up with " + calls + " calls per contender, then " + extra * settleChunk
						+ (settled ? " more until bytes per call settled" : " more without bytes per call settling"));
	}

	private static ThreadCost measure(Contender contender, int calls) {
		ThreadCost start = ThreadCost.now();
		run(contender, calls);
		return ThreadCost.now().since(start);
	}

	private static void run(Contender contender, int calls) {
		for (int i = 0; i < calls; i++) {
			if (contender.call() == null) {
				throw new IllegalStateException("Contender " + contender.name() + " returned nothing");
			}
		}
	}

	/**
	 * The command-line options.
	 *
	 * @param payload the payload size
	 * @param set the set of contenders
	 * @param warmup the warm-up calls per contender
	 * @param smallWarmup the 1 KB calls per contender made before the warm-up
	 * @param rounds the measured rounds
	 * @param calls the calls per contender and round
	 * @param contenders the contenders to run, empty for all
	 * @param out the directory results are written to
	 * @param profile whether to profile allocations instead of measuring rounds
	 */
	record Options(PayloadSize payload, Contenders.Set set, int warmup, int smallWarmup, int rounds, int calls,
			List<String> contenders, Path out, boolean profile) {

		static Options parse(String[] args) {
			Map<String, String> values = CommandLineOptions.parse(args);
			Options options = new Options(PayloadSize.of(values.getOrDefault("payload", "1k")),
					Contenders.Set.valueOf(values.getOrDefault("set", "headline").toUpperCase()),
					Integer.parseInt(values.getOrDefault("warmup", "20000")),
					Integer.parseInt(values.getOrDefault("small-warmup", "0")),
					Integer.parseInt(values.getOrDefault("rounds", "5")),
					Integer.parseInt(values.getOrDefault("calls", "5000")),
					values.containsKey("contenders") ? Arrays.asList(values.get("contenders").split(",")) : List.of(),
					Path.of(values.getOrDefault("out", "benchmarks/target/results/caller")),
					Boolean.parseBoolean(values.getOrDefault("profile", "false")));
			values.keySet()
				.removeAll(List.of("payload", "set", "warmup", "small-warmup", "rounds", "calls", "contenders", "out",
						"profile"));
			if (!values.isEmpty()) {
				throw new IllegalArgumentException("Unknown options " + values.keySet());
			}
			return options;
		}

		List<Contender> select(List<Contender> all) {
			if (this.contenders.isEmpty()) {
				return all;
			}
			List<Contender> selected = new ArrayList<>();
			for (Contender contender : all) {
				if (contender.name().equals(Contenders.BASELINE) || this.contenders.contains(contender.name())) {
					selected.add(contender);
				}
			}
			if (selected.size() != this.contenders.size() + (this.contenders.contains(Contenders.BASELINE) ? 0 : 1)) {
				throw new IllegalArgumentException("Unknown contender in " + this.contenders + "; known: "
						+ all.stream().map(Contender::name).toList());
			}
			return selected;
		}

		String describe() {
			return "payload " + this.payload.label() + " (" + this.payload.functionName() + "), set "
					+ this.set.name().toLowerCase() + ", "
					+ ((this.smallWarmup > 0) ? this.smallWarmup + " 1k calls then " : "") + this.warmup
					+ " warm-up calls per contender, " + this.rounds + " rounds of " + this.calls
					+ " calls per contender";
		}

	}

}
