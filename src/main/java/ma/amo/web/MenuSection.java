package ma.amo.web;

import java.util.List;

/**
 * An area's pages in the menu, declared as one bean by the area ({@code @Bean MenuSection}), so that adding a page
 * changes no shared list. The layout shows each viewer the entries of their role, all areas together in their order.
 *
 * @param entries the area's pages
 */
public record MenuSection(List<MenuEntry> entries) {

	public MenuSection {
		entries = List.copyOf(entries);
	}

	public static MenuSection of(MenuEntry... entries) {
		return new MenuSection(List.of(entries));
	}
}
