package io.github.lambdainvoker.sample.orders;

import java.util.List;

import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/**
 * Places orders: prices them, holds stock and records what happened, each step a Lambda
 * function.
 */
@Service
public class OrderService {

	private final PricingFunctions pricing;

	private final InventoryFunctions inventory;

	private final LambdaInvoker lambda;

	public OrderService(PricingFunctions pricing, InventoryFunctions inventory, LambdaInvoker lambda) {
		this.pricing = pricing;
		this.inventory = inventory;
		this.lambda = lambda;
	}

	public Order place(OrderRequest request) throws OutOfStockException {
		QuoteRequest quoteRequest = new QuoteRequest(request.sku(), request.quantity());
		Quote quote = this.pricing.quote(quoteRequest);
		Reservation reservation;
		try {
			reservation = this.inventory.reserve(quoteRequest);
		}
		catch (OutOfStockException ex) {
			audit("rejected", request.sku(), ex.getMessage());
			throw ex;
		}
		audit("ordered", request.sku(), quote.total().toPlainString());
		return new Order(quote, reservation);
	}

	public Quote price(String sku, int quantity, @Nullable String alias) {
		QuoteRequest request = new QuoteRequest(sku, quantity);
		return (alias != null) ? this.pricing.quote(request, alias) : this.pricing.quote(request);
	}

	public LambdaResponse<Quote> explain(String sku) {
		return this.pricing.explain(new QuoteRequest(sku, 1));
	}

	public List<AuditEvent> auditTrail() {
		List<AuditEvent> events = this.lambda.invoke("audit-trail", null, new ParameterizedTypeReference<>() {
		});
		return (events != null) ? events : List.of();
	}

	private void audit(String action, String sku, @Nullable String detail) {
		this.lambda.invokeEvent("audit", new AuditEvent(action, sku, (detail != null) ? detail : ""));
	}

}
