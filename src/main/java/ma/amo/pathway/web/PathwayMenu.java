package ma.amo.pathway.web;

import java.util.EnumSet;

import ma.amo.shared.Viewer.Role;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The care pathway's page in the providers' menu: the referrals a first contact writes. */
@Configuration(proxyBeanMethods = false)
class PathwayMenu {

	@Bean
	MenuSection pathwayPages() {
		return MenuSection.of(new MenuEntry("referrals.menu", "/prestataire/orientations", EnumSet.of(Role.PROVIDER), 45));
	}
}
