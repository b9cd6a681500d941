package ma.amo.web.conventions;

import static ma.amo.shared.Viewer.Role.PAYER_AGENT;
import static ma.amo.shared.Viewer.Role.REGULATOR;

import java.util.EnumSet;

import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conventions' pages in the menu: managed by the regulator, read by payer agents. */
@Configuration
class ConventionMenu {

	@Bean
	MenuSection conventionMenuEntries() {
		return MenuSection.of(
				new MenuEntry("conventions.menu.manage", ConventionPages.REGULATOR, EnumSet.of(REGULATOR), 70),
				new MenuEntry("conventions.menu.read", ConventionPages.AGENTS, EnumSet.of(PAYER_AGENT), 70));
	}
}
