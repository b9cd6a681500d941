/**
 * The web interface's shell: one layout for every page (French first, Arabic right to left, usable on a laptop and a
 * phone, accessible), the language a person chose, the menu of what their role may open, and the home page. Each
 * business area's pages live in that area's {@code web} package or in a subpackage here, call the business modules'
 * public services, and add themselves to the menu with one {@link ma.amo.web.MenuSection} bean per area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web interface")
package ma.amo.web;
