package ingest

import (
	"errors"
	"testing"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in        string
		conv      Convention
		want      string // "" when an error is expected
		code      string
		percent   bool
		ambiguous bool
		proved    Convention
	}{
		{in: "7,5", want: "7.5", proved: ConvVietnamese},
		{in: "1.234,56", want: "1234.56", proved: ConvVietnamese},
		{in: "1.234.567", want: "1234567", proved: ConvVietnamese},
		{in: "1 234", want: "1234"},
		{in: "1\u00a0234,5", want: "1234.5", proved: ConvVietnamese},
		{in: "12%", want: "12", percent: true},
		{in: "7,5 %", want: "7.5", percent: true, proved: ConvVietnamese},
		{in: "1,234.56", want: "1234.56", proved: ConvInternational},
		{in: "1,234,567", want: "1234567", proved: ConvInternational},
		{in: "-3.5", want: "-3.5", proved: ConvInternational},
		{in: "−2,1", want: "-2.1", proved: ConvVietnamese},
		{in: "+4", want: "4"},
		{in: "0", want: "0"},
		{in: "0,125", want: "0.125", proved: ConvVietnamese},
		{in: "1234.567", want: "1234.567", proved: ConvInternational},
		{in: "3,14159", want: "3.1416", proved: ConvVietnamese},
		{in: "1.234", ambiguous: true, want: "1.234"},
		{in: "1.234", conv: ConvVietnamese, want: "1234"},
		{in: "1.234", conv: ConvInternational, want: "1.234"},
		{in: "1,234", conv: ConvVietnamese, want: "1.234"},
		{in: "1,234", conv: ConvInternational, want: "1234"},
		{in: "abc", code: errNotNumber},
		{in: "12a", code: errNotNumber},
		{in: "1.2.3,4", code: errBadGroups},
		{in: "12 34", code: errBadGroups},
		{in: "1,23,456.7", code: errBadGroups},
		{in: "1.234,5,6", code: errBadGroups},
		{in: ",5", code: errNotNumber},
		{in: "5,", code: errNotNumber},
		{in: "%", code: errNotNumber},
		{in: "99999999999999999999", code: errTooLarge},
		{in: "7,5", conv: ConvInternational, code: errMixedConv},
	}
	for _, c := range cases {
		n, err := ParseNumber(c.in, c.conv)
		if c.code != "" {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Code != c.code {
				t.Errorf("ParseNumber(%q, %v) = %v, %v; want error %s", c.in, c.conv, n, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q, %v): %v", c.in, c.conv, err)
			continue
		}
		if n.String() != c.want || n.Percent != c.percent || n.Ambiguous != c.ambiguous {
			t.Errorf("ParseNumber(%q, %v) = %s (pct %v amb %v), want %s (pct %v amb %v)", c.in, c.conv, n, n.Percent, n.Ambiguous, c.want, c.percent, c.ambiguous)
		}
		if c.conv == ConvUnknown && !c.ambiguous && n.Conv != c.proved {
			t.Errorf("ParseNumber(%q) proved %v, want %v", c.in, n.Conv, c.proved)
		}
	}
}

func TestNoDataMarkers(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"-", "—", "không có số liệu", "Không có số liệu", " x ", "KCSL"} {
		if !isNoData(s) {
			t.Errorf("isNoData(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "", "không"} {
		if isNoData(s) {
			t.Errorf("isNoData(%q) = true", s)
		}
	}
}

func TestCleanNormalisesNFDAndSpaces(t *testing.T) {
	t.Parallel()
	nfd := "Ti\u0309 \u0111o\u0302\u0300ng" // "Tỷ đồng" decomposed (with a different ỷ spelling)
	if got := clean("  " + nfd + "\u00a0"); got == nfd || got != "Tỉ đồng" {
		t.Errorf("clean(NFD) = %q (% x)", got, got)
	}
	if got := clean("'=SUM(A1)"); got != "=SUM(A1)" {
		t.Errorf("clean of a guarded formula = %q", got)
	}
	if got := safeCell("=1+1"); got != "'=1+1" {
		t.Errorf("safeCell = %q", got)
	}
}
