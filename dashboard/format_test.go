package dashboard

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormatVN(t *testing.T) {
	cases := []struct {
		in     string
		places int32
		want   string
	}{
		{"1234.5", -1, "1.234,5"},
		{"7.5", -1, "7,5"},
		{"296715", -1, "296.715"},
		{"-1234567.891", -1, "-1.234.567,891"},
		{"0", -1, "0"},
		{"18663.679", 1, "18.663,7"},
		{"69", 1, "69,0"},
		{"999.96", 1, "1.000,0"},
	}
	for _, c := range cases {
		d := decimal.RequireFromString(c.in)
		got := formatVN(d)
		if c.places >= 0 {
			got = formatVNPlaces(d, c.places)
		}
		if got != c.want {
			t.Errorf("format %s (%d places) = %q, want %q", c.in, c.places, got, c.want)
		}
	}
}
