import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code @LambdaClient} interfaces of the start-up benchmark: run by the build
 * with the JDK's source launcher ({@code java GenerateClients.java <dir> <count>}), so the
 * 100 near-identical files never live in the repository.
 */
public class GenerateClients {

	private static final String PACKAGE = "io.github.lambdainvoker.benchmarks.startup.clients";

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		Path dir = root.resolve(PACKAGE.replace('.', '/'));
		Files.createDirectories(dir);
		for (int i = 0; i < count; i++) {
			String name = String.format("GeneratedClient%03d", i);
			String source = """
					package %s;

					import io.github.lambdainvoker.benchmarks.Order;
					import io.github.lambdainvoker.client.LambdaClient;
					import io.github.lambdainvoker.client.LambdaFunction;
					import io.github.lambdainvoker.invoke.LambdaResponse;

					@LambdaClient("function-%03d")
					public interface %s {

						Order process(Order order);

						LambdaResponse<Order> processWithMetadata(Order order);

						@LambdaFunction("function-%03d-audit")
						void audit(Order order);

					}
					""".formatted(PACKAGE, i, name, i);
			Path file = dir.resolve(name + ".java");
			if (!Files.exists(file) || !Files.readString(file).equals(source)) {
				Files.writeString(file, source);
			}
		}
	}

}
