package io.github.lambdainvoker.sample.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.sample.orders.Quote;
import io.github.lambdainvoker.sample.orders.QuoteRequest;

/**
 * Prices an order. Version 2 (the {@code canary} alias) gives 10% off, so the effect of a
 * qualifier is visible.
 */
public class PricingHandler implements RequestHandler<QuoteRequest, Quote> {

	private static final Map<String, BigDecimal> PRICES = Map.of("book", new BigDecimal("12.50"), "pen",
			new BigDecimal("1.20"), "sold-out", new BigDecimal("99.00"));

	@Override
	public Quote handleRequest(QuoteRequest request, Context context) {
		BigDecimal unitPrice = PRICES.getOrDefault(request.sku(), new BigDecimal("5.00"));
		BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(request.quantity()));
		if ("2".equals(context.getFunctionVersion())) {
			total = total.multiply(new BigDecimal("0.90"));
		}
		total = total.setScale(2, RoundingMode.HALF_UP);
		context.getLogger()
			.log("priced " + request.quantity() + " x " + request.sku() + " at " + total + " (version "
					+ context.getFunctionVersion() + ")");
		return new Quote(request.sku(), request.quantity(), total, context.getFunctionVersion());
	}

}
