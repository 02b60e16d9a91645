package io.github.lambdainvoker.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the rounds of a {@link CallerCostBenchmark} run and writes them as a Markdown
 * table, per contender: bytes allocated per call and its difference from the baseline,
 * and caller CPU time per call as a ratio to the baseline's in the same round, with the
 * spread over the rounds. The rounds themselves follow the table, for anyone who wants to
 * check.
 */
final class CallerCostReport {

	private static final System.Logger logger = System.getLogger(CallerCostReport.class.getName());

	private final String description;

	private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

	private final Map<String, Contender> contenders = new LinkedHashMap<>();

	private final Map<String, Map<Integer, Sample>> samples = new LinkedHashMap<>();

	CallerCostReport(String description, List<Contender> contenders) {
		this.description = description;
		contenders.forEach((contender) -> {
			this.contenders.put(contender.name(), contender);
			this.samples.put(contender.name(), new LinkedHashMap<>());
		});
	}

	void add(Contender contender, int round, ThreadCost cost, int calls) {
		Objects.requireNonNull(this.samples.get(contender.name())).put(round, new Sample(cost, calls));
	}

	void write(Path file) throws IOException {
		String table = render();
		Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
		Files.writeString(file, table);
		logger.log(System.Logger.Level.INFO, "Wrote " + file.toAbsolutePath() + "\n" + table);
	}

	private String render() {
		Map<Integer, Sample> baseline = Objects.requireNonNull(this.samples.get(Contenders.BASELINE));
		double baselineBytes = median(baseline.values().stream().mapToDouble(Sample::bytesPerCall).toArray());
		StringBuilder out = new StringBuilder();
		out.append("Caller cost, ").append(this.description).append('\n');
		out.append("JVM ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, load average ")
			.append(format(this.loadAtStart, 1))
			.append(" at start, ")
			.append(format(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 1))
			.append(" at end");
		List<String> jvmOptions = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-XX:"))
			.toList();
		if (!jvmOptions.isEmpty()) {
			out.append(", JVM options ").append(String.join(" ", jvmOptions));
		}
		out.append("\n\n");
		out.append("| contender | B/call | Δ B/call vs ")
			.append(Contenders.BASELINE)
			.append(" | B/call min–max | caller CPU µs/call | CPU / ")
			.append(Contenders.BASELINE)
			.append(" (median, min–max) | wall µs/call |\n");
		out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Map.Entry<String, Map<Integer, Sample>> entry : this.samples.entrySet()) {
			Contender contender = Objects.requireNonNull(this.contenders.get(entry.getKey()));
			List<Sample> rounds = new ArrayList<>(entry.getValue().values());
			double[] bytes = rounds.stream().mapToDouble(Sample::bytesPerCall).toArray();
			double[] cpu = rounds.stream().mapToDouble(Sample::cpuMicrosPerCall).toArray();
			double[] wall = rounds.stream().mapToDouble(Sample::wallMicrosPerCall).toArray();
			double[] ratios = entry.getValue()
				.entrySet()
				.stream()
				.mapToDouble((round) -> round.getValue().cpuMicrosPerCall()
						/ Objects.requireNonNull(baseline.get(round.getKey())).cpuMicrosPerCall())
				.toArray();
			double medianBytes = median(bytes);
			out.append("| `")
				.append(contender.name())
				.append("` ")
				.append(contender.description())
				.append(" | ")
				.append(format(medianBytes, 0))
				.append(" | ")
				.append(contender.name().equals(Contenders.BASELINE) ? "" : signed(medianBytes - baselineBytes))
				.append(" | ")
				.append(format(min(bytes), 0))
				.append("–")
				.append(format(max(bytes), 0))
				.append(" | ")
				.append(format(median(cpu), 1))
				.append(" | ")
				.append(format(median(ratios), 2))
				.append(" (")
				.append(format(min(ratios), 2))
				.append("–")
				.append(format(max(ratios), 2))
				.append(") | ")
				.append(format(median(wall), 1))
				.append(" |\n");
		}
		out.append("\nRounds (B/call, caller CPU µs/call):\n\n| contender |");
		int roundCount = baseline.size();
		for (int round = 0; round < roundCount; round++) {
			out.append(" round ").append(round + 1).append(" |");
		}
		out.append("\n| --- |").append(" ---: |".repeat(roundCount)).append('\n');
		this.samples.forEach((name, rounds) -> {
			out.append("| `").append(name).append("` |");
			rounds.values()
				.forEach((sample) -> out.append(' ')
					.append(format(sample.bytesPerCall(), 0))
					.append(", ")
					.append(format(sample.cpuMicrosPerCall(), 1))
					.append(" |"));
			out.append('\n');
		});
		return out.toString();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	private static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	private static String signed(double value) {
		long rounded = Math.round(value);
		return ((rounded >= 0) ? "+" : "−") + format(Math.abs(rounded), 0);
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	/**
	 * One contender's round.
	 *
	 * @param cost what the round cost the calling thread
	 * @param calls the calls made in the round
	 */
	private record Sample(ThreadCost cost, int calls) {

		double bytesPerCall() {
			return (double) this.cost.allocatedBytes() / calls();
		}

		double cpuMicrosPerCall() {
			return this.cost.cpuNanos() / 1000.0 / calls();
		}

		double wallMicrosPerCall() {
			return this.cost.wallNanos() / 1000.0 / calls();
		}

	}

}
