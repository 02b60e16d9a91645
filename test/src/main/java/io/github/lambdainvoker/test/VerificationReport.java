package io.github.lambdainvoker.test;

import java.util.ArrayList;
import java.util.List;

import io.github.lambdainvoker.test.MockLambdaServer.Entry;
import io.github.lambdainvoker.test.MockLambdaServer.Expectation;
import org.jspecify.annotations.Nullable;

/**
 * Writes the failure message of {@link MockLambdaServer#verify()}: what was expected, how
 * often it came, and each actual call with the expectation it met or why it met none.
 */
final class VerificationReport {

	private VerificationReport() {
	}

	/**
	 * Describe what failed, if anything.
	 * @param expectations the expectations, in declaration order
	 * @param journal the calls, oldest first
	 * @param ignoreExpectOrder whether the order of expectations was ignored
	 * @return the failure message, or {@code null} when every expectation was met and
	 * every call expected
	 */
	static @Nullable String failure(List<Expectation> expectations, List<Entry> journal, boolean ignoreExpectOrder) {
		int missing = 0;
		for (Expectation expectation : expectations) {
			missing += Math.max(0, expectation.expected().min() - expectation.calls());
		}
		long unexpected = journal.stream().filter((entry) -> entry.matched() == null).count();
		long unanswered = journal.stream()
			.filter((entry) -> entry.matched() != null && entry.problem() != null)
			.count();
		if (missing == 0 && unexpected == 0 && unanswered == 0) {
			return null;
		}
		List<String> problems = new ArrayList<>();
		if (missing > 0) {
			problems.add(missing + ((missing == 1) ? " expected invocation was" : " expected invocations were")
					+ " not made");
		}
		if (unexpected > 0) {
			problems.add(unexpected + ((unexpected == 1) ? " invocation was" : " invocations were") + " unexpected");
		}
		if (unanswered > 0) {
			problems.add(unanswered + ((unanswered == 1) ? " answer" : " answers") + " could not be given");
		}
		StringBuilder report = new StringBuilder("MockLambdaServer: ").append(String.join(", ", problems)).append('.');
		report.append("\nExpected").append(ignoreExpectOrder ? " (in any order):" : " (in order):");
		if (expectations.isEmpty()) {
			report.append(" none");
		}
		for (Expectation expectation : expectations) {
			int calls = expectation.calls();
			report.append("\n  #")
				.append(expectation.number())
				.append(' ')
				.append(expectation.expected())
				.append(": called ")
				.append(calls)
				.append((calls == 1) ? " time" : " times");
			int lacking = expectation.expected().min() - calls;
			if (lacking > 0) {
				report.append(" <- MISSING ").append(lacking);
			}
		}
		report.append("\nActual:");
		if (journal.isEmpty()) {
			report.append(" none");
		}
		for (int i = 0; i < journal.size(); i++) {
			Entry entry = journal.get(i);
			report.append("\n  ").append(i + 1).append(". ").append(entry.call());
			Expectation matched = entry.matched();
			if (matched == null) {
				report.append("\n     <- UNEXPECTED: ").append(entry.problem());
				continue;
			}
			report.append(" -> #").append(matched.number());
			if (entry.problem() != null) {
				report.append("\n     <- FAILED: ").append(entry.problem());
			}
		}
		return report.toString();
	}

}
