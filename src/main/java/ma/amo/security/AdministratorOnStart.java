package ma.amo.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The first administrator, from {@code amo.security.administrator}, so that a new platform can be set up at all. */
@Component
@Order(0)
class AdministratorOnStart implements ApplicationRunner {

	private final Accounts accounts;
	private final SecuritySettings settings;

	AdministratorOnStart(Accounts accounts, SecuritySettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		SecuritySettings.Administrator administrator = settings.administrator();
		if (administrator != null && administrator.username() != null && administrator.password() != null) {
			accounts.ensureAdministrator(administrator.username(), administrator.password());
		}
	}
}
