package plan

import "testing"

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"08/12/2023": "2023-12-08", "8/12/2023": "2023-12-08",
		"2023-12-08": "2023-12-08", "15/12/2023": "2023-12-15", "01/01/1800": "1800-01-01"} {
		if d, ok := ParseDate(in); !ok || d.Format("2006-01-02") != want {
			t.Errorf("ParseDate(%q) = %v %v, want %s", in, d, ok, want)
		}
	}
	for _, bad := range []string{"", "31/02/2023", "2023-13-01", "hôm qua", "15/12/23", "12/2023"} {
		if _, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestParseFormDate(t *testing.T) {
	if d, ok := ParseFormDate("15/12/2023"); !ok || d.Format("2006-01-02") != "2023-12-15" {
		t.Errorf("ParseFormDate: %v %v", d, ok)
	}
	for _, bad := range []string{"31/02/2023", "2023-13-01", "hôm qua", "15/12/23", "01/01/1899", "2201-01-01"} {
		if _, ok := ParseFormDate(bad); ok {
			t.Errorf("ParseFormDate(%q) accepted", bad)
		}
	}
}

func TestValidYear(t *testing.T) {
	for y, want := range map[int]bool{1899: false, 1900: true, 2025: true, 2200: true, 2201: false, 25: false, 0: false} {
		if ValidYear(y) != want {
			t.Errorf("ValidYear(%d) = %v", y, !want)
		}
	}
}
