package ingest

import (
	"context"
	"testing"
)

// FuzzParseNumber: never panics, and a value it accepts prints back to itself.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"7,5", "1.234,56", "1 234", "12%", "1,234.56", "1.234", "-0,5", "−2", "1e5", "", "%", "1.2.3"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, conv uint8) {
		n, err := ParseNumber(s, Convention(conv%3))
		if err != nil || n.Ambiguous {
			return
		}
		back, err := ParseNumber(n.String(), ConvInternational)
		if err != nil || back.Units != n.Units {
			t.Fatalf("%q → %s → %v, %v", s, n, back, err)
		}
	})
}

// FuzzReadCSV: no input panics or hangs the CSV reader.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("indicator,scope,agency,year,value,unit,status,source,note\ngrdp_growth,province_old,CTK,2024,\"7,5\",%,actual,,\n"))
	f.Add([]byte("\xef\xbb\xbfindicator;scope;value\nx;y;1.234,5\n"))
	f.Add([]byte("\xff\xfei\x00n\x00"))
	f.Add([]byte("a,\"b\nc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		info := &sourceInfo{}
		_ = readCSV(context.Background(), b, info, func(r *rawRow) bool {
			_ = info.loc(r.n, fValue).String()
			return true
		})
	})
}

// FuzzReadXLSX: no input panics the workbook reader (excelize behind our limits).
func FuzzReadXLSX(f *testing.F) {
	f.Add(minimalXLSX(f))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, b []byte) {
		info := &sourceInfo{}
		lim := Limits{UnzipSizeLimit: 8 << 20, UnzipXMLSizeLimit: 1 << 20}.withDefaults()
		_ = readXLSX(context.Background(), b, lim, info, func(r *rawRow) bool { return true })
	})
}

// FuzzReadJSON: no input panics the JSON reader.
func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"agency":"BQL","year":2024,"figures":[{"indicator":"a","scope":"b","value":"7,5"}]}`))
	f.Add([]byte(`[{"value":1e400}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = readJSON(b, &sourceInfo{}, func(r *rawRow) bool { return true })
	})
}
