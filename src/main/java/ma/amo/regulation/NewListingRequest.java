package ma.amo.regulation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/** A listing request as the regulator's desk files it from the laboratory's file. */
public record NewListingRequest(@Size(max = 200) String laboratory, @Size(max = 13) String code,
		@Size(max = 200) String productName, @Size(max = 200) String dci, @Size(max = 100) String dosage,
		@Size(max = 100) String form, @Size(max = 200) String presentation, @Size(max = 200) String therapeuticClass,
		@Size(max = 1) String brandOrGeneric,
		@DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal proposedPpv,
		@DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal proposedPh,
		@Size(max = 100) String fileReference) {
}
