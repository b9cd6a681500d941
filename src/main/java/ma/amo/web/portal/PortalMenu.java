package ma.amo.web.portal;

import java.util.EnumSet;

import ma.amo.shared.Viewer.Role;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's pages in the menu: a provider's under /prestataire, an insured person's under /assure. */
@Configuration(proxyBeanMethods = false)
class PortalMenu {

	@Bean
	MenuSection portalPages() {
		return MenuSection.of(
				new MenuEntry("portal.menu.rights", "/prestataire/droits", EnumSet.of(Role.PROVIDER), 10),
				new MenuEntry("portal.menu.care", "/prestataire/soins", EnumSet.of(Role.PROVIDER), 20),
				new MenuEntry("portal.menu.claims", "/prestataire/dossiers", EnumSet.of(Role.PROVIDER), 30),
				new MenuEntry("portal.menu.approvals", "/prestataire/accords", EnumSet.of(Role.PROVIDER), 40),
				new MenuEntry("portal.menu.payments", "/prestataire/paiements", EnumSet.of(Role.PROVIDER), 50),
				new MenuEntry("portal.menu.memberRights", "/assure/droits", EnumSet.of(Role.MEMBER), 10),
				new MenuEntry("portal.menu.memberClaims", "/assure/dossiers", EnumSet.of(Role.MEMBER), 20),
				new MenuEntry("portal.menu.memberPayments", "/assure/paiements", EnumSet.of(Role.MEMBER), 30),
				new MenuEntry("portal.menu.memberComplaints", "/assure/reclamations", EnumSet.of(Role.MEMBER), 40));
	}
}
