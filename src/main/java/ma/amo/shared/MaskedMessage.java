package ma.amo.shared;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with IDCS and CIN masked (logback-spring.xml puts it in place of {@code %m}), whoever wrote the
 * log line: records of persons mask themselves in {@code toString}, this catches an identifier logged as a string.
 */
public class MaskedMessage extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Masking.text(super.convert(event));
	}
}
