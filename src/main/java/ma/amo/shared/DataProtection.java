package ma.amo.shared;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key of the sensitive columns, from {@code amo.data-protection.*}. The platform refuses to start without a
 * valid key: writing health data in clear because of a missing setting is not an option.
 */
@Configuration(proxyBeanMethods = false)
class DataProtection {

	private static final Logger log = LoggerFactory.getLogger(DataProtection.class);

	/** The key published in application.yml for the embedded development set-up. */
	static final String DEVELOPMENT_KEY = "YW1vLWRldmVsb3BtZW50LWtleS1ub3QtZm9yLXByb2Q=";

	@Bean
	FieldCipher fieldCipher(Environment environment) {
		Binder binder = Binder.get(environment);
		String key = environment.getProperty("amo.data-protection.key");
		if (DEVELOPMENT_KEY.equals(key) && environment.getProperty("spring.datasource.url") != null) {
			log.warn("amo.data-protection.key is the published development key while an external database is used: "
					+ "set AMO_DATA_PROTECTION_KEY to a key of your own (openssl rand -base64 32)");
		}
		return new FieldCipher(environment.getProperty("amo.data-protection.key-id", "k1"), key,
				binder.bind("amo.data-protection.retired-keys", Bindable.mapOf(String.class, String.class))
					.orElse(Map.of()));
	}
}
