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
	SMALL("1k", "orders-1k", 1024),

	/** About 64 KB of JSON. */
	MEDIUM("64k", "orders-64k", 64 * 1024),

	/** About 1 MB of JSON. */
	LARGE("1m", "orders-1m", 1024 * 1024);

	private final String label;

	private final String functionName;

	private final int targetBytes;

	PayloadSize(String label, String functionName, int targetBytes) {
		this.label = label;
		this.functionName = functionName;
		this.targetBytes = targetBytes;
	}

	/**
	 * Return the short label of the size, such as {@code 1k}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the function key that the contexts with configured functions map to
	 * {@link #functionName()}.
	 * @return the function key
	 */
	public String functionKey() {
		return "quote-" + this.label;
	}

	/**
	 * Find a size by its name ({@code SMALL}) or label ({@code 1k}).
	 * @param value the name or label
	 * @return the size
	 */
	public static PayloadSize of(String value) {
		for (PayloadSize size : values()) {
			if (size.name().equalsIgnoreCase(value) || size.label.equalsIgnoreCase(value)) {
				return size;
			}
		}
		throw new IllegalArgumentException("Unknown payload size '" + value + "': use 1k, 64k or 1m");
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
