/**
 * The therapeutic protocols' pages: the regulator proposes and approves protocol versions, payer agents, medical
 * reviewers and administrators read them.
 */
package ma.amo.web.protocols;
