package plan

import "time"

// ParseDate reads a date as Vietnamese letters write it (08/12/2023, 8/12/2023) or
// ISO (2023-12-08, what a browser's date input sends). The CLI, the admin files,
// uploads and the forms all read dates here, so a date typed one way is read the same
// everywhere.
func ParseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseFormDate is ParseDate for a date a person typed (a form, a letter's date in a
// written report), refusing a year that is not a ValidYear: a slip of the keyboard.
func ParseFormDate(s string) (time.Time, bool) {
	t, ok := ParseDate(s)
	if !ok || !ValidYear(t.Year()) {
		return time.Time{}, false
	}
	return t, true
}

// ValidYear: a reporting, plan or letter year lies in 1900-2200. Anything else typed
// or uploaded is a mistake (a two-digit year, a figure in the year column).
func ValidYear(y int) bool { return y >= 1900 && y <= 2200 }
