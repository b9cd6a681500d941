package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import org.springframework.stereotype.Service;

/**
 * Computes a month's contribution and its shares from the rates in force that month (amo-rules.md, "Regimes"):
 * salaried 2.26 % employee + 2.26 % employer + 1.85 % employer solidarity, no ceiling, pensioners 4.52 %; public
 * sector 5 % split in two shares each between 70 and 400 DH, pensioners 2.5 % between the same bounds.
 */
@Service
public class ContributionRates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ParameterValues parameters;

	ContributionRates(ParameterValues parameters) {
		this.parameters = parameters;
	}

	/** Who pays what for one month; {@code total} is the sum of the shares. */
	public record Contribution(String basis, Money base, Money employeeShare, Money employerShare,
			Money solidarityShare, Money total, String explanation) {
	}

	/** The salaried regime on a month's gross salary. */
	public Contribution salaried(Money grossSalary, LocalDate month) {
		check(grossSalary, "grossSalary");
		SalariedRates rates = salariedRates(month);
		Money e = rates.employee(grossSalary);
		Money r = rates.employer(grossSalary);
		Money s = rates.solidarity(grossSalary);
		return new Contribution("SALARIED", grossSalary, e, r, s, e.plus(r).plus(s), "salarié "
				+ plain(rates.employee()) + " %, employeur " + plain(rates.employer()) + " %, solidarité "
				+ plain(rates.solidarity()) + " % du salaire brut");
	}

	/** The salaried rates of a month, read once for the many lines of a declaration file. */
	public SalariedRates salariedRates(LocalDate month) {
		return new SalariedRates(rate("contributions.salaried.employee-rate", month),
				rate("contributions.salaried.employer-rate", month), rate("contributions.salaried.solidarity-rate", month));
	}

	/** The three salaried rates, in %; each share is rounded to the centime on its own. */
	public record SalariedRates(BigDecimal employee, BigDecimal employer, BigDecimal solidarity) {

		public Money employee(Money gross) {
			return percent(gross, employee);
		}

		public Money employer(Money gross) {
			return percent(gross, employer);
		}

		public Money solidarity(Money gross) {
			return percent(gross, solidarity);
		}
	}

	/**
	 * A self-employed member's month: the rate (pensioners' rate when retired) of the category's flat reference income
	 * (a multiple of the SMIG of the month), at least the category's minimum when it has one.
	 */
	public Contribution selfEmployed(SelfEmployedCategory category, boolean pensioner, LocalDate month) {
		BigDecimal smig = parameters.decimal("contributions.smig-monthly", month);
		Money income = new Money(smig.multiply(category.smigMultiple()));
		BigDecimal rate = rate(pensioner ? "contributions.self-employed.pensioner-rate" : "contributions.self-employed.rate",
				month);
		Money share = percent(income, rate);
		String explanation = plain(rate) + " % du revenu forfaitaire de la catégorie " + category.code() + " ("
				+ plain(category.smigMultiple()) + " × SMIG " + plain(smig) + " DH = " + income.amount().toPlainString()
				+ " DH)";
		if (category.minimum() != null && share.amount().compareTo(category.minimum()) < 0) {
			share = new Money(category.minimum());
			explanation += ", minimum de la catégorie " + plain(category.minimum()) + " DH";
		}
		return new Contribution(pensioner ? "SELF_EMPLOYED_PENSIONER" : "SELF_EMPLOYED", income, share, Money.ZERO,
				Money.ZERO, share, explanation);
	}

	/** A pensioner of the salaried regime, on the month's pension. */
	public Contribution salariedPensioner(Money pension, LocalDate month) {
		check(pension, "pension");
		BigDecimal rate = rate("contributions.salaried.pensioner-rate", month);
		Money share = percent(pension, rate);
		return new Contribution("SALARIED_PENSIONER", pension, share, Money.ZERO, Money.ZERO, share,
				plain(rate) + " % de la pension");
	}

	/** The public sector on a month's salary: two equal shares, each bounded. */
	public Contribution publicSector(Money salary, LocalDate month) {
		check(salary, "salary");
		BigDecimal rate = rate("contributions.public.rate", month);
		Money share = bounded(percent(salary, rate.divide(BigDecimal.TWO)), month);
		return new Contribution("PUBLIC_SECTOR", salary, share, share, Money.ZERO, share.plus(share),
				plain(rate) + " % du salaire, moitié agent, moitié employeur, chaque part entre "
						+ plain(min(month)) + " et " + plain(max(month)) + " DH");
	}

	/** A public-sector pensioner, on the month's pension, bounded like a share. */
	public Contribution publicPensioner(Money pension, LocalDate month) {
		check(pension, "pension");
		BigDecimal rate = rate("contributions.public.pensioner-rate", month);
		Money share = bounded(percent(pension, rate), month);
		return new Contribution("PUBLIC_PENSIONER", pension, share, Money.ZERO, Money.ZERO, share,
				plain(rate) + " % de la pension, entre " + plain(min(month)) + " et " + plain(max(month)) + " DH");
	}

	private Money bounded(Money share, LocalDate month) {
		Money min = new Money(min(month));
		Money max = new Money(max(month));
		return share.compareTo(min) < 0 ? min : share.min(max);
	}

	private BigDecimal min(LocalDate month) {
		return parameters.decimal("contributions.public.share-min", month);
	}

	private BigDecimal max(LocalDate month) {
		return parameters.decimal("contributions.public.share-max", month);
	}

	private BigDecimal rate(String name, LocalDate month) {
		return parameters.decimal(name, month);
	}

	static Money percent(Money amount, BigDecimal rate) {
		return amount.times(rate.divide(HUNDRED));
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static void check(Money amount, String field) {
		if (amount == null) {
			throw new InvalidInput(field, "required", "is required");
		}
		if (amount.isNegative()) {
			throw new InvalidInput(field, "positive", "must not be negative");
		}
	}
}
