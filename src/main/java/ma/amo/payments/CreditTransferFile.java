package ma.amo.payments;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import ma.amo.shared.Money;
import ma.amo.shared.RuleBroken;
import org.springframework.stereotype.Service;

/**
 * Writes a payment batch as the ISO 20022 Customer Credit Transfer Initiation ({@code pain.001.001.09}) the banks
 * take: one payment information block for the batch's payer body, executed on the day the batch was approved, debited from the payer body's
 * configured account, and one credit transfer per payee, identified end to end by the batch reference and the payee so
 * that the bank's returns can be matched back to the transfer.
 */
@Service
public class CreditTransferFile {

	static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	private static final String CURRENCY = "MAD";

	/** Max35Text, the schema's limit on identifiers. */
	private static final int MAX_ID = 35;

	private final PaymentBatches batches;
	private final DebtorAccounts debtors;
	private final Clock clock;

	CreditTransferFile(PaymentBatches batches, DebtorAccounts debtors, Clock clock) {
		this.batches = batches;
		this.debtors = debtors;
		this.clock = clock;
	}

	/**
	 * Writes the batch's transfers. A batch made before payees' accounts were recorded has transfers without an IBAN:
	 * it is refused whole rather than sent with holes, before anything is written.
	 */
	public void write(long batchId, Writer out) {
		PaymentBatch exported = batches.exportable(batchId);
		// A transfer netted whole by overpayments sends nothing: the bank file leaves it out.
		PaymentBatch batch = new PaymentBatch(exported.id(), exported.reference(), exported.payerBody(), exported.cutOff(),
				exported.createdBy(), exported.createdAt(), exported.claims(), exported.paid(), exported.stateShare(),
				exported.transfers().stream().filter(t -> t.status() != PaymentBatch.TransferStatus.NETTED).toList(),
				exported.heldBack(), exported.status(), exported.approvedBy(), exported.approvedAt(), exported.exportedAt(),
				exported.summary());
		if (batch.transfers().isEmpty()) {
			throw new RuleBroken("transfers", "something-to-send", "le lot " + batch.reference()
					+ " n'a aucun virement à envoyer : les indus récupérés couvrent tous ses paiements");
		}
		List<String> withoutIban = batch.transfers().stream().filter(t -> t.iban() == null)
			.map(t -> t.payeeKind() + " " + t.payee()).toList();
		if (!withoutIban.isEmpty()) {
			throw new RuleBroken("transfers", "iban-required", "le lot " + batch.reference() + " a " + withoutIban.size()
					+ " virement(s) sans IBAN (lot antérieur à l'enregistrement des comptes bancaires), dont "
					+ withoutIban.getFirst() + " : exporter le fichier CSV ou refaire le lot");
		}
		DebtorAccounts.Debtor debtor = debtors.of(batch.payerBody());
		List<String> endToEnd = batch.transfers().stream().map(PaymentBatch.Transfer::endToEndId).toList();
		endToEnd.stream().filter(id -> id.length() > MAX_ID).findFirst().ifPresent(id -> {
			throw new RuleBroken("transfers", "end-to-end-id", "l'identifiant de bout en bout " + id + " dépasse "
					+ MAX_ID + " caractères");
		});
		BigDecimal sum = batch.transfers().stream().map(PaymentBatch.Transfer::amount).reduce(Money.ZERO, Money::plus)
			.amount();
		// Dated by the approval, not by the export: the file of a batch is the same each time it is taken (a retry after
		// a failure sends the bank the same message id, which it refuses as a duplicate, never a second payment).
		OffsetDateTime approved = batch.approvedAt().atZone(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
		LocalDate executionDay = approved.toLocalDate();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(NAMESPACE);
			xml.writeStartElement(NAMESPACE, "Document");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeStartElement("CstmrCdtTrfInitn");

			xml.writeStartElement("GrpHdr");
			text(xml, "MsgId", batch.reference());
			text(xml, "CreDtTm", approved.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			text(xml, "NbOfTxs", Integer.toString(batch.transfers().size()));
			text(xml, "CtrlSum", decimal(sum));
			xml.writeStartElement("InitgPty");
			text(xml, "Nm", debtor.name());
			xml.writeEndElement();
			xml.writeEndElement();

			xml.writeStartElement("PmtInf");
			text(xml, "PmtInfId", batch.reference());
			text(xml, "PmtMtd", "TRF");
			text(xml, "NbOfTxs", Integer.toString(batch.transfers().size()));
			text(xml, "CtrlSum", decimal(sum));
			xml.writeStartElement("ReqdExctnDt");
			text(xml, "Dt", executionDay.toString());
			xml.writeEndElement();
			xml.writeStartElement("Dbtr");
			text(xml, "Nm", debtor.name());
			xml.writeEndElement();
			account(xml, "DbtrAcct", debtor.iban().replace(" ", ""));
			xml.writeStartElement("DbtrAgt");
			xml.writeStartElement("FinInstnId");
			if (debtor.bic() != null && !debtor.bic().isBlank()) {
				text(xml, "BICFI", debtor.bic().strip());
			}
			else {
				// The schema wants the debtor's bank identified; without a BIC it is the one the file is handed to.
				xml.writeStartElement("Othr");
				text(xml, "Id", "NOTPROVIDED");
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			text(xml, "ChrgBr", "SLEV");
			for (int i = 0; i < batch.transfers().size(); i++) {
				transaction(xml, batch, batch.transfers().get(i), endToEnd.get(i));
			}
			xml.writeEndElement();

			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("the transfer file of " + batch.reference() + " could not be written", e);
		}
	}

	private static void transaction(XMLStreamWriter xml, PaymentBatch batch, PaymentBatch.Transfer transfer,
			String endToEndId) throws XMLStreamException {
		xml.writeStartElement("CdtTrfTxInf");
		xml.writeStartElement("PmtId");
		text(xml, "EndToEndId", endToEndId);
		xml.writeEndElement();
		xml.writeStartElement("Amt");
		xml.writeStartElement("InstdAmt");
		xml.writeAttribute("Ccy", CURRENCY);
		xml.writeCharacters(decimal(transfer.amount().amount()));
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeStartElement("Cdtr");
		// The payments module knows payees by their identifier (IDCS or INPE); the account carries the holder's name.
		text(xml, "Nm", transfer.payee());
		xml.writeEndElement();
		account(xml, "CdtrAcct", transfer.iban());
		xml.writeStartElement("RmtInf");
		text(xml, "Ustrd", batch.reference() + " " + transfer.claims() + (transfer.claims() == 1 ? " dossier" : " dossiers"));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeStartElement("Id");
		text(xml, "IBAN", iban);
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static String decimal(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}
}
