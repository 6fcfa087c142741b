package ingest

import "github.com/shopspring/decimal"

// ParseFormNumber reads one number typed in a web form the way uploads read figures
// ("7,5", "1.234,5", "12%"). A lone "1.500" is refused as ambiguous rather than read
// as 1.5 or 1500: one form field has no column to settle the convention.
func ParseFormNumber(s string) (decimal.Decimal, error) {
	n, err := ParseNumber(s, ConvUnknown)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if n.Ambiguous {
		return decimal.Decimal{}, &NumberError{Code: errAmbiguous, Text: s}
	}
	return n.Decimal(), nil
}
