package io.github.lambdainvoker.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An order service whose pricing, inventory and audit logic runs as Lambda functions. By
 * default the functions run in the local emulator; the {@code aws} profile calls real
 * Lambda.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
