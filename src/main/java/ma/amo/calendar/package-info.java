/**
 * The business calendar of legal clocks counted in working time: working days Monday to Friday, working hours (an
 * effective-dated parameter, shorter in Ramadan), Morocco's public holidays (fixed ones computed, religious ones
 * proposed from the Umm al-Qura calendar and confirmed or moved by an administrator), and the due dates "start + N
 * working hours" and "start + N working or calendar days" other modules ask for.
 */
@ApplicationModule(displayName = "Business calendar")
package ma.amo.calendar;

import org.springframework.modulith.ApplicationModule;
