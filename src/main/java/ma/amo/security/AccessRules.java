package ma.amo.security;

import static ma.amo.shared.Viewer.Role.ADMINISTRATOR;
import static ma.amo.shared.Viewer.Role.DATA_PROTECTION_OFFICER;
import static ma.amo.shared.Viewer.Role.FINANCE;
import static ma.amo.shared.Viewer.Role.MEDICAL_REVIEWER;
import static ma.amo.shared.Viewer.Role.MEMBER;
import static ma.amo.shared.Viewer.Role.PAYER_AGENT;
import static ma.amo.shared.Viewer.Role.PROVIDER;
import static ma.amo.shared.Viewer.Role.REGULATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ma.amo.shared.Viewer.Role;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which endpoint, in one list read top to bottom (the first rule that matches decides); an
 * endpoint no rule names is refused to everyone. The records a role reaches through an endpoint are limited again
 * where they are read (a provider's INPE, a member's family, an agent's payer body), not here.
 */
final class AccessRules {

	/** A rule: the method and path pattern, and the roles it lets through. */
	record Rule(HttpMethod method, String pattern, Set<Role> roles) {
	}

	/**
	 * Open without logging in: health, the API description, the login page, the sign-in of scripts (it is the login),
	 * the token endpoint, the FHIR server's CapabilityStatement, the web pages' style sheets and scripts, and the public
	 * services and their pages under /public (the medicines guide, the follow-up of a request with its reference and
	 * code).
	 */
	static final List<String> PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html", "/login", "/error",
			"/api/v1/sessions", "/fhir/metadata", "/css/**", "/js/**", "/webjars/**", "/api/v1/public/**", "/public/**");

	private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
	private static final Set<Role> CARE = EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, PROVIDER, MEMBER, ADMINISTRATOR);
	private static final Set<Role> FEED = EnumSet.of(PAYER_AGENT, PROVIDER, ADMINISTRATOR);
	private static final Set<Role> MEMBERS_DESK = EnumSet.of(PAYER_AGENT, ADMINISTRATOR);
	private static final Set<Role> MONEY = EnumSet.of(FINANCE, ADMINISTRATOR);
	private static final HttpMethod GET = HttpMethod.GET;
	private static final Set<Role> INDICATORS = EnumSet.of(REGULATOR, PAYER_AGENT, FINANCE, ADMINISTRATOR);
	private static final Set<Role> PROTOCOL_READERS = EnumSet.of(REGULATOR, PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR);

	static final List<Rule> RULES = List.of(
			// The web interface's home page: what each role can do
			rule(HttpMethod.GET, "/", EVERYONE),
			// Accounts and systems
			rule(HttpMethod.GET, "/api/v1/users/me", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/users", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/api/v1/system-clients", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/system-clients/*/*", EnumSet.of(ADMINISTRATOR)),
			// Operations: the metrics name no person, but tell the load and the queues of the platform.
			rule(HttpMethod.GET, "/actuator/prometheus", EnumSet.of(ADMINISTRATOR)),
			// Registers and enrolment
			rule(HttpMethod.GET, "/api/v1/persons/**", MEMBERS_DESK),
			rule(HttpMethod.GET, "/api/v1/persons", MEMBERS_DESK),
			rule(null, "/api/v1/import-jobs/**", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/api/v1/import-jobs", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/eligibility", CARE),
			rule(HttpMethod.GET, "/api/v1/rights-history", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/members/*", EnumSet.of(PAYER_AGENT, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/members/*/dependants", EnumSet.of(PAYER_AGENT, MEMBER, ADMINISTRATOR)),
			rule(null, "/api/v1/members/**", MEMBERS_DESK),
			rule(null, "/api/v1/enrolments/**", MEMBERS_DESK),
			rule(null, "/api/v1/enrolments", MEMBERS_DESK),
			rule(null, "/api/v1/dependants/**", MEMBERS_DESK),
			rule(HttpMethod.POST, "/api/v1/tadamon/threshold-changes", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/api/v1/tadamon/**", MEMBERS_DESK),
			rule(null, "/api/v1/achamil/**", MEMBERS_DESK),
			// Contributions
			rule(HttpMethod.GET, "/api/v1/contributions/self-employed-categories", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/contributions/self-employed-categories", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/api/v1/contributions/payments/**", MONEY),
			rule(null, "/api/v1/contributions/payments", MONEY),
			rule(null, "/api/v1/contributions/payment-statements", MONEY),
			rule(null, "/api/v1/contributions/monthly-calls/**", MONEY),
			rule(null, "/api/v1/contributions/deadlines", MONEY),
			rule(HttpMethod.GET, "/api/v1/contributions/achamil/direct-debits/**", MONEY),
			rule(HttpMethod.GET, "/api/v1/contributions/tadamon-statements/**", EnumSet.of(FINANCE, REGULATOR, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/contributions/calls/**", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/contributions/calls", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/contributions/arrears", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(null, "/api/v1/contributions/**", MEMBERS_DESK),
			rule(null, "/api/v1/employers/**", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(null, "/api/v1/employers", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			// Referentials: read by all, changed by administrators and the regulator, whose versions are published by a
			// second account (ALD list also by medical reviewers); the directory's conventions and statuses the regulator
			// changes under maker-checker (referential changes), administrators directly for imports and corrections.
			rule(HttpMethod.GET, "/api/v1/parameters/**", EVERYONE),
			rule(HttpMethod.GET, "/api/v1/parameters", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/parameters/**", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/calendar/holidays", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/calendar/holidays/*/confirm", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/calendar/holidays/*/move", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/providers/**", EVERYONE),
			rule(null, "/api/v1/providers/**", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/tariffs/quote", EVERYONE),
			rule(HttpMethod.GET, "/api/v1/tariffs/**", EVERYONE),
			// The undated correction of the ALD list, for the installation; the regulator changes it under maker-checker.
			rule(HttpMethod.PUT, "/api/v1/tariffs/long-term-conditions/*", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/api/v1/tariffs/**", EnumSet.of(REGULATOR, ADMINISTRATOR)),
			// The regulator's services: its desk files and decides, payer agents read.
			rule(HttpMethod.GET, "/api/v1/inpe-requests/**", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(HttpMethod.GET, "/api/v1/inpe-requests", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(null, "/api/v1/inpe-requests/**", EnumSet.of(REGULATOR)),
			rule(null, "/api/v1/inpe-requests", EnumSet.of(REGULATOR)),
			rule(HttpMethod.GET, "/api/v1/listing-requests/**", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(HttpMethod.GET, "/api/v1/listing-requests", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(null, "/api/v1/listing-requests/**", EnumSet.of(REGULATOR)),
			rule(null, "/api/v1/listing-requests", EnumSet.of(REGULATOR)),
			rule(HttpMethod.GET, "/api/v1/referential-changes/**", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(HttpMethod.GET, "/api/v1/referential-changes", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(null, "/api/v1/referential-changes/**", EnumSet.of(REGULATOR)),
			rule(null, "/api/v1/referential-changes", EnumSet.of(REGULATOR)),
			// Conventions: the regulator proposes, signs off (a second account) and records adherences; payer agents read.
			rule(HttpMethod.GET, "/api/v1/conventions/**", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(HttpMethod.GET, "/api/v1/conventions", EnumSet.of(REGULATOR, PAYER_AGENT)),
			rule(null, "/api/v1/conventions/**", EnumSet.of(REGULATOR)), rule(null, "/api/v1/conventions", EnumSet.of(REGULATOR)),
			rule(null, "/regulateur/conventions/**", EnumSet.of(REGULATOR)), rule(null, "/regulateur/conventions", EnumSet.of(REGULATOR)),
			rule(HttpMethod.GET, "/agents/conventions/**", EnumSet.of(PAYER_AGENT)), rule(HttpMethod.GET, "/agents/conventions", EnumSet.of(PAYER_AGENT)),
			// Therapeutic protocols and the ALD list's changes: two regulators propose and approve, agents and reviewers read.
			rule(GET, "/api/v1/protocols/**", PROTOCOL_READERS), rule(GET, "/api/v1/protocols", PROTOCOL_READERS),
			rule(null, "/api/v1/protocols/**", EnumSet.of(REGULATOR)), rule(null, "/api/v1/protocols", EnumSet.of(REGULATOR)),
			rule(GET, "/api/v1/ald-list-changes/**", PROTOCOL_READERS), rule(GET, "/api/v1/ald-list-changes", PROTOCOL_READERS),
			rule(null, "/api/v1/ald-list-changes/**", EnumSet.of(REGULATOR)), rule(null, "/api/v1/ald-list-changes", EnumSet.of(REGULATOR)),
			rule(null, "/protocoles/nouveau", EnumSet.of(REGULATOR)),
			rule(GET, "/protocoles/**", PROTOCOL_READERS), rule(GET, "/protocoles", PROTOCOL_READERS),
			rule(null, "/protocoles/**", EnumSet.of(REGULATOR)),
			// Medical data
			rule(null, "/api/v1/ald-exemptions/**", EnumSet.of(MEDICAL_REVIEWER)),
			rule(null, "/api/v1/ald-exemptions", EnumSet.of(MEDICAL_REVIEWER)),
			// Prior approvals: establishments and their systems ask and answer, medical reviewers decide; reads are
			// limited again to the establishment's own requests and an agent's payer body.
			rule(HttpMethod.GET, "/api/v1/prior-approvals/overdue", EnumSet.of(MEDICAL_REVIEWER)),
			rule(HttpMethod.POST, "/api/v1/prior-approvals/*/decision", EnumSet.of(MEDICAL_REVIEWER)),
			rule(HttpMethod.POST, "/api/v1/prior-approvals/*/extension", EnumSet.of(MEDICAL_REVIEWER)),
			rule(HttpMethod.POST, "/api/v1/prior-approvals/*/answer", EnumSet.of(PROVIDER)),
			rule(HttpMethod.POST, "/api/v1/prior-approvals", EnumSet.of(PROVIDER)),
			rule(HttpMethod.GET, "/api/v1/prior-approvals/*", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, PROVIDER)),
			rule(HttpMethod.GET, "/api/v1/prior-approvals", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, PROVIDER)),
			// Referrals of the care pathway: written by first-contact providers, read again limited to their own.
			rule(HttpMethod.POST, "/api/v1/referrals", EnumSet.of(PROVIDER)),
			rule(HttpMethod.GET, "/api/v1/referrals/*", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, PROVIDER)),
			rule(HttpMethod.GET, "/api/v1/referrals", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER)),
			// Claims and payments
			rule(HttpMethod.GET, "/api/v1/claims/reason-codes", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/claims/adjudication-runs", MEMBERS_DESK),
			rule(HttpMethod.POST, "/api/v1/claims/*/adjudication", MEMBERS_DESK),
			rule(HttpMethod.GET, "/api/v1/claims/set-aside", MEMBERS_DESK),
			rule(HttpMethod.POST, "/api/v1/claims/*/put-back", MEMBERS_DESK),
			rule(HttpMethod.POST, "/api/v1/claims/*/review", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/claims/*/contest", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/claims", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/claims/**", CARE),
			rule(HttpMethod.GET, "/api/v1/claims", CARE),
			rule(HttpMethod.GET, "/api/v1/bank-accounts/*/*", EnumSet.of(PAYER_AGENT, FINANCE, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/bank-accounts/*/*", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/payment-batches/*/transfers.xml", MONEY),
			rule(null, "/api/v1/payment-batches/**", MONEY),
			rule(null, "/api/v1/payment-batches", MONEY),
			rule(null, "/api/v1/payment-returns", MONEY),
			rule(HttpMethod.GET, "/api/v1/overpayments", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/overpayments/*/cancellation", MONEY),
			rule(HttpMethod.GET, "/api/v1/payments/*", EnumSet.of(PAYER_AGENT, FINANCE, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/statements/members/*", EnumSet.of(PAYER_AGENT, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/statements/transfers/*/*", EnumSet.of(FINANCE, PROVIDER, ADMINISTRATOR)),
			// Complaints and data protection
			rule(HttpMethod.GET, "/api/v1/complaints/categories", EVERYONE),
			rule(HttpMethod.GET, "/api/v1/complaints/overdue", EnumSet.of(PAYER_AGENT, DATA_PROTECTION_OFFICER, REGULATOR, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/complaints/*/personal-data-export", EnumSet.of(DATA_PROTECTION_OFFICER)),
			rule(HttpMethod.GET, "/api/v1/complaints/*/agent-view", EnumSet.of(PAYER_AGENT, DATA_PROTECTION_OFFICER, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/api/v1/complaints/*/**", EnumSet.of(PAYER_AGENT, DATA_PROTECTION_OFFICER, ADMINISTRATOR)),
			rule(null, "/api/v1/complaints/**", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, DATA_PROTECTION_OFFICER, ADMINISTRATOR)),
			rule(null, "/api/v1/complaints", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, DATA_PROTECTION_OFFICER, ADMINISTRATOR)),
			// The agents' web pages: the same roles as the REST endpoints each page stands for.
			rule(GET, "/agents/personnes/**", MEMBERS_DESK), rule(GET, "/agents/personnes", MEMBERS_DESK),
			rule(null, "/agents/revision/**", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR)),
			rule(GET, "/agents/revision", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR)),
			rule(null, "/agents/ententes-prealables/**", EnumSet.of(MEDICAL_REVIEWER)),
			rule(GET, "/agents/ententes-prealables", EnumSet.of(MEDICAL_REVIEWER)),
			rule(null, "/agents/paiements/**", MONEY), rule(null, "/agents/paiements", MONEY),
			rule(GET, "/agents/actes", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, FINANCE, ADMINISTRATOR)),
			rule(GET, "/agents/medicaments", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, FINANCE, ADMINISTRATOR)),
			rule(GET, "/agents/etablissements", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, FINANCE, ADMINISTRATOR)),
			rule(null, "/agents/imports/**", EnumSet.of(ADMINISTRATOR)), rule(null, "/agents/imports", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/agents/imports-referentiels/**", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/agents/imports-referentiels", EnumSet.of(ADMINISTRATOR)),
			rule(null, "/reclamations/**", EnumSet.of(PROVIDER, MEMBER)),
			rule(null, "/reclamations", EnumSet.of(PROVIDER, MEMBER)),
			// The regulator's desks in the web (INPE and listing requests, directory changes): regulators act, agents read.
			rule(GET, "/regulation/demandes-inpe/nouvelle", EnumSet.of(REGULATOR)), rule(GET, "/regulation/inscriptions/nouvelle", EnumSet.of(REGULATOR)),
			rule(GET, "/regulation/**", EnumSet.of(REGULATOR, PAYER_AGENT)), rule(null, "/regulation/**", EnumSet.of(REGULATOR)),
			// The web pages of providers (their INPE's care and payments) and of insured people (their family's)
			rule(null, "/prestataire/**", EnumSet.of(PROVIDER)), rule(null, "/assure/**", EnumSet.of(MEMBER)),
			rule(null, "/api/v1/audit-entries/**", EnumSet.of(DATA_PROTECTION_OFFICER)),
			rule(null, "/api/v1/audit-entries", EnumSet.of(DATA_PROTECTION_OFFICER)),
			// Indicators (reporting): the regulator and administrators read all, agents and finance their payer body's.
			rule(HttpMethod.POST, "/api/v1/indicators/refresh", EnumSet.of(ADMINISTRATOR)),
			rule(HttpMethod.GET, "/api/v1/indicators/**", INDICATORS), rule(HttpMethod.GET, "/api/v1/indicators", INDICATORS),
			rule(HttpMethod.GET, "/indicateurs/**", INDICATORS), rule(HttpMethod.GET, "/indicateurs", INDICATORS),
			// FHIR: the same roles as the REST endpoints each resource stands for; records limited again where read.
			rule(HttpMethod.GET, "/fhir/Patient/**", EnumSet.of(PAYER_AGENT, PROVIDER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/fhir/Patient", EnumSet.of(PAYER_AGENT, PROVIDER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/fhir/Coverage", CARE),
			rule(HttpMethod.POST, "/fhir/CoverageEligibilityRequest/$submit", CARE),
			rule(HttpMethod.POST, "/fhir/Claim/$submit", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.POST, "/fhir", EnumSet.of(PAYER_AGENT, PROVIDER, MEMBER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/fhir/ClaimResponse/**", CARE),
			rule(HttpMethod.GET, "/fhir/ExplanationOfBenefit/**", CARE), rule(HttpMethod.GET, "/fhir/ExplanationOfBenefit", CARE),
			rule(HttpMethod.GET, "/fhir/Organization/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/Practitioner/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/PractitionerRole/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/PractitionerRole", EVERYONE),
			rule(HttpMethod.GET, "/fhir/Location/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/Location", EVERYONE),
			// Payments to establishments: their own to providers, their payer body's to agents and finance.
			rule(HttpMethod.GET, "/fhir/PaymentReconciliation/**", EnumSet.of(PAYER_AGENT, FINANCE, PROVIDER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/fhir/PaymentReconciliation", EnumSet.of(PAYER_AGENT, FINANCE, PROVIDER, ADMINISTRATOR)),
			rule(HttpMethod.GET, "/fhir/NamingSystem/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/NamingSystem", EVERYONE),
			rule(HttpMethod.GET, "/fhir/CodeSystem/**", EVERYONE),
			rule(HttpMethod.GET, "/fhir/CodeSystem", EVERYONE),
			rule(HttpMethod.POST, "/fhir/*/$validate", EVERYONE),
			// The beneficiary feed: the establishments' systems (client credentials), payer agents, administrators.
			rule(null, "/fhir/$export", FEED), rule(null, "/fhir/Patient/$export", FEED),
			rule(null, "/fhir/$export-poll-status", FEED),
			rule(HttpMethod.GET, "/fhir/$export-file", FEED));

	private AccessRules() {
	}

	private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
		return new Rule(method, pattern, roles);
	}
}
