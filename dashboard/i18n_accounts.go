package dashboard

import (
	"slices"
	"strings"
	"time"
)

// Template helpers of the account and admin pages.
func init() {
	templateFuncs["hasPrefix"] = strings.HasPrefix
	templateFuncs["hasString"] = func(list []string, s string) bool { return slices.Contains(list, s) }
	templateFuncs["auditTime"] = func(t time.Time) string {
		return t.In(vietnam).Format("02/01/2006 15:04:05")
	}
	// vnTime: every time shown is Vietnam time (the server and ClickHouse keep UTC).
	templateFuncs["vnTime"] = func(t time.Time) string {
		return t.In(vietnam).Format("02/01/2006 15:04")
	}
	templateFuncs["pageNext"] = func(p int) int { return p + 1 }
	templateFuncs["pagePrev"] = func(p int) int { return p - 1 }
}
