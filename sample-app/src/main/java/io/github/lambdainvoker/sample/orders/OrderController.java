package io.github.lambdainvoker.sample.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdainvoker.invoke.LambdaResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST endpoints of the order service.
 */
@RestController
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping("/orders")
	ResponseEntity<Order> place(@RequestBody OrderRequest request) throws OutOfStockException {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.orders.place(request));
	}

	@GetMapping("/prices/{sku}")
	Quote price(@PathVariable String sku, @RequestParam(defaultValue = "1") int quantity,
			@RequestParam(required = false) @Nullable String alias) {
		return this.orders.price(sku, quantity, alias);
	}

	@GetMapping("/prices/{sku}/explain")
	Map<String, Object> explain(@PathVariable String sku) {
		LambdaResponse<Quote> response = this.orders.explain(sku);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("quote", response.payload());
		body.put("executedVersion", response.executedVersion());
		body.put("logTail", response.logTail());
		return body;
	}

	@GetMapping("/audit")
	List<AuditEvent> audit() {
		return this.orders.auditTrail();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> outOfStock(OutOfStockException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("error", "out-of-stock", "message", String.valueOf(ex.getMessage())));
	}

}
