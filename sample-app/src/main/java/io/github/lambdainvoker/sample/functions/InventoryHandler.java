package io.github.lambdainvoker.sample.functions;

import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.sample.orders.OutOfStockException;
import io.github.lambdainvoker.sample.orders.QuoteRequest;
import io.github.lambdainvoker.sample.orders.Reservation;

/**
 * Holds stock. The product {@code sold-out} never has any, so the function fails with an
 * {@link OutOfStockException} that the caller receives as that type.
 */
public class InventoryHandler implements RequestHandler<QuoteRequest, Reservation> {

	@Override
	public Reservation handleRequest(QuoteRequest request, Context context) {
		if ("sold-out".equals(request.sku())) {
			throw new OutOfStockException("No stock left for " + request.sku());
		}
		return new Reservation(request.sku(), request.quantity(), UUID.randomUUID().toString());
	}

}
