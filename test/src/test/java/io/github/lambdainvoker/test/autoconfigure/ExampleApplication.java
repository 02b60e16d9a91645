package io.github.lambdainvoker.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application whose configuration and packages the slice tests use.
 */
@SpringBootApplication
public class ExampleApplication {

}
