package io.github.lambdainvoker.benchmarks;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * The canned Invoke responses of both transports: for each payload size, the JSON of an
 * order of that size, the same order that the benchmarks send.
 */
public final class CannedResponses {

	/** Request id header returned by Lambda. */
	public static final String REQUEST_ID = "6f2d4bd4-7a5e-4c1e-9b8e-3b0c2f1d9a77";

	private final Map<PayloadSize, byte[]> bodies = new EnumMap<>(PayloadSize.class);

	private final Map<PayloadSize, Order> orders = new EnumMap<>(PayloadSize.class);

	public CannedResponses() {
		JsonMapper mapper = JsonMapper.shared();
		for (PayloadSize size : PayloadSize.values()) {
			Order order = size.order(mapper);
			this.orders.put(size, order);
			this.bodies.put(size, mapper.writeValueAsBytes(order));
		}
	}

	/**
	 * Return the response body for a payload size.
	 * @param size the payload size
	 * @return the JSON bytes, not to be modified
	 */
	public byte[] body(PayloadSize size) {
		return Objects.requireNonNull(this.bodies.get(size));
	}

	/**
	 * Return the order sent for a payload size.
	 * @param size the payload size
	 * @return the order
	 */
	public Order order(PayloadSize size) {
		return Objects.requireNonNull(this.orders.get(size));
	}

}
