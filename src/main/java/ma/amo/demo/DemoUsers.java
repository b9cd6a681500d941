package ma.amo.demo;

import java.util.List;

import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.providers.Establishment;
import ma.amo.providers.ProviderDirectory;
import ma.amo.security.Accounts;
import ma.amo.security.Accounts.NewAccount;
import ma.amo.security.SystemClients;
import ma.amo.shared.Viewer.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per role, with the password and (for agents) the authenticator secret written in the README, and
 * the information system of a demo clinic with its client credentials: the platform can be tried as each of them.
 * Created once; a later start finds them and does nothing.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "amo.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

	static final String PASSWORD = "demo-amo-2026";
	/** The authenticator secret of the demo agents (enter it in any TOTP application). */
	static final String AGENTS_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	static final String CLINIC_CLIENT = "demo-clinique";
	static final String CLINIC_SECRET = "demo-clinique-secret-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final Accounts accounts;
	private final SystemClients clients;
	private final MemberEnrolment enrolment;
	private final ProviderDirectory directory;

	DemoUsers(Accounts accounts, SystemClients clients, MemberEnrolment enrolment, ProviderDirectory directory) {
		this.accounts = accounts;
		this.clients = clients;
		this.enrolment = enrolment;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Member> members = enrolment.members(0, 1);
		List<Establishment> clinics = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, "CLINIC", null,
				null, null), 0, 1).content();
		if (accounts.exists("regulateur") || members.isEmpty() || clinics.isEmpty()) {
			return;
		}
		create("regulateur", Role.REGULATOR, null, null, null, null);
		// A referential change, an INPE or a version the regulator proposes is approved by a second regulator account.
		create("regulateur.controle", Role.REGULATOR, null, null, null, null);
		create("agent.cnss", Role.PAYER_AGENT, "CNSS", "Casablanca-Settat", null, null);
		create("agent.cnops", Role.PAYER_AGENT, "CNOPS", "Rabat-Salé-Kénitra", null, null);
		create("medecin.conseil", Role.MEDICAL_REVIEWER, null, null, null, null);
		create("finances", Role.FINANCE, null, null, null, null);
		// A payment batch is approved by a second finance account (four eyes).
		create("finances.controle", Role.FINANCE, null, null, null, null);
		// The provider account is the demo clinic's (the establishment of the system client below): an establishment
		// files invoices in tiers payant and is paid by transfer, so its pages have a year of activity to show.
		create("prestataire", Role.PROVIDER, null, null, clinics.getFirst().inpe(), null);
		create("assure", Role.MEMBER, null, null, null, members.getFirst().idcs());
		create("dpo", Role.DATA_PROTECTION_OFFICER, null, null, null, null);
		clients.issue(CLINIC_CLIENT, CLINIC_SECRET, clinics.getFirst().inpe(), clinics.getFirst().name());
		log.info("Demo users: one per role (password in the README), and the system client {} of {}", CLINIC_CLIENT,
				clinics.getFirst().name());
	}

	private void create(String username, Role role, String payerBody, String region, String inpe, String idcs) {
		accounts.create(new NewAccount(username, PASSWORD, role, payerBody, region, inpe, idcs), AGENTS_TOTP);
	}
}
