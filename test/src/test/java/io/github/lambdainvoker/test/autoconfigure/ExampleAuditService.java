package io.github.lambdainvoker.test.autoconfigure;

import org.springframework.stereotype.Service;

/**
 * A component that slice tests leave out unless they name it.
 */
@Service
public class ExampleAuditService {

}
