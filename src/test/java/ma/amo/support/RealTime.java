package ma.amo.support;

import java.time.Clock;

/**
 * The machine's time, for what runs on it whatever the business date of the suite: one-time codes (an agent's
 * authenticator), tokens' expiry and the audit trail's entry times. Business dates come from the platform's Clock.
 */
public final class RealTime {

	public static final Clock CLOCK = Clock.systemDefaultZone();

	private RealTime() {
	}
}
