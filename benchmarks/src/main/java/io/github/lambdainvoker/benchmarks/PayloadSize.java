package io.github.lambdainvoker.benchmarks;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payload sizes measured: each has its own function name, so that a canned transport
 * answers each call with an order of the same size as the one sent.
 */
public enum PayloadSize {

	/** About 1 KB of JSON. */
	SMALL("orders-1k", 1024),

	/** About 64 KB of JSON. */
	MEDIUM("orders-64k", 64 * 1024),

	/** About 1 MB of JSON. */
	LARGE("orders-1m", 1024 * 1024);

	private final String functionName;

	private final int targetBytes;

	PayloadSize(String functionName, int targetBytes) {
		this.functionName = functionName;
		this.targetBytes = targetBytes;
	}

	/**
	 * Return the function that answers with orders of this size.
	 * @return the function name
	 */
	public String functionName() {
		return this.functionName;
	}

	/**
	 * Build an order whose JSON is just under the target size.
	 * @param mapper the mapper that measures the JSON
	 * @return the order
	 */
	public Order order(JsonMapper mapper) {
		List<Order.Item> items = new ArrayList<>();
		Order order = new Order("order-0001", "customer-0042", "EUR", items);
		// Compact JSON: the empty order, plus each item and the comma before all but the
		// first.
		int bytes = mapper.writeValueAsBytes(order).length;
		while (true) {
			int i = items.size();
			Order.Item item = new Order.Item("SKU-" + (100000 + i), "Item number " + i + " of a benchmark order",
					1 + i % 7, 199L + i * 13L);
			bytes += mapper.writeValueAsBytes(item).length + ((i > 0) ? 1 : 0);
			if (bytes > this.targetBytes) {
				return new Order(order.orderId(), order.customerId(), order.currency(), List.copyOf(items));
			}
			items.add(item);
		}
	}

	/**
	 * Find the size whose function the given request path invokes.
	 * @param path the request path, {@code /2015-03-31/functions/<name>/invocations}
	 * @return the payload size
	 */
	public static PayloadSize forPath(String path) {
		for (PayloadSize size : values()) {
			if (path.contains("/functions/" + size.functionName + "/")) {
				return size;
			}
		}
		throw new IllegalArgumentException("No canned response for " + path);
	}

}
