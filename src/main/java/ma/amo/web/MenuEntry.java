package ma.amo.web;

import java.util.Set;

import ma.amo.shared.Viewer.Role;

/**
 * A page in the menu of the web interface: the message key of its label, where it is, the roles who see it, and its
 * place (lower first). Each area lists its entries in its {@link MenuSection}; the access rules still decide what a
 * role may open.
 *
 * @param label message key of the label (in the area's bundle, French and Arabic)
 * @param href the page's path
 * @param roles the roles it is shown to
 * @param order its place in the menu
 */
public record MenuEntry(String label, String href, Set<Role> roles, int order) {

	public MenuEntry {
		roles = Set.copyOf(roles);
	}
}
