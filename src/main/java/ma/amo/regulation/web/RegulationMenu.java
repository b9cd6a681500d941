package ma.amo.regulation.web;

import java.util.EnumSet;

import ma.amo.shared.Viewer.Role;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The regulator's pages in the menu: its desks for INPE and listing requests and the changes to decide, which payer
 * agents also read; the medicines guide for everyone signed in (it is open to all without signing in too).
 */
@Configuration(proxyBeanMethods = false)
class RegulationMenu {

	@Bean
	MenuSection regulationPages() {
		EnumSet<Role> desk = EnumSet.of(Role.REGULATOR, Role.PAYER_AGENT);
		return MenuSection.of(new MenuEntry("regulation.menu.inpe", "/regulation/demandes-inpe", desk, 110),
				new MenuEntry("regulation.menu.listing", "/regulation/inscriptions", desk, 120),
				new MenuEntry("regulation.menu.changes", "/regulation/changements", desk, 130),
				new MenuEntry("regulation.menu.guide", "/public/medicaments", EnumSet.allOf(Role.class), 900));
	}
}
