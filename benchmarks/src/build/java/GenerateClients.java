import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code @LambdaClient} interfaces of the start-up benchmark, as many of the
 * same interfaces without {@code @LambdaClient} in a package of their own (what the
 * baseline scans, so that both contexts scan the same number of class files), and a
 * configuration that lists the clients so that a context can register them without a
 * classpath scan: run by the build with the JDK's source launcher
 * ({@code java GenerateClients.java <dir> <count>}), so the near-identical files never
 * live in the repository.
 */
public class GenerateClients {

	private static final String PACKAGE = "io.github.lambdainvoker.benchmarks.startup.clients";

	private static final String PLAIN_PACKAGE = "io.github.lambdainvoker.benchmarks.startup.plain";

	private static final String LISTED_PACKAGE = "io.github.lambdainvoker.benchmarks.startup.listed";

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		Path dir = root.resolve(PACKAGE.replace('.', '/'));
		Files.createDirectories(dir);
		Path plainDir = root.resolve(PLAIN_PACKAGE.replace('.', '/'));
		Files.createDirectories(plainDir);
		StringBuilder listed = new StringBuilder();
		for (int i = 0; i < count; i++) {
			listed.append((i > 0) ? ",\n\t\t" : "").append(PACKAGE).append(String.format(".GeneratedClient%03d.class", i));
			String name = String.format("GeneratedClient%03d", i);
			write(dir.resolve(name + ".java"), source(PACKAGE, name, i, true));
			String plainName = String.format("GeneratedInterface%03d", i);
			write(plainDir.resolve(plainName + ".java"), source(PLAIN_PACKAGE, plainName, i, false));
		}
		Path listedDir = root.resolve(LISTED_PACKAGE.replace('.', '/'));
		Files.createDirectories(listedDir);
		write(listedDir.resolve("ListedClients.java"), """
				package %s;

				import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
				import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
				import io.github.lambdainvoker.client.EnableLambdaClients;

				import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
				import org.springframework.context.annotation.Configuration;

				@Configuration(proxyBeanMethods = false)
				@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
				@EnableLambdaClients(clients = {
						%s })
				public class ListedClients {

				}
				""".formatted(LISTED_PACKAGE, listed));
	}

	private static String source(String packageName, String name, int i, boolean client) {
		return """
				package %s;

				import io.github.lambdainvoker.benchmarks.Order;
				%simport io.github.lambdainvoker.client.LambdaFunction;
				import io.github.lambdainvoker.invoke.LambdaResponse;

				%spublic interface %s {

					Order process(Order order);

					LambdaResponse<Order> processWithMetadata(Order order);

					@LambdaFunction("function-%03d-audit")
					void audit(Order order);

				}
				""".formatted(packageName, client ? "import io.github.lambdainvoker.client.LambdaClient;\n" : "",
				client ? "@LambdaClient(\"function-%03d\")\n".formatted(i) : "", name, i);
	}

	private static void write(Path file, String source) throws IOException {
		if (!Files.exists(file) || !Files.readString(file).equals(source)) {
			Files.writeString(file, source);
		}
	}

}
