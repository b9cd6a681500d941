package ma.amo.web.protocols;

import static ma.amo.shared.Viewer.Role.ADMINISTRATOR;
import static ma.amo.shared.Viewer.Role.MEDICAL_REVIEWER;
import static ma.amo.shared.Viewer.Role.PAYER_AGENT;
import static ma.amo.shared.Viewer.Role.REGULATOR;

import java.util.EnumSet;

import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The protocols' page in the menu: the regulator changes them, agents, reviewers and administrators read them. */
@Configuration
class ProtocolMenu {

	@Bean
	MenuSection therapeuticProtocolMenu() {
		return MenuSection.of(new MenuEntry("protocols.menu.protocols", "/protocoles",
				EnumSet.of(REGULATOR, PAYER_AGENT, MEDICAL_REVIEWER, ADMINISTRATOR), 55));
	}
}
