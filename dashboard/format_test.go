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

func TestUploadSizeInTheReadersWay(t *testing.T) {
	cases := []struct {
		n    uint64
		lg   string
		want string
	}{
		{26214, "vi", "25,6 KB"},
		{26214, "en", "25.6 KB"},
		{3 << 20, "vi", "3 MB"},
		{1610612736, "vi", "1.536 MB"},
		{1610612736, "en", "1,536 MB"},
		{999, "vi", "999 B"},
	}
	for _, c := range cases {
		if got := uploadSize(c.n, c.lg); got != c.want {
			t.Errorf("uploadSize(%d, %s) = %q, want %q", c.n, c.lg, got, c.want)
		}
	}
}
