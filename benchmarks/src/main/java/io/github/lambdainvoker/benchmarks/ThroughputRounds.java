package io.github.lambdainvoker.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of the hand-written call and another contender (the default
 * {@code @LambdaClient} unless told otherwise) with many concurrent callers, measured in
 * alternating phases in one JVM, after minutes of warm-up: all callers call one contender
 * for a phase, then the other, the first of each round alternating, and each round gives
 * the ratio of the two phases' completed calls. A machine that speeds up or slows down
 * over minutes moves both phases of a round alike, and both contenders run the same
 * compilation of the SDK and the server, so the ratio is what the contender's own code
 * costs. JMH forks, one contender per JVM, measure each contender with the SDK compiled
 * for its calls alone, and carry the differences between JVMs.
 * <p>
 * Arguments: {@code --contender=client}, {@code --threads=64}, {@code --warmup=60} rounds
 * not reported, {@code --rounds=40}, {@code --phase-ms=1000}, {@code --payload=1k},
 * {@code --out=benchmarks/target/results/throughput-rounds}.
 */
public final class ThroughputRounds {

	private static final System.Logger logger = System.getLogger(ThroughputRounds.class.getName());

	private static final int SERVER_THREADS = 64;

	private ThroughputRounds() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = CommandLineOptions.parse(args);
		int threads = Integer.parseInt(options.getOrDefault("threads", "64"));
		String contender = options.getOrDefault("contender", "client");
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "40"));
		long phaseMillis = Long.parseLong(options.getOrDefault("phase-ms", "1000"));
		if (rounds < 2 || warmup < 0 || threads < 1 || phaseMillis < 1) {
			throw new IllegalArgumentException("Need --rounds of at least 2 (for an interval), --warmup of at least 0, "
					+ "--threads and --phase-ms of at least 1");
		}
		PayloadSize payload = PayloadSize.of(options.getOrDefault("payload", "1k"));
		Path out = Path.of(options.getOrDefault("out", "benchmarks/target/results/throughput-rounds"));
		CannedResponses responses = new CannedResponses();
		try (LoopbackLambdaServer server = new LoopbackLambdaServer(responses, SERVER_THREADS);
				Contenders contenders = Contenders.start(Contenders.Set.HEADLINE, server.endpoint(), null, payload,
						responses)) {
			Contender[] pair = { contenders.get(Contenders.BASELINE), contenders.get(contender) };
			Callers callers = new Callers(pair, threads);
			try {
				for (int round = 0; round < warmup; round++) {
					callers.round(round % 2, phaseMillis);
				}
				List<long[]> measured = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					measured.add(callers.round((warmup + round) % 2, phaseMillis));
				}
				String report = report(contender, threads, payload, phaseMillis, warmup, measured);
				Path file = out.resolve("throughput-rounds-" + contender + "-" + payload.label() + ".md");
				Files.createDirectories(out);
				Files.writeString(file, report);
				logger.log(System.Logger.Level.INFO, "Wrote " + file.toAbsolutePath() + "\n" + report);
			}
			finally {
				callers.stop();
			}
		}
	}

	static String report(String contender, int threads, PayloadSize payload, long phaseMillis, int warmup,
			List<long[]> rounds) {
		double[] ratios = rounds.stream().mapToDouble((calls) -> (double) calls[1] / calls[0]).toArray();
		double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
		double variance = Arrays.stream(ratios).map((ratio) -> (ratio - mean) * (ratio - mean)).sum()
				/ (ratios.length - 1);
		double halfWidth = 1.96 * Math.sqrt(variance / ratios.length);
		double[] sorted = ratios.clone();
		Arrays.sort(sorted);
		double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"Throughput in alternating phases, payload %s, %d callers, phases of %d ms, %d rounds after %d "
						+ "not reported; load average %.1f at the end%n%n",
				payload.label(), threads, phaseMillis, rounds.size(), warmup,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		report.append(String.format(Locale.ROOT,
				"%s / raw: mean %.3f, 95 %% interval %.3f–%.3f, median %.3f, min %.3f, max %.3f%n%n", contender, mean,
				mean - halfWidth, mean + halfWidth, median, sorted[0], sorted[sorted.length - 1]));
		report.append("| round | first | raw calls/s | " + contender + " calls/s | " + contender + " / raw |\n");
		report.append("| ---: | --- | ---: | ---: | ---: |\n");
		for (int round = 0; round < rounds.size(); round++) {
			long[] calls = rounds.get(round);
			report.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %.3f |%n", round + 1,
					((warmup + round) % 2 == 0) ? "raw" : contender, calls[0] * 1000.0 / phaseMillis,
					calls[1] * 1000.0 / phaseMillis, ratios[round]));
		}
		return report.toString();
	}

	/**
	 * Caller threads that call whichever contender is current, counting the calls each
	 * contender completes.
	 */
	private static final class Callers {

		private final Contender[] contenders;

		private final LongAdder[] completed;

		private final List<Thread> threads = new ArrayList<>();

		private final CountDownLatch stopped;

		private volatile int current;

		private volatile boolean running = true;

		Callers(Contender[] contenders, int threads) {
			this.contenders = contenders;
			this.completed = new LongAdder[contenders.length];
			for (int i = 0; i < contenders.length; i++) {
				this.completed[i] = new LongAdder();
			}
			this.stopped = new CountDownLatch(threads);
			for (int i = 0; i < threads; i++) {
				Thread thread = new Thread(this::callUntilStopped, "caller-" + i);
				thread.setDaemon(true);
				this.threads.add(thread);
				thread.start();
			}
		}

		private void callUntilStopped() {
			try {
				while (this.running) {
					int index = this.current;
					this.contenders[index].call();
					this.completed[index].increment();
				}
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.ERROR, "A call failed: the round is void", ex);
				this.running = false;
			}
			finally {
				this.stopped.countDown();
			}
		}

		/**
		 * Run one round: a phase of each contender, the given one first.
		 * @param first the index of the contender that goes first
		 * @param phaseMillis the length of each phase
		 * @return the calls each contender completed in its own phase
		 */
		long[] round(int first, long phaseMillis) throws InterruptedException {
			long[] calls = new long[this.contenders.length];
			for (int phase = 0; phase < this.contenders.length; phase++) {
				int index = (first + phase) % this.contenders.length;
				this.current = index;
				long before = this.completed[index].sum();
				Thread.sleep(phaseMillis);
				calls[index] = this.completed[index].sum() - before;
			}
			if (!this.running) {
				throw new IllegalStateException("A call failed; see the log");
			}
			return calls;
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.stopped.await(30, TimeUnit.SECONDS);
		}

	}

}
