package ma.amo.web.agents;

import static ma.amo.shared.Viewer.Role.ADMINISTRATOR;
import static ma.amo.shared.Viewer.Role.FINANCE;
import static ma.amo.shared.Viewer.Role.MEDICAL_REVIEWER;
import static ma.amo.shared.Viewer.Role.PAYER_AGENT;

import java.util.EnumSet;

import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agents' pages in the menu, each shown to the roles the access rules let open it. */
@Configuration
class AgentMenu {

	@Bean
	MenuSection agentPages() {
		return MenuSection.of(
				new MenuEntry("agents.menu.persons", "/agents/personnes", EnumSet.of(PAYER_AGENT, ADMINISTRATOR), 10),
				new MenuEntry("agents.menu.review", "/agents/revision", EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR), 20),
				new MenuEntry("agents.menu.approvals", "/agents/ententes-prealables", EnumSet.of(MEDICAL_REVIEWER), 30),
				new MenuEntry("agents.menu.payments", "/agents/paiements", EnumSet.of(FINANCE, ADMINISTRATOR), 40),
				new MenuEntry("agents.menu.acts", "/agents/actes", Referentials.ROLES, 50),
				new MenuEntry("agents.menu.medicines", "/agents/medicaments", Referentials.ROLES, 51),
				new MenuEntry("agents.menu.establishments", "/agents/etablissements", Referentials.ROLES, 52),
				new MenuEntry("agents.menu.imports", "/agents/imports", EnumSet.of(ADMINISTRATOR), 60),
				new MenuEntry("agents.menu.referentialImports", "/agents/imports-referentiels", EnumSet.of(ADMINISTRATOR), 61));
	}
}
