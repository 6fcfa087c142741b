package ingest

import "testing"

func TestParseFormNumber(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{{"7,5", "7.5", true}, {"1.234,5", "1234.5", true}, {"12%", "12", true}, {"1500", "1500", true},
		{"1.500", "", false}, {"abc", "", false}, {"", "", false}} {
		d, err := ParseFormNumber(c.in)
		if (err == nil) != c.ok || (c.ok && d.String() != c.want) {
			t.Errorf("ParseFormNumber(%q) = %v, %v; want %s ok=%v", c.in, d, err, c.want, c.ok)
		}
	}
}
