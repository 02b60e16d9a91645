package io.github.lambdainvoker.sample.functions;

import java.util.ArrayList;
import java.util.List;

import io.github.lambdainvoker.sample.orders.AuditEvent;

import org.springframework.stereotype.Component;

/**
 * Where the local audit function keeps what it receives. On AWS, the deployed function
 * would write to a table instead.
 */
@Component
public class AuditLog {

	private static final int MAX_EVENTS = 100;

	private final List<AuditEvent> events = new ArrayList<>();

	synchronized void record(AuditEvent event) {
		if (this.events.size() == MAX_EVENTS) {
			this.events.remove(0);
		}
		this.events.add(event);
	}

	public synchronized List<AuditEvent> events() {
		return List.copyOf(this.events);
	}

}
