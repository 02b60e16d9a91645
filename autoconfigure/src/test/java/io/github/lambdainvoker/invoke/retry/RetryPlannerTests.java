package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudget;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.junit.jupiter.api.Test;

import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.budget;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.invocation;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.notSent;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.serverError;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.settings;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.throttled;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.timedOut;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner on its own: the back-off arithmetic with and without jitter (through a
 * jitter source the test controls, so nothing waits), {@code Retry-After} at and beyond
 * {@code max-interval}, the call's timeout, and the retry budget.
 */
class RetryPlannerTests {

	private static final LongBinaryOperator LOWEST = (min, max) -> min;

	private static final LongBinaryOperator HIGHEST = (min, max) -> max;

	private final List<String> events = new ArrayList<>();

	private final InvocationRetryListener listener = new InvocationRetryListener() {

		@Override
		public void onRetry(PreparedInvocation invocation, int failedAttempt, String reason,
				LambdaInvocationException failure, Duration wait) {
			RetryPlannerTests.this.events.add("retry " + failedAttempt + " " + reason + " " + wait.toMillis());
		}

		@Override
		public void onRetryRefused(PreparedInvocation invocation, int failedAttempt, String reason,
				LambdaInvocationException failure) {
			RetryPlannerTests.this.events.add("refused " + failedAttempt + " " + reason);
		}

		@Override
		public void onBudgetCreated(ResolvedFunction function, RetryBudget budget) {
			RetryPlannerTests.this.events.add("budget " + function.key() + " " + budget.capacity());
		}

	};

	private final RetryBudgets budgets = new RetryBudgets(List.of(this.listener));

	@Test
	void withoutJitterWaitsAreTheInitialIntervalTimesTheMultiplierPerRetryCappedAtMaxInterval() {
		RetrySettings retry = settings(10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), false, false,
				RetryBudgetSettings.UNLIMITED);
		assertThat(waits(planner(LOWEST), retry)).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L,
				5000L);
	}

	@Test
	void withoutJitterAFractionalMultiplierIsTruncatedToMilliseconds() {
		RetrySettings retry = settings(5, Duration.ofMillis(100), 1.5, Duration.ofSeconds(5), false, false,
				RetryBudgetSettings.UNLIMITED);
		assertThat(waits(planner(LOWEST), retry)).containsExactly(100L, 150L, 225L, 337L);
	}

	@Test
	void withoutJitterAMultiplierOfOneKeepsEveryWaitAtTheInitialInterval() {
		RetrySettings retry = settings(4, Duration.ofMillis(70), 1.0, Duration.ofSeconds(5), false, false,
				RetryBudgetSettings.UNLIMITED);
		assertThat(waits(planner(HIGHEST), retry)).containsExactly(70L, 70L, 70L);
	}

	@Test
	void withJitterEachWaitIsDrawnBetweenHalfAndAllOfTheComputedWait() {
		RetrySettings retry = settings(8, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), true, false,
				RetryBudgetSettings.UNLIMITED);
		List<String> bounds = new ArrayList<>();
		LongBinaryOperator recording = (min, max) -> {
			bounds.add(min + ".." + max);
			return min;
		};
		assertThat(waits(planner(recording), retry)).containsExactly(50L, 100L, 200L, 400L, 800L, 1600L, 2500L);
		assertThat(bounds).containsExactly("50..100", "100..200", "200..400", "400..800", "800..1600", "1600..3200",
				"2500..5000");
		assertThat(waits(planner(HIGHEST), retry)).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L);
	}

	@Test
	void withJitterRandomWaitsStayWithinTheDocumentedBounds() {
		RetrySettings retry = settings(3, Duration.ofMillis(300), 2.0, Duration.ofSeconds(5), true, false,
				RetryBudgetSettings.UNLIMITED);
		RetryPlanner planner = planner(RetryPlanner.RANDOM);
		List<Long> drawn = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			drawn.add(planner.backOff(retry, 2).toMillis());
		}
		assertThat(drawn).allSatisfy((wait) -> assertThat(wait).isBetween(300L, 600L));
		assertThat(drawn).contains(300L, 600L);
	}

	@Test
	void jitterLeavesAWaitOfOneMillisecondAlone() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofSeconds(5), true, false,
				RetryBudgetSettings.UNLIMITED);
		LongBinaryOperator failing = (min, max) -> {
			throw new AssertionError("jitter drawn for a 1 ms wait");
		};
		assertThat(waits(planner(failing), retry)).containsExactly(1L, 1L);
	}

	@Test
	void retryAfterEqualToMaxIntervalIsWaited() {
		RetrySettings retry = settings(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), false, false,
				RetryBudgetSettings.UNLIMITED);
		RetryDecision decision = plan(planner(LOWEST), retry, 1, throttled(Duration.ofSeconds(2)));
		assertThat(decision).isNotNull();
		assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(decision.reason()).isEqualTo(RetryClassifier.THROTTLED);
	}

	@Test
	void retryAfterJustAboveMaxIntervalEndsTheRetries() {
		RetrySettings retry = settings(3, Duration.ofMillis(100), 2.0, Duration.ofMillis(1999), false, false,
				budget(500, 5, 10, 1));
		assertThat(plan(planner(LOWEST), retry, 1, throttled(Duration.ofSeconds(2)))).isNull();
		assertThat(this.events).isEmpty();
		assertThat(this.budgets.existing("pricing")).as("budget asked to pay").isNull();
	}

	@Test
	void retryAfterShorterThanTheBackOffWaitsTheBackOff() {
		RetrySettings retry = settings(4, Duration.ofMillis(1500), 2.0, Duration.ofSeconds(5), false, false,
				RetryBudgetSettings.UNLIMITED);
		assertThat(plan(planner(LOWEST), retry, 2, throttled(Duration.ofSeconds(1))).delay())
			.isEqualTo(Duration.ofMillis(3000));
	}

	@Test
	void lastAttemptIsNotRetriedAndCostsNothing() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false,
				budget(500, 5, 10, 1));
		RetryPlanner planner = planner(LOWEST);
		assertThat(plan(planner, retry, 2, serverError())).isNotNull();
		assertThat(plan(planner, retry, 3, serverError())).isNull();
		assertThat(this.budgets.existing("pricing").availableTokens()).isEqualTo(495);
		assertThat(this.events).containsExactly("budget pricing 500", "retry 2 server_error 1");
	}

	@Test
	void waitThatDoesNotFitTheTimeoutEndsTheRetriesAndCostsNothing() {
		RetrySettings retry = settings(3, Duration.ofSeconds(5), 1.0, Duration.ofSeconds(5), false, false,
				budget(500, 5, 10, 1));
		PreparedInvocation tight = invocation("pricing", retry, Duration.ofSeconds(1));
		assertThat(planner(LOWEST).plan(tight, 1, serverError(), InvocationDeadline.start(tight))).isNull();
		PreparedInvocation roomy = invocation("pricing", retry, Duration.ofHours(1));
		assertThat(planner(LOWEST).plan(roomy, 1, serverError(), InvocationDeadline.start(roomy))).isNotNull();
		assertThat(this.budgets.existing("pricing").availableTokens()).isEqualTo(495);
	}

	@Test
	void retryIsPaidFromTheBudgetAndRefusedWhenTheBudgetCannotPay() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false,
				budget(12, 5, 10, 1));
		RetryPlanner planner = planner(LOWEST);
		assertThat(plan(planner, retry, 1, serverError()).cost()).isEqualTo(5);
		assertThat(plan(planner, retry, 1, notSent()).cost()).isEqualTo(5);
		assertThat(plan(planner, retry, 1, throttled(null))).isNull();
		assertThat(this.budgets.existing("pricing").availableTokens()).isEqualTo(2);
		assertThat(this.events).containsExactly("budget pricing 12", "retry 1 server_error 1",
				"retry 1 connection_failure 1", "refused 1 throttled");
	}

	@Test
	void retryAfterAnUnknownOutcomeCostsTheUnknownOutcomeCost() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, true,
				budget(25, 5, 10, 1));
		RetryPlanner planner = planner(LOWEST);
		assertThat(plan(planner, retry, 1, timedOut()).cost()).isEqualTo(10);
		assertThat(plan(planner, retry, 1, timedOut()).cost()).isEqualTo(10);
		assertThat(plan(planner, retry, 1, timedOut())).isNull();
		assertThat(plan(planner, retry, 1, serverError()).cost()).isEqualTo(5);
		assertThat(this.budgets.existing("pricing").availableTokens()).isZero();
	}

	@Test
	void failureThatIsNotRetriedCostsNothing() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false,
				budget(500, 5, 10, 1));
		assertThat(plan(planner(LOWEST), retry, 1, timedOut())).isNull();
		assertThat(this.events).isEmpty();
	}

	@Test
	void functionWithoutBudgetRetriesForFree() {
		RetrySettings retry = settings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false,
				RetryBudgetSettings.UNLIMITED);
		RetryDecision decision = plan(planner(LOWEST), retry, 1, serverError());
		assertThat(decision.cost()).isZero();
		assertThat(this.budgets.existing("pricing")).isNull();
		assertThat(this.events).containsExactly("retry 1 server_error 1");
	}

	private RetryPlanner planner(LongBinaryOperator jitter) {
		return new RetryPlanner(new RetryClassifier(), List.of(this.listener), this.budgets, jitter);
	}

	private static RetryDecision plan(RetryPlanner planner, RetrySettings retry, int failedAttempt,
			LambdaInvocationException failure) {
		PreparedInvocation invocation = invocation("pricing", retry);
		return planner.plan(invocation, failedAttempt, failure, InvocationDeadline.start(invocation));
	}

	private static List<Long> waits(RetryPlanner planner, RetrySettings retry) {
		List<Long> waits = new ArrayList<>();
		for (int failedAttempt = 1; failedAttempt < retry.maxAttempts(); failedAttempt++) {
			waits.add(plan(planner, retry, failedAttempt, serverError()).delay().toMillis());
		}
		return waits;
	}

}
