package ma.amo.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (the user or system once logged in, else the address): {@code per-second} requests a
 * second on average with bursts up to {@code burst}; beyond, 429 with Retry-After. One client cannot starve the
 * others of the platform; a hospital's batch gets its own, higher rate by name.
 */
@Component
class RateLimits extends OncePerRequestFilter {

	private final SecuritySettings.RateLimit settings;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimits(SecuritySettings settings) {
		this.settings = settings.rateLimit();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (settings.enabled()) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String client = authentication != null && authentication.isAuthenticated()
					&& !"anonymousUser".equals(authentication.getPrincipal()) ? authentication.getName() : request.getRemoteAddr();
			int rate = settings.clients().getOrDefault(client, settings.perSecond());
			if (buckets.size() > 100_000) {
				// Many addresses seen: forget the clients whose bucket has refilled, they have been quiet.
				buckets.values().removeIf(Bucket::full);
			}
			Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(rate, Math.max(rate, rate == settings.perSecond()
					? settings.burst() : rate)));
			long wait = bucket.take();
			if (wait > 0) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
				SecuritySetup.refusal(request, response, 429, "Too many requests", "client " + client + " is limited to " + rate
						+ " requests a second");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Tokens refilled continuously; take one or say how many milliseconds until the next. */
	private static final class Bucket {

		private final double perNano;
		private final double capacity;
		private double tokens;
		private long last = System.nanoTime();

		Bucket(int perSecond, int capacity) {
			this.perNano = perSecond / 1e9;
			this.capacity = capacity;
			this.tokens = capacity;
		}

		synchronized boolean full() {
			return tokens + (System.nanoTime() - last) * perNano >= capacity;
		}

		synchronized long take() {
			long now = System.nanoTime();
			tokens = Math.min(capacity, tokens + (now - last) * perNano);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) / perNano / 1e6);
		}
	}
}
