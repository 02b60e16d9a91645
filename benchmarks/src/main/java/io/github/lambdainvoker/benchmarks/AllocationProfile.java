package io.github.lambdainvoker.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * Where each contender allocates, per call: records every allocation of the calling
 * thread with JFR during the measured rounds, gives each to the contender whose calls
 * were running, and adds up the bytes by allocation site: the first frame, from the top
 * of the stack, outside the JDK (the library method that asked for the memory), and the
 * type allocated.
 * <p>
 * Every allocation is recorded when the JVM runs G1 without TLABs ({@code -XX:-UseTLAB}):
 * each allocation then takes the slow path that reports
 * {@code jdk.ObjectAllocationOutsideTLAB}, while objects that escape analysis removes are
 * not allocated, as in a normal run. Stacks need depth
 * ({@code -XX:FlightRecorderOptions:stackdepth=256}). {@code run.sh profile} sets both.
 * Sampling ({@code jdk.ObjectAllocationSample}) is no substitute: its samples fall on
 * TLAB boundaries, which a call that allocates the same bytes every time keeps meeting at
 * the same objects.
 */
final class AllocationProfile {

	private static final System.Logger logger = System.getLogger(AllocationProfile.class.getName());

	private static final String EVENT = "jdk.ObjectAllocationOutsideTLAB";

	private static final int TOP_SITES = 40;

	// Sites of the SDK, the HTTP clients and Jackson; the rest is the starter's,
	// Spring's,
	// Micrometer's or the benchmark's own.
	private static final List<String> OTHERS = List.of("awssdk.", "hc.", "tools.jackson.", "com.amazonaws.",
			"org.apache.http.", "com.fasterxml.jackson.", "(JDK)");

	private static final Map<String, String> COMPONENTS = components();

	private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	private final Path out;

	private final String prefix;

	private static Map<String, String> components() {
		Map<String, String> components = new LinkedHashMap<>();
		components.put("awssdk.thirdparty.jackson.", "SDK v2: shaded Jackson (JSON protocol)");
		components.put("awssdk.protocols.", "SDK v2: protocol marshalling/unmarshalling");
		components.put("awssdk.http.auth.", "SDK v2: auth scheme, SigV4 signing");
		components.put("awssdk.auth.", "SDK v2: auth scheme, SigV4 signing");
		components.put("awssdk.identity.", "SDK v2: identity (credentials) resolution");
		components.put("awssdk.http.apache5.", "SDK v2: Apache 5 adapter");
		components.put("awssdk.http.", "SDK v2: HTTP request/response model");
		components.put("awssdk.core.interceptor.", "SDK v2: interceptors, execution attributes");
		components.put("awssdk.core.internal.interceptor.", "SDK v2: interceptors, execution attributes");
		components.put("awssdk.awscore.interceptor.", "SDK v2: interceptors, execution attributes");
		components.put("awssdk.core.internal.http.pipeline.", "SDK v2: request pipeline stages");
		components.put("awssdk.core.internal.useragent.", "SDK v2: user agent");
		components.put("awssdk.awscore.internal.useragent.", "SDK v2: user agent");
		components.put("awssdk.core.internal.metrics.", "SDK v2: metrics collection");
		components.put("awssdk.metrics.", "SDK v2: metrics collection");
		components.put("awssdk.core.internal.util.MetricUtils", "SDK v2: metrics collection");
		components.put("awssdk.services.lambda.endpoints.", "SDK v2: endpoint resolution");
		components.put("awssdk.awscore.endpoints.", "SDK v2: endpoint resolution");
		components.put("awssdk.core.internal.retry.", "SDK v2: retry strategy");
		components.put("awssdk.retries.", "SDK v2: retry strategy");
		components.put("awssdk.core.internal.http.", "SDK v2: core HTTP execution");
		components.put("awssdk.core.", "SDK v2: core, other");
		components.put("awssdk.awscore.", "SDK v2: AWS core, other");
		components.put("awssdk.services.lambda.", "SDK v2: Lambda client and model");
		components.put("awssdk.utils.", "SDK v2: utils (maps, strings)");
		components.put("awssdk.", "SDK v2: other");
		components.put("hc.", "Apache HttpClient 5");
		components.put("tools.jackson.", "Jackson 3 (payload)");
		components.put("com.amazonaws.", "SDK v1");
		components.put("org.apache.http.", "Apache HttpClient 4 (SDK v1)");
		components.put("com.fasterxml.jackson.", "Jackson 2 (SDK v1)");
		components.put("li.invoke.retry.", "starter: retry");
		components.put("li.invoke.observation.", "starter: observation");
		components.put("li.", "starter, benchmark");
		components.put("spring.retry.", "Spring Retry");
		components.put("spring.", "Spring");
		components.put("io.micrometer.", "Micrometer");
		components.put("(JDK)", "JDK only on the stack");
		return components;
	}

	AllocationProfile(Path out, String prefix) {
		this.out = out;
		this.prefix = prefix;
	}

	/**
	 * Start recording every allocation.
	 * @return the recording, to be handed to {@link #write}
	 */
	static Recording start() {
		Recording recording = new Recording();
		recording.enable(EVENT).withStackTrace();
		recording.start();
		return recording;
	}

	/**
	 * Stop a recording, attribute its allocations to the contenders by the windows in
	 * which each made its calls, and write the report.
	 * @param recording the recording
	 * @param windows when each contender made its calls, and what they allocated
	 * @throws IOException if the recording or report cannot be written
	 */
	void write(Recording recording, List<Window> windows) throws IOException {
		Files.createDirectories(this.out);
		Path file = this.out.resolve(this.prefix + ".jfr");
		recording.stop();
		recording.dump(file);
		recording.close();
		Files.write(this.out.resolve(this.prefix + "-windows.tsv"), windows.stream().map(Window::toLine).toList());
		report(file, windows);
	}

	/**
	 * Analyse a recording again: {@code --jfr=<file> --windows=<file>}, writing the
	 * report beside the recording.
	 * @param args the arguments
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		Path jfr = Path.of(Objects.requireNonNull(options.get("jfr"), "--jfr=<file> is required"));
		Path windows = Path.of(Objects.requireNonNull(options.get("windows"), "--windows=<file> is required"));
		String name = Objects.requireNonNull(jfr.getFileName()).toString().replace(".jfr", "");
		new AllocationProfile(Objects.requireNonNull(jfr.toAbsolutePath().getParent()), name).report(jfr,
				Files.readAllLines(windows).stream().map(Window::parse).toList());
	}

	private void report(Path file, List<Window> windows) throws IOException {
		Map<String, Sites> profiles = attribute(file, windows);
		StringBuilder report = new StringBuilder();
		report.append("Allocation by site, bytes per call: every allocation of the measured rounds, recorded by JFR\n");
		Sites baseline = Objects.requireNonNull(profiles.get(Contenders.BASELINE));
		report.append("\n## By component\n\n| component |");
		profiles.keySet().forEach((name) -> report.append(' ').append(name).append(" |"));
		report.append("\n| --- |").append(" ---: |".repeat(profiles.size())).append('\n');
		Set<String> components = new TreeSet<>();
		profiles.values().forEach((sites) -> components.addAll(sites.byComponent().keySet()));
		for (String component : components) {
			report.append("| ").append(component).append(" |");
			profiles.values()
				.forEach((sites) -> report.append(' ')
					.append(format(sites.byComponent().getOrDefault(component, 0.0)))
					.append(" |"));
			report.append('\n');
		}
		report.append("| **total (thread counter)** |");
		profiles.values().forEach((sites) -> report.append(" **").append(format(sites.bytesPerCall())).append("** |"));
		report.append("\n| allocations recorded per call |");
		profiles.values().forEach((sites) -> report.append(' ').append(sites.allocationsPerCall()).append(" |"));
		report.append('\n');
		profiles.forEach((name, sites) -> {
			report.append("\n## ").append(name).append(": ").append(format(sites.bytesPerCall()));
			report.append(" B/call by the thread's counter, ").append(format(sites.recordedPerCall()));
			report.append(" B/call in ").append(sites.allocationsPerCall()).append(" recorded allocations\n\n");
			appendTop(report, sites.bySite(), null, TOP_SITES, (site) -> true);
			if (!name.equals(Contenders.BASELINE)) {
				report.append("\nEvery site outside the SDK, the HTTP clients and Jackson, ").append(name);
				report.append(" − ").append(Contenders.BASELINE).append(":\n\n");
				appendTop(report, sites.bySite(), baseline.bySite(), Integer.MAX_VALUE, AllocationProfile::isOwnSite);
				report.append("\nThe largest differences at any site, ").append(name);
				report.append(" − ").append(Contenders.BASELINE).append(":\n\n");
				appendTop(report, sites.bySite(), baseline.bySite(), TOP_SITES, (site) -> true);
			}
		});
		Path reportFile = this.out.resolve(this.prefix + "-alloc.md");
		Files.writeString(reportFile, report);
		logger.log(System.Logger.Level.INFO, "Wrote " + reportFile.toAbsolutePath());
	}

	private static boolean isOwnSite(String site) {
		return OTHERS.stream().noneMatch(site::startsWith);
	}

	private static String component(String site) {
		for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
			if (site.startsWith(component.getKey())) {
				return component.getValue();
			}
		}
		String type = site.substring(0,
				Math.max(0, site.lastIndexOf('.', site.indexOf(' ') > 0 ? site.indexOf(' ') : site.length())));
		int dot = type.lastIndexOf('.');
		return (dot > 0) ? type.substring(0, dot) : type;
	}

	private Map<String, Sites> attribute(Path file, List<Window> windows) throws IOException {
		long thread = Thread.currentThread().getId();
		Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
		Map<String, Double> totals = new HashMap<>();
		Map<String, Integer> samples = new HashMap<>();
		windows.forEach((window) -> weights.putIfAbsent(window.contender(), new HashMap<>()));
		try (RecordingFile recording = new RecordingFile(file)) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				if (!event.getEventType().getName().equals(EVENT) || event.getThread() == null
						|| event.getThread().getJavaThreadId() != thread) {
					continue;
				}
				Window window = find(windows, event.getStartTime());
				if (window == null) {
					continue;
				}
				double weight = event.getLong("allocationSize");
				String site = site(event.getStackTrace()) + " [" + shorten(event.getClass("objectClass").getName())
						+ "]";
				Objects.requireNonNull(weights.get(window.contender())).merge(site, weight, Double::sum);
				totals.merge(window.contender(), weight, Double::sum);
				samples.merge(window.contender(), 1, Integer::sum);
			}
		}
		Map<String, Sites> profiles = new LinkedHashMap<>();
		weights.forEach((contender, bySite) -> {
			long bytes = windows.stream().filter((w) -> w.contender().equals(contender)).mapToLong(Window::bytes).sum();
			long calls = windows.stream().filter((w) -> w.contender().equals(contender)).mapToLong(Window::calls).sum();
			double total = totals.getOrDefault(contender, 0.0);
			Map<String, Double> perCall = new HashMap<>();
			bySite.forEach((site, weight) -> perCall.put(site, weight / calls));
			profiles.put(contender, new Sites((double) bytes / calls, total / calls,
					(int) (samples.getOrDefault(contender, 0) / calls), perCall));
		});
		return profiles;
	}

	private static @Nullable Window find(List<Window> windows, Instant time) {
		for (Window window : windows) {
			if (!time.isBefore(window.from()) && time.isBefore(window.to())) {
				return window;
			}
		}
		return null;
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
			@Nullable Map<String, Double> baseline, int limit, java.util.function.Predicate<String> filter) {
		Set<String> keys = new TreeSet<>(sites.keySet());
		if (baseline != null) {
			keys.addAll(baseline.keySet());
		}
		Comparator<String> byDelta = Comparator.comparingDouble((String key) -> -Math.abs(delta(sites, baseline, key)));
		report.append("| site [type] | B/call |\n| --- | ---: |\n");
		keys.stream()
			.filter(filter)
			.filter((key) -> Math.abs(delta(sites, baseline, key)) >= 0.5)
			.sorted(byDelta)
			.limit(limit)
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
	 * When one contender made its calls of a round.
	 *
	 * @param contender the contender's name
	 * @param from the start of the calls
	 * @param to the end of the calls
	 * @param bytes the exact bytes the calls allocated
	 * @param calls the number of calls
	 */
	record Window(String contender, Instant from, Instant to, long bytes, long calls) {

		String toLine() {
			return String.join("\t", this.contender, this.from.toString(), this.to.toString(),
					String.valueOf(this.bytes), String.valueOf(this.calls));
		}

		static Window parse(String line) {
			String[] fields = line.split("\t");
			return new Window(fields[0], Instant.parse(fields[1]), Instant.parse(fields[2]), Long.parseLong(fields[3]),
					Long.parseLong(fields[4]));
		}

	}

	/**
	 * One contender's allocation.
	 *
	 * @param bytesPerCall the bytes per call by the thread's allocation counter
	 * @param recordedPerCall the bytes per call of the recorded allocations
	 * @param allocationsPerCall the recorded allocations per call
	 * @param bySite the bytes per call by site and type
	 */
	private record Sites(double bytesPerCall, double recordedPerCall, int allocationsPerCall,
			Map<String, Double> bySite) {

		Map<String, Double> byComponent() {
			Map<String, Double> components = new HashMap<>();
			this.bySite.forEach((site, bytes) -> components.merge(component(site), bytes, Double::sum));
			return components;
		}

	}

}
