package io.github.lambdainvoker.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Where each contender allocates, per call: records {@code jdk.ObjectAllocationSample}
 * events with JFR while one contender at a time makes its calls, then adds up the
 * samples' weights by allocation site, scaled so that they add up to the exact bytes the
 * thread allocated. The site of a sample is the first frame, from the top of its stack,
 * outside the JDK: the library method that asked for the memory.
 * <p>
 * Run with small TLABs so that samples are dense ({@code -XX:-ResizeTLAB
 * -XX:TLABSize=8k}) and deep stacks ({@code -XX:FlightRecorderOptions:stackdepth=256});
 * {@code run.sh profile} does. Sampled figures below about 1% of a contender's bytes per
 * call are noise.
 */
final class AllocationProfile {

	private static final System.Logger logger = System.getLogger(AllocationProfile.class.getName());

	private static final int TOP_SITES = 40;

	private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	private final Path out;

	private final String prefix;

	AllocationProfile(Path out, String prefix) {
		this.out = out;
		this.prefix = prefix;
	}

	void profile(List<Contender> contenders, int calls) throws IOException {
		Files.createDirectories(this.out);
		Map<String, Sites> profiles = new LinkedHashMap<>();
		for (Contender contender : contenders) {
			profiles.put(contender.name(), record(contender, calls));
		}
		StringBuilder report = new StringBuilder();
		report.append("Allocation by site, bytes per call (")
			.append(calls)
			.append(" calls per contender, JFR samples scaled to the thread's exact bytes)\n");
		Sites baseline = Objects.requireNonNull(profiles.get(Contenders.BASELINE));
		profiles.forEach((name, sites) -> {
			report.append("\n## ").append(name).append(": ").append(format(sites.bytesPerCall())).append(" B/call, ");
			report.append(sites.samples()).append(" samples\n\n");
			appendTop(report, sites.bySite(), null);
			if (!name.equals(Contenders.BASELINE)) {
				report.append("\n### ").append(name).append(" − ").append(Contenders.BASELINE).append(": ");
				report.append(signed(sites.bytesPerCall() - baseline.bytesPerCall())).append(" B/call\n\n");
				appendTop(report, sites.bySite(), baseline.bySite());
			}
		});
		Path file = this.out.resolve(this.prefix + "-alloc.md");
		Files.writeString(file, report);
		logger.log(System.Logger.Level.INFO, "Wrote " + file.toAbsolutePath() + "\n" + report);
	}

	private Sites record(Contender contender, int calls) throws IOException {
		Path file = this.out.resolve(this.prefix + "-" + contender.name() + ".jfr");
		ThreadCost cost;
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000000/s").withStackTrace();
			recording.start();
			cost = CallerCostBenchmark.measure(contender, calls);
			recording.stop();
			recording.dump(file);
		}
		long thread = Thread.currentThread().getId();
		Map<String, Double> weights = new HashMap<>();
		double total = 0;
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!event.getEventType().getName().equals("jdk.ObjectAllocationSample") || event.getThread() == null
					|| event.getThread().getJavaThreadId() != thread) {
				continue;
			}
			double weight = event.getLong("weight");
			String objectClass = event.getClass("objectClass").getName();
			weights.merge(site(event.getStackTrace()) + " [" + shorten(objectClass) + "]", weight, Double::sum);
			total += weight;
			samples++;
		}
		double scale = (total > 0) ? cost.allocatedBytes() / total / calls : 0;
		Map<String, Double> bySite = new HashMap<>();
		weights.forEach((site, weight) -> bySite.put(site, weight * scale));
		return new Sites((double) cost.allocatedBytes() / calls, samples, bySite);
	}

	private static String site(@Nullable RecordedStackTrace stack) {
		if (stack == null) {
			return "(no stack)";
		}
		List<RecordedFrame> frames = stack.getFrames();
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (JDK_PACKAGES.stream().noneMatch(type::startsWith)) {
				return shorten(type) + "." + frame.getMethod().getName();
			}
		}
		return frames.isEmpty() ? "(empty stack)" : "(JDK) " + frames.get(frames.size() - 1).getMethod().getName();
	}

	private static String shorten(String type) {
		return type.replace("software.amazon.awssdk.", "awssdk.")
			.replace("io.github.lambdainvoker.", "li.")
			.replace("org.springframework.", "spring.")
			.replace("org.apache.hc.", "hc.");
	}

	private static void appendTop(StringBuilder report, Map<String, Double> sites,
			@Nullable Map<String, Double> baseline) {
		Set<String> keys = new TreeSet<>(sites.keySet());
		if (baseline != null) {
			keys.addAll(baseline.keySet());
		}
		Comparator<String> byDelta = Comparator.comparingDouble((String key) -> -Math.abs(delta(sites, baseline, key)));
		report.append("| site [type] | B/call |\n| --- | ---: |\n");
		keys.stream()
			.sorted(byDelta)
			.limit(TOP_SITES)
			.forEach((key) -> report.append("| ")
				.append(key)
				.append(" | ")
				.append((baseline != null) ? signed(delta(sites, baseline, key)) : format(sites.getOrDefault(key, 0.0)))
				.append(" |\n"));
	}

	private static double delta(Map<String, Double> sites, @Nullable Map<String, Double> baseline, String key) {
		double value = sites.getOrDefault(key, 0.0);
		return (baseline != null) ? value - baseline.getOrDefault(key, 0.0) : value;
	}

	private static String signed(double value) {
		return ((value >= 0) ? "+" : "−") + format(Math.abs(value));
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * One contender's allocation.
	 *
	 * @param bytesPerCall the exact bytes per call
	 * @param samples the number of samples
	 * @param bySite the estimated bytes per call by site and type
	 */
	private record Sites(double bytesPerCall, int samples, Map<String, Double> bySite) {

	}

}
