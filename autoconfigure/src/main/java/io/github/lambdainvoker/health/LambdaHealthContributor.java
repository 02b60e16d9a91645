package io.github.lambdainvoker.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code lambda} health contributor: one entry per configured function, named by its
 * key, backed by {@link FunctionHealthChecks}.
 */
public final class LambdaHealthContributor implements CompositeHealthContributor {

	private final Map<String, HealthIndicator> indicators = new LinkedHashMap<>();

	public LambdaHealthContributor(FunctionHealthChecks checks) {
		for (String key : checks.keys()) {
			this.indicators.put(key, () -> checks.health(key));
		}
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.indicators.get(name);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.indicators.entrySet()
			.stream()
			.map((entry) -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

}
