package ma.amo.web.portal;

import java.util.EnumSet;

import ma.amo.shared.Viewer.Role;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The care pathway's page in the providers' menu: the referrals a first contact writes (the page stands with the
 * portal's, which the care pathway's module does not depend on; its service is ma.amo.pathway's Referrals).
 */
@Configuration(proxyBeanMethods = false)
class ReferralMenu {

	@Bean
	MenuSection referralMenuPages() {
		return MenuSection.of(new MenuEntry("referrals.menu", "/prestataire/orientations", EnumSet.of(Role.PROVIDER), 45));
	}
}
