package io.github.lambdainvoker.client;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.lambdainvoker.autoconfigure.clients.scanned.NotAClient;
import io.github.lambdainvoker.autoconfigure.clients.scanned.ScannedPricingFunctions;
import io.github.lambdainvoker.autoconfigure.clients.scanned.nested.ScannedInventoryFunctions;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.type.classreading.MetadataReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClientScanner}: which interfaces a scan finds, and where it
 * keeps the class files it reads.
 */
class LambdaClientScannerTests {

	private static final String SCANNED_PACKAGE = ScannedPricingFunctions.class.getPackageName();

	private final DefaultResourceLoader resourceLoader = new DefaultResourceLoader();

	@Test
	void scanFindsTheClientInterfacesOfAPackageAndItsSubPackages() {
		assertThat(scan()).containsExactlyInAnyOrder(ScannedPricingFunctions.class, ScannedInventoryFunctions.class);
	}

	@Test
	void scanKeepsTheClassFilesItReadsInTheResourceLoaderCacheThatComponentScanningShares() {
		scan();
		Map<Resource, MetadataReader> cache = this.resourceLoader.getResourceCache(MetadataReader.class);
		assertThat(cache.values()).extracting((reader) -> reader.getClassMetadata().getClassName())
			.contains(NotAClient.class.getName(), ScannedPricingFunctions.class.getName(),
					ScannedInventoryFunctions.class.getName());
	}

	private Set<Class<?>> scan() {
		return new LambdaClientScanner(new StandardEnvironment(), this.resourceLoader).scan(List.of(SCANNED_PACKAGE));
	}

}
