package io.github.lambdainvoker.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.lambdainvoker.benchmarks.CommandLineOptions;
import io.github.lambdainvoker.benchmarks.ThreadCost;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the start-up time of {@code @LambdaClient} interfaces goes, in figures that a
 * busy machine disturbs less than wall time: for contexts with 0 and 100 clients, each in
 * a fresh JVM, the main thread's CPU time and allocated bytes and the classes loaded, for
 * the first start ("cold") and a later one in the same JVM ("warm"); the self time of
 * Spring's start-up steps; and, with {@code --jfr}, the share of main-thread execution
 * samples inside the starter's start-up code and the work it leads to.
 * <p>
 * Arguments: {@code --forks=5} JVMs per client count, {@code --warm=10} starts before the
 * warm one is measured, {@code --jfr}, {@code --variants=0,100,100-listed,0-no-scan}
 * (those of {@link StartupBenchmark}, {@code 0} first),
 * {@code --out=benchmarks/target/results/startup-profile}.
 */
public final class StartupProfile {

	private static final System.Logger logger = System.getLogger(StartupProfile.class.getName());

	private static final String VARIANTS = "0,100,100-listed,0-no-scan";

	// Inclusive categories: a sample counts for each one a frame of its stack matches.
	private static final Map<String, List<String>> CATEGORIES = categories();

	private StartupProfile() {
	}

	private static Map<String, List<String>> categories() {
		Map<String, List<String>> categories = new LinkedHashMap<>();
		categories.put("LambdaClientScanner.scan (classpath scan)",
				List.of("io.github.lambdainvoker.client.LambdaClientScanner.scan"));
		categories.put("LambdaClientBeanDefinitions (registration)",
				List.of("io.github.lambdainvoker.client.LambdaClientBeanDefinitions."));
		categories.put("  of which getBeanNamesForType",
				List.of("org.springframework.beans.factory.support.DefaultListableBeanFactory.getBeanNamesForType"));
		categories.put("LambdaClientFactory.createClient",
				List.of("io.github.lambdainvoker.client.LambdaClientFactory.createClient"));
		categories.put("  ClientMethodParser.parse",
				List.of("io.github.lambdainvoker.client.ClientMethodParser.parse"));
		categories.put("  LambdaInvoker.prepare",
				List.of("io.github.lambdainvoker.invoke.DefaultLambdaInvoker.prepare"));
		categories.put("  DeclaredErrors.of", List.of("io.github.lambdainvoker.client.DeclaredErrors.of"));
		categories.put("  Proxy.newProxyInstance", List.of("java.lang.reflect.Proxy.newProxyInstance"));
		categories.put("MergedAnnotations (anywhere)", List.of("org.springframework.core.annotation."));
		categories.put("ResolvableType (anywhere)", List.of("org.springframework.core.ResolvableType."));
		categories.put("class loading (anywhere)",
				List.of("java.lang.ClassLoader.loadClass", "java.lang.ClassLoader.defineClass",
						"jdk.internal.loader.BuiltinClassLoader.loadClass", "java.lang.Class.forName"));
		categories.put("bean creation (anywhere)",
				List.of("org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBean"));
		categories.put("bean definition registry post-processing", List
			.of("org.springframework.context.support.PostProcessorRegistrationDelegate.invokeBeanDefinitionRegistryPostProcessors"));
		return categories;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = CommandLineOptions.parse(args);
		if (options.containsKey("child")) {
			child(options.getOrDefault("clients", "0"), Integer.parseInt(options.getOrDefault("warm", "10")),
					Path.of(Objects.requireNonNull(options.get("result"))),
					options.containsKey("jfr") ? Path.of(Objects.requireNonNull(options.get("jfr"))) : null);
			return;
		}
		Path out = Path.of(options.getOrDefault("out", "benchmarks/target/results/startup-profile"));
		Files.createDirectories(out);
		int forks = Integer.parseInt(options.getOrDefault("forks", "5"));
		String warm = options.getOrDefault("warm", "10");
		boolean jfr = options.containsKey("jfr");
		List<String> variants = List.of(options.getOrDefault("variants", VARIANTS).split(","));
		Map<String, List<Properties>> results = new LinkedHashMap<>();
		for (int fork = 0; fork < forks; fork++) {
			for (String clients : variants) {
				Path result = out.resolve("fork-" + fork + "-" + clients + ".properties");
				List<String> command = new ArrayList<>(List.of(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m",
						"-cp", System.getProperty("java.class.path"), StartupProfile.class.getName(), "--child",
						"--clients=" + clients, "--warm=" + warm, "--result=" + result));
				if (jfr) {
					command.add("--jfr=" + out.resolve("fork-" + fork + "-" + clients + ".jfr"));
				}
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(out.resolve("fork-" + fork + "-" + clients + ".log").toFile())
					.start();
				if (process.waitFor() != 0) {
					throw new IllegalStateException("Start-up child failed: see " + out);
				}
				Properties properties = new Properties();
				try (InputStream in = Files.newInputStream(result)) {
					properties.load(in);
				}
				results.computeIfAbsent(clients, (key) -> new ArrayList<>()).add(properties);
			}
		}
		String report = report(forks, results);
		Path file = out.resolve("startup-profile.md");
		Files.writeString(file, report);
		logger.log(System.Logger.Level.INFO, "Wrote " + file.toAbsolutePath() + "\n" + report);
	}

	private static void child(String clients, int warm, Path result, @Nullable Path jfrFile) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("load",
				String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		Recording recording = null;
		if (jfrFile != null) {
			recording = new Recording();
			recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)).withStackTrace();
			recording.start();
		}
		BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
		measure("cold", clients, steps, properties).close();
		if (recording != null && jfrFile != null) {
			recording.stop();
			recording.dump(jfrFile);
			recording.close();
			samples(jfrFile, properties);
		}
		selfTimes(steps.getBufferedTimeline(), properties);
		for (int i = 1; i < warm; i++) {
			start(clients, null).close();
		}
		measure("warm", clients, null, properties).close();
		try (OutputStream out = Files.newOutputStream(result)) {
			properties.store(out, null);
		}
	}

	private static ConfigurableApplicationContext measure(String prefix, String clients,
			@Nullable BufferingApplicationStartup steps, Properties properties) {
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		ThreadCost start = ThreadCost.now();
		ConfigurableApplicationContext context = start(clients, steps);
		ThreadCost cost = ThreadCost.now().since(start);
		properties.setProperty(prefix + ".wallMs", String.valueOf(cost.wallNanos() / 1e6));
		properties.setProperty(prefix + ".cpuMs", String.valueOf(cost.cpuNanos() / 1e6));
		properties.setProperty(prefix + ".allocatedMb", String.valueOf(cost.allocatedBytes() / 1e6));
		properties.setProperty(prefix + ".classesLoaded",
				String.valueOf(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes));
		return context;
	}

	private static ConfigurableApplicationContext start(String clients, @Nullable BufferingApplicationStartup steps) {
		SpringApplication application = new SpringApplication(StartupBenchmark.configuration(clients));
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(StartupBenchmark.PROPERTIES);
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		return application.run();
	}

	private static void selfTimes(StartupTimeline timeline, Properties properties) {
		Map<Long, Double> childTime = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childTime.merge(parent, event.getDuration().toNanos() / 1e6, Double::sum);
			}
		}
		Map<String, Double> byName = new TreeMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			double self = event.getDuration().toNanos() / 1e6 - childTime.getOrDefault(step.getId(), 0.0);
			String name = step.getName();
			for (StartupStep.Tag tag : step.getTags()) {
				if (tag.getKey().equals("beanName") && tag.getValue().startsWith("generatedClient")) {
					name += " (client beans)";
				}
			}
			byName.merge(name, self, Double::sum);
		}
		byName.forEach((name, ms) -> properties.setProperty("step." + name, String.valueOf(ms)));
	}

	private static void samples(Path jfrFile, Properties properties) throws IOException {
		long main = Thread.currentThread().getId();
		Map<String, Integer> counts = new LinkedHashMap<>();
		int total = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(jfrFile)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			if (event.getThread("sampledThread") == null
					|| event.getThread("sampledThread").getJavaThreadId() != main) {
				continue;
			}
			total++;
			List<String> frames = event.getStackTrace()
				.getFrames()
				.stream()
				.map(RecordedFrame::getMethod)
				.map((method) -> method.getType().getName() + "." + method.getName())
				.toList();
			CATEGORIES.forEach((category, prefixes) -> {
				if (frames.stream().anyMatch((frame) -> prefixes.stream().anyMatch(frame::startsWith))) {
					counts.merge(category, 1, Integer::sum);
				}
			});
		}
		properties.setProperty("samples.total", String.valueOf(total));
		counts.forEach((category, count) -> properties.setProperty("samples." + category, String.valueOf(count)));
	}

	private static String report(int forks, Map<String, List<Properties>> results) {
		StringBuilder out = new StringBuilder();
		List<Properties> none = Objects.requireNonNull(results.get("0"));
		out.append("Start-up with 0 and 100 @LambdaClient interfaces (3 methods each), found by a scan or listed "
				+ "(0: a scan that finds 100 interfaces without @LambdaClient); medians of ")
			.append(forks)
			.append(" JVMs each; load average ");
		results.values().forEach((list) -> out.append(format(median(list, "load", 0), 1)).append(' '));
		out.append("at the children's start, ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
		out.append("| figure |");
		results.keySet().forEach((variant) -> out.append(' ').append(variant).append(" |"));
		results.keySet()
			.stream()
			.filter((variant) -> !variant.equals("0"))
			.forEach((variant) -> out.append(" Δ ").append(variant).append(" |"));
		out.append("\n| --- |").append(" ---: |".repeat(2 * results.size() - 1)).append('\n');
		TreeSet<String> keys = new TreeSet<>();
		results.values().forEach((list) -> list.forEach((properties) -> keys.addAll(properties.stringPropertyNames())));
		for (String key : keys) {
			boolean differs = results.values()
				.stream()
				.anyMatch((list) -> Math.abs(median(list, key, 0) - median(none, key, 0)) >= 1);
			if (key.equals("load") || (key.startsWith("step.") && !differs)) {
				continue;
			}
			out.append("| ").append(key).append(" |");
			results.values().forEach((list) -> out.append(' ').append(format(median(list, key, 0), 1)).append(" |"));
			results.entrySet().stream().filter((entry) -> !entry.getKey().equals("0")).forEach((entry) -> {
				double delta = median(entry.getValue(), key, 0) - median(none, key, 0);
				out.append(' ').append((delta >= 0) ? "+" : "").append(format(delta, 1)).append(" |");
			});
			out.append('\n');
		}
		out.append("\nwallMs/cpuMs/allocatedMb/classesLoaded: the main thread during SpringApplication.run; "
				+ "step.*: self time (ms, wall) of Spring's start-up steps in the cold start, those that differ by "
				+ "1 ms or more; samples.*: main-thread execution samples (1 ms period) in the cold start, "
				+ "inclusive.\n");
		return out.toString();
	}

	private static double median(List<Properties> results, String key, double absent) {
		double[] values = results.stream()
			.mapToDouble((properties) -> Double.parseDouble(properties.getProperty(key, String.valueOf(absent))))
			.sorted()
			.toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
