package ma.amo.fhir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch-response of a Bundle of claims ({@link ClaimBatches}) written without HAPI's JSON encoder, which walks
 * every element reflectively, and each resource twice (once to look for resources to contain): on Bundles of 200
 * claims it took a third of the platform's CPU per claim, as much as adjudicating them. Written here element by
 * element in the order of the R4 definitions, from the very ClaimResponses the batch built, byte for byte what HAPI
 * encodes (a test compares the two); an entry's OperationOutcome is still HAPI's encoding, placed as is.
 * <p>
 * Only the usual answer is written here: JSON as negotiated by HAPI (the {@code Accept} header), compact, gzip if asked,
 * and no URL parameter ({@code _pretty}, {@code _summary}, {@code _elements}, {@code _format} change the encoding:
 * HAPI then encodes). A ClaimResponse holding an element this writer does not know is also left to HAPI, so nothing
 * ClaimResponses adds later is ever dropped from an answer.
 */
@Interceptor
class ClaimBatchAnswers {

	/** The request attribute under which {@link ClaimBatches} leaves the batch-response it built. */
	static final String ANSWER = ClaimBatchAnswers.class.getName() + ".answer";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FhirContext context;

	ClaimBatchAnswers(FhirContext context) {
		this.context = context;
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean outgoing(RequestDetails request, ResponseDetails details) throws IOException {
		if (!(request.getUserData().get(ANSWER) instanceof Bundle answer) || details.getResponseResource() != answer
				|| !request.getParameters().isEmpty() || !writable(answer)) {
			return true;
		}
		RestfulServerUtils.ResponseEncoding encoding = RestfulServerUtils.determineResponseEncodingWithDefault(request);
		if (encoding.getEncoding() != EncodingEnum.JSON
				|| RestfulServerUtils.prettyPrintResponse(request.getServer(), request)) {
			return true;
		}
		Writer writer = request.getResponse().getResponseWriter(details.getResponseCode(),
				encoding.getResourceContentType(), StandardCharsets.UTF_8.name(), request.isRespondGzip());
		write(answer, writer);
		request.getResponse().commitResponse(writer);
		return false;
	}

	/** The batch-response as HAPI's compact JSON encoding of it; only for a Bundle that is {@link #writable}. */
	void write(Bundle answer, Writer writer) {
		try (JsonGenerator out = JSON.createGenerator(writer)) {
			bundle(out, answer);
		}
	}

	/** Whether every entry holds only what this writer writes. */
	static boolean writable(Bundle answer) {
		if (answer.hasMeta() || answer.hasIdentifier() || answer.hasTimestamp() || answer.hasTotal()
				|| answer.hasSignature() || answer.hasImplicitRules() || answer.hasLanguage()
				|| answer.getLink().stream().anyMatch(l -> l.hasExtension() || l.hasModifierExtension())) {
			return false;
		}
		for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
			if (entry.hasLink() || entry.hasFullUrl() || entry.hasSearch() || entry.hasRequest() || entry.hasExtension()
					|| entry.getResponse().hasEtag() || entry.getResponse().hasLastModified()) {
				return false;
			}
			if (entry.hasResource() && !(entry.getResource() instanceof ClaimResponse response && writable(response))) {
				return false;
			}
		}
		return true;
	}

	private static boolean writable(ClaimResponse r) {
		return !(r.hasMeta() || r.hasImplicitRules() || r.hasLanguage() || r.hasText() || r.hasContained()
				|| r.hasExtension() || r.hasModifierExtension() || r.hasSubType() || r.hasPreAuthRef()
				|| r.hasPreAuthPeriod() || r.hasPayeeType() || r.hasAddItem() || r.hasAdjudication() || r.hasPayment()
				|| r.hasFundsReserve() || r.hasFormCode() || r.hasForm() || r.hasCommunicationRequest()
				|| r.hasInsurance() || r.hasError()
				|| r.getItem().stream().anyMatch(i -> i.hasNoteNumber() || i.hasDetail() || i.hasExtension())
				|| r.getProcessNote().stream().anyMatch(n -> n.hasNumber() || n.hasLanguage()));
	}

	private void bundle(JsonGenerator out, Bundle answer) {
		out.writeStartObject();
		out.writeStringProperty("resourceType", "Bundle");
		// HAPI gives a batch-response an id and a link to itself before this hook.
		if (answer.getIdElement().hasIdPart()) {
			out.writeStringProperty("id", answer.getIdElement().getIdPart());
		}
		out.writeStringProperty("type", answer.getType().toCode());
		if (answer.hasLink()) {
			out.writeName("link");
			out.writeStartArray();
			for (Bundle.BundleLinkComponent link : answer.getLink()) {
				out.writeStartObject();
				string(out, "relation", link.getRelationElement());
				string(out, "url", link.getUrlElement());
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		if (answer.hasEntry()) {
			out.writeName("entry");
			out.writeStartArray();
			for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
				out.writeStartObject();
				if (entry.getResource() instanceof ClaimResponse response) {
					out.writeName("resource");
					claimResponse(out, response);
				}
				Bundle.BundleEntryResponseComponent answered = entry.getResponse();
				if (!answered.isEmpty()) {
					out.writeName("response");
					out.writeStartObject();
					string(out, "status", answered.getStatusElement());
					string(out, "location", answered.getLocationElement());
					if (answered.getOutcome() instanceof OperationOutcome outcome) {
						out.writeName("outcome");
						out.writeRawValue(context.newJsonParser().encodeResourceToString(outcome));
					}
					out.writeEndObject();
				}
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		out.writeEndObject();
	}

	private static void claimResponse(JsonGenerator out, ClaimResponse r) {
		out.writeStartObject();
		out.writeStringProperty("resourceType", "ClaimResponse");
		if (r.getIdElement().hasIdPart()) {
			out.writeStringProperty("id", r.getIdElement().getIdPart());
		}
		if (r.hasIdentifier()) {
			out.writeName("identifier");
			out.writeStartArray();
			for (Identifier identifier : r.getIdentifier()) {
				identifier(out, identifier);
			}
			out.writeEndArray();
		}
		string(out, "status", r.getStatusElement());
		concept(out, "type", r.hasType() ? r.getType() : null);
		string(out, "use", r.getUseElement());
		reference(out, "patient", r.hasPatient() ? r.getPatient() : null);
		string(out, "created", r.getCreatedElement());
		reference(out, "insurer", r.hasInsurer() ? r.getInsurer() : null);
		reference(out, "requestor", r.hasRequestor() ? r.getRequestor() : null);
		reference(out, "request", r.hasRequest() ? r.getRequest() : null);
		string(out, "outcome", r.getOutcomeElement());
		string(out, "disposition", r.getDispositionElement());
		if (r.hasItem()) {
			out.writeName("item");
			out.writeStartArray();
			for (ClaimResponse.ItemComponent item : r.getItem()) {
				out.writeStartObject();
				if (item.hasItemSequenceElement() && item.getItemSequenceElement().getValue() != null) {
					out.writeNumberProperty("itemSequence", item.getItemSequence());
				}
				adjudications(out, item.getAdjudication());
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		if (r.hasTotal()) {
			out.writeName("total");
			out.writeStartArray();
			for (ClaimResponse.TotalComponent total : r.getTotal()) {
				out.writeStartObject();
				concept(out, "category", total.hasCategory() ? total.getCategory() : null);
				money(out, "amount", total.hasAmount() ? total.getAmount() : null);
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		if (r.hasProcessNote()) {
			out.writeName("processNote");
			out.writeStartArray();
			for (ClaimResponse.NoteComponent note : r.getProcessNote()) {
				out.writeStartObject();
				string(out, "type", note.getTypeElement());
				string(out, "text", note.getTextElement());
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		out.writeEndObject();
	}

	private static void adjudications(JsonGenerator out, List<ClaimResponse.AdjudicationComponent> adjudications) {
		if (adjudications.isEmpty()) {
			return;
		}
		out.writeName("adjudication");
		out.writeStartArray();
		for (ClaimResponse.AdjudicationComponent adjudication : adjudications) {
			out.writeStartObject();
			concept(out, "category", adjudication.hasCategory() ? adjudication.getCategory() : null);
			concept(out, "reason", adjudication.hasReason() ? adjudication.getReason() : null);
			money(out, "amount", adjudication.hasAmount() ? adjudication.getAmount() : null);
			decimal(out, "value", adjudication.getValueElement());
			out.writeEndObject();
		}
		out.writeEndArray();
	}

	private static void identifier(JsonGenerator out, Identifier identifier) {
		out.writeStartObject();
		string(out, "system", identifier.getSystemElement());
		string(out, "value", identifier.getValueElement());
		out.writeEndObject();
	}

	private static void reference(JsonGenerator out, String name, Reference reference) {
		if (reference == null || reference.isEmpty()) {
			return;
		}
		out.writeName(name);
		out.writeStartObject();
		string(out, "reference", reference.getReferenceElement_());
		if (reference.hasIdentifier()) {
			out.writeName("identifier");
			identifier(out, reference.getIdentifier());
		}
		string(out, "display", reference.getDisplayElement());
		out.writeEndObject();
	}

	private static void concept(JsonGenerator out, String name, CodeableConcept concept) {
		if (concept == null || concept.isEmpty()) {
			return;
		}
		out.writeName(name);
		out.writeStartObject();
		if (concept.hasCoding()) {
			out.writeName("coding");
			out.writeStartArray();
			for (Coding coding : concept.getCoding()) {
				out.writeStartObject();
				string(out, "system", coding.getSystemElement());
				string(out, "code", coding.getCodeElement());
				string(out, "display", coding.getDisplayElement());
				out.writeEndObject();
			}
			out.writeEndArray();
		}
		string(out, "text", concept.getTextElement());
		out.writeEndObject();
	}

	private static void money(JsonGenerator out, String name, Money money) {
		if (money == null || money.isEmpty()) {
			return;
		}
		out.writeName(name);
		out.writeStartObject();
		decimal(out, "value", money.getValueElement());
		string(out, "currency", money.getCurrencyElement());
		out.writeEndObject();
	}

	/** A decimal as HAPI writes it: a JSON number of the value's own text (its scale kept: 80.00 stays 80.00). */
	private static void decimal(JsonGenerator out, String name, IPrimitiveType<?> value) {
		String text = value == null ? null : value.getValueAsString();
		if (text != null && !text.isBlank()) {
			out.writeName(name);
			out.writeNumber(text);
		}
	}

	/** A primitive as HAPI writes it: its text, left out when blank. */
	private static void string(JsonGenerator out, String name, IPrimitiveType<?> value) {
		String text = value == null ? null : value.getValueAsString();
		if (text != null && !text.isBlank()) {
			out.writeStringProperty(name, text);
		}
	}
}
