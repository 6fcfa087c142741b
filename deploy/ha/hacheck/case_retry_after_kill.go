package main

import (
	"fmt"
	"strings"
	"time"
)

// A chitieu server killed in the middle of an upload: the retry through the other
// server is accepted within 60 s (the dead writer's claim must die with it, not after
// a 10-minute lease). Needs the renewed claim of the `durable` branch.
func caseRetryAfterKill() (bool, string) {
	var ev strings.Builder
	const agency, rows = "HA7", 200_000
	if err := addAgencies(agency); err != nil {
		return false, err.Error()
	}
	b := newBrowser()
	if err := b.signIn(web["web1"]); err != nil {
		return false, err.Error()
	}
	csv := csvRows(agency, rows, 5)
	go func() { _, _, _ = b.upload(web["web1"], agency, csv) }()
	seen := false
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline) && !seen; time.Sleep(20 * time.Millisecond) {
		n, _ := ch("ch1", "SELECT count() FROM upload_claims WHERE agency = '"+agency+"'")
		seen = n != "" && n != "0"
	}
	if err := kill9("web1"); err != nil {
		return false, err.Error()
	}
	killed := time.Now()
	fmt.Fprintf(&ev, "upload of %d rows through web1; kill -9 web1 once its claim was written (claim seen: %v)\n", rows, seen)
	defer script("start.sh", "web1")
	b2 := newBrowser()
	if err := b2.signIn(web["web2"]); err != nil {
		return false, ev.String() + err.Error()
	}
	c, body := 0, ""
	for time.Since(killed) < 60*time.Second {
		c, body, _ = b2.upload(web["web2"], agency, csv)
		if c == 200 {
			break
		}
		time.Sleep(2 * time.Second)
	}
	fmt.Fprintf(&ev, "retry through web2: HTTP %d %.1f s after the kill %s\n", c, time.Since(killed).Seconds(), short(body, 160))
	return c == 200, ev.String()
}
