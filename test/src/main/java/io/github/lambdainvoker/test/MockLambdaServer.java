package io.github.lambdainvoker.test;

import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.local.ScriptedInvokeEndpoint;
import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Answer;
import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mock of the Lambda Invoke API on a loopback port: tests say which calls they expect,
 * by function, and what Lambda answers, in Invoke's own terms; the server records every
 * call and {@link #verify() verifies} the expectations with a readable difference of
 * expected and actual calls. The caller's AWS SDK client, retries, timeouts and
 * observation run as in production: only the endpoint differs.
 * <p>
 * Expectations are met in the order they are declared unless
 * {@link #ignoreExpectOrder(boolean) order is ignored}. A call that no expectation
 * matches is recorded as unexpected and answered with a {@code 400} API error, which is
 * not retried, so that {@code verify()} can report it.
 *
 * <pre class="code">
 * try (MockLambdaServer lambda = MockLambdaServer.start()) {
 *     // point the LambdaClient's endpoint override at lambda.endpoint()
 *     lambda.expect(invocationOf("pricing").qualifier("live").times(2))
 *         .andRespond(throttle(), result(new Quote("book", 2, total)));
 *     // exercise the code under test
 *     lambda.verify();
 * }
 * </pre>
 *
 * In a {@code @LambdaClientTest}, inject the server instead: the slice points the
 * auto-configured clients at it.
 */
public final class MockLambdaServer implements Closeable {

	/** Error code of the answer to a call that no expectation matches. */
	static final String UNEXPECTED_INVOCATION = "UnexpectedInvocationException";

	private final JsonMapper jsonMapper;

	private final ScriptedInvokeEndpoint endpoint;

	private final CountDownLatch closing = new CountDownLatch(1);

	private final Object monitor = new Object();

	private final List<Expectation> expectations = new ArrayList<>();

	private final List<Entry> journal = new ArrayList<>();

	private int position;

	private boolean ignoreExpectOrder;

	private MockLambdaServer(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		this.endpoint = ScriptedInvokeEndpoint.start("mock-lambda", this::answer);
	}

	/**
	 * Start a server on a free loopback port, with Jackson's default JSON mapper.
	 * @return the running server
	 */
	public static MockLambdaServer start() {
		return builder().start();
	}

	/**
	 * Start building a server.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return where the server listens: the endpoint override for SDK clients.
	 * @return the endpoint, such as {@code http://127.0.0.1:49152}
	 */
	public URI endpoint() {
		return this.endpoint.endpoint();
	}

	/**
	 * Expect a call, answered with a successful {@code null} result unless
	 * {@link Expectation#andRespond(LambdaAnswer, LambdaAnswer...) told otherwise}.
	 * @param expected what the call looks like and how many times it comes; later changes
	 * to it do not apply
	 * @return the expectation, to give its answers
	 */
	public Expectation expect(ExpectedInvocation expected) {
		synchronized (this.monitor) {
			Expectation expectation = new Expectation(this.expectations.size() + 1, expected.copy());
			this.expectations.add(expectation);
			return expectation;
		}
	}

	/**
	 * Set whether calls may meet the expectations in any order. Expectations are ordered
	 * until this is set, and again after {@link #reset()}.
	 * @param ignoreExpectOrder whether to ignore the order of expectations
	 * @throws IllegalStateException if expectations were already declared
	 */
	public void ignoreExpectOrder(boolean ignoreExpectOrder) {
		synchronized (this.monitor) {
			if (!this.expectations.isEmpty()) {
				throw new IllegalStateException(
						"Set whether to ignore the order of expectations before declaring them, or after reset()");
			}
			this.ignoreExpectOrder = ignoreExpectOrder;
		}
	}

	/**
	 * Check that every expected call was made as often as expected and that no other call
	 * was.
	 * @throws AssertionError listing the expected calls with their counts and the actual
	 * calls with what each matched or how it differed from the closest expectation
	 */
	public void verify() {
		String failure;
		synchronized (this.monitor) {
			failure = VerificationReport.failure(this.expectations, this.journal, this.ignoreExpectOrder);
		}
		if (failure != null) {
			throw new AssertionError(failure);
		}
	}

	/**
	 * Wait until every expected call has been made at least as often as expected, then
	 * {@link #verify()}: for calls made on other threads, such as asynchronous
	 * invocations.
	 * @param timeout how long to wait at most
	 * @throws AssertionError if the expectations are not met within the timeout, or
	 * {@link #verify()} fails
	 */
	public void verify(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			long remaining = timeout.toNanos();
			while (!allMet() && remaining > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				remaining = deadline - System.nanoTime();
			}
		}
		verify();
	}

	private boolean allMet() {
		return this.expectations.stream().allMatch((expectation) -> expectation.calls >= expectation.expected.min());
	}

	/**
	 * Return every call received since the server started or was last reset.
	 * @return the calls, oldest first
	 */
	public List<RecordedInvocation> invocations() {
		synchronized (this.monitor) {
			return this.journal.stream().map(Entry::call).toList();
		}
	}

	/**
	 * Return the calls of one function received since the server started or was last
	 * reset.
	 * @param function the bare function name, or the function name as the caller sent it
	 * @return the calls, oldest first
	 */
	public List<RecordedInvocation> invocations(String function) {
		return invocations().stream()
			.filter((call) -> function.equals(call.name()) || function.equals(call.functionName()))
			.toList();
	}

	/**
	 * Forget every expectation and recorded call, and make expectations ordered again.
	 */
	public void reset() {
		synchronized (this.monitor) {
			this.expectations.clear();
			this.journal.clear();
			this.position = 0;
			this.ignoreExpectOrder = false;
		}
	}

	/**
	 * Stop the server: close its port and end the answers being given or delayed.
	 */
	@Override
	public void close() {
		this.closing.countDown();
		this.endpoint.close();
	}

	@Override
	public String toString() {
		return "MockLambdaServer at " + endpoint();
	}

	private Answer answer(Request request) throws InterruptedException {
		RecordedInvocation call = new RecordedInvocation(request, this.jsonMapper);
		Entry entry;
		LambdaAnswer answer;
		synchronized (this.monitor) {
			entry = match(call);
			this.journal.add(entry);
			answer = (entry.matched != null) ? entry.matched.nextAnswer() : null;
			this.monitor.notifyAll();
		}
		if (answer == null) {
			return Answer.apiError(400, UNEXPECTED_INVOCATION,
					"MockLambdaServer expected no such call: " + entry.problem, null, null);
		}
		if (!answer.delay().isZero() && this.closing.await(answer.delay().toNanos(), TimeUnit.NANOSECONDS)) {
			return Answer.noAnswer();
		}
		try {
			return answer.render(request, this.jsonMapper);
		}
		catch (RuntimeException ex) {
			String problem = "its answer, " + answer + ", could not be written: " + ex;
			synchronized (this.monitor) {
				entry.problem = problem;
			}
			return Answer.apiError(400, "MockLambdaServerException", "MockLambdaServer failed to answer: " + problem,
					null, null);
		}
	}

	private Entry match(RecordedInvocation call) {
		if (this.ignoreExpectOrder) {
			for (Expectation expectation : this.expectations) {
				if (expectation.canTakeMore() && expectation.expected.mismatches(call).isEmpty()) {
					return new Entry(call, expectation, null);
				}
			}
			return new Entry(call, null, explain(call, null));
		}
		for (int i = this.position; i < this.expectations.size(); i++) {
			Expectation expectation = this.expectations.get(i);
			if (expectation.canTakeMore() && expectation.expected.mismatches(call).isEmpty()) {
				this.position = i;
				return new Entry(call, expectation, null);
			}
			if (expectation.calls < expectation.expected.min()) {
				return new Entry(call, null, explain(call, expectation));
			}
		}
		return new Entry(call, null, explain(call, null));
	}

	private String explain(RecordedInvocation call, @Nullable Expectation blocking) {
		if (this.expectations.isEmpty()) {
			return "no invocations are expected";
		}
		for (Expectation expectation : this.expectations) {
			if (expectation.expected.mismatches(call).isEmpty()) {
				if (!expectation.canTakeMore()) {
					return "it matches " + expectation + ", which already had all its " + expectation.calls
							+ ((expectation.calls == 1) ? " call" : " calls");
				}
				if (blocking != null) {
					return "it matches " + expectation + ", but " + blocking + " is expected first";
				}
				return "it matches " + expectation + ", whose turn has passed: " + this.expectations.get(this.position)
						+ " was called after it";
			}
		}
		Expectation closest = null;
		List<String> closestMismatches = List.of();
		int closestScore = Integer.MAX_VALUE;
		for (Expectation expectation : this.expectations) {
			List<String> mismatches = expectation.expected.mismatches(call);
			boolean otherFunction = mismatches.stream().anyMatch((mismatch) -> mismatch.startsWith("function:"));
			int score = mismatches.size() + (otherFunction ? 1000 : 0);
			if (score < closestScore) {
				closest = expectation;
				closestMismatches = mismatches;
				closestScore = score;
			}
		}
		Objects.requireNonNull(closest);
		return "the closest expectation is " + closest + ": " + String.join("; ", closestMismatches);
	}

	/**
	 * An expected call and the answers to give it, in the order given. Declared with
	 * {@link MockLambdaServer#expect(ExpectedInvocation)}.
	 */
	public final class Expectation {

		private final int number;

		private final ExpectedInvocation expected;

		private List<LambdaAnswer> answers = List.of();

		private int calls;

		private Expectation(int number, ExpectedInvocation expected) {
			this.number = number;
			this.expected = expected;
		}

		/**
		 * Answer the expected calls: the first with the first answer, the second with the
		 * next, and so on; the last answer repeats for any further call.
		 * @param first the answer to the first call
		 * @param then the answers to the calls after it
		 */
		public void andRespond(LambdaAnswer first, LambdaAnswer... then) {
			List<LambdaAnswer> answers = new ArrayList<>();
			answers.add(Objects.requireNonNull(first, "first"));
			answers.addAll(Arrays.asList(then));
			synchronized (MockLambdaServer.this.monitor) {
				this.answers = List.copyOf(answers);
			}
		}

		private boolean canTakeMore() {
			return this.calls < this.expected.max();
		}

		private LambdaAnswer nextAnswer() {
			this.calls++;
			if (this.answers.isEmpty()) {
				return LambdaAnswer.result(null);
			}
			return this.answers.get(Math.min(this.calls, this.answers.size()) - 1);
		}

		int number() {
			return this.number;
		}

		ExpectedInvocation expected() {
			return this.expected;
		}

		int calls() {
			return this.calls;
		}

		@Override
		public String toString() {
			return "#" + this.number + " (" + this.expected + ")";
		}

	}

	/**
	 * A recorded call with the expectation it met, or why it met none.
	 */
	static final class Entry {

		private final RecordedInvocation call;

		private final @Nullable Expectation matched;

		private @Nullable String problem;

		Entry(RecordedInvocation call, @Nullable Expectation matched, @Nullable String problem) {
			this.call = call;
			this.matched = matched;
			this.problem = problem;
		}

		RecordedInvocation call() {
			return this.call;
		}

		@Nullable Expectation matched() {
			return this.matched;
		}

		@Nullable String problem() {
			return this.problem;
		}

	}

	/**
	 * Builder of a {@link MockLambdaServer}.
	 */
	public static final class Builder {

		private JsonMapper jsonMapper = JsonMapper.shared();

		private Builder() {
		}

		/**
		 * Write result values and read payloads for predicates with this mapper.
		 * @param jsonMapper the mapper, Jackson's default one unless set
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
			return this;
		}

		/**
		 * Start a server on a free loopback port.
		 * @return the running server
		 */
		public MockLambdaServer start() {
			return new MockLambdaServer(this.jsonMapper);
		}

	}

}
