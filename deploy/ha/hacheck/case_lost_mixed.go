package main

import (
	"fmt"
	"strings"
	"time"
)

// An acknowledged upload must survive its replica dying right after the 200, and a
// correction sent meanwhile must win whole: no mixture of the two when it returns.
// ch2 is kept behind on purpose (its fetches stopped), so without quorum writes the
// acknowledged upload lives on ch1 alone when ch1 dies.
func caseLostMixed() (bool, string) {
	var ev strings.Builder
	const agency, rows = "HA4", 1000
	if err := addAgencies(agency); err != nil {
		return false, err.Error()
	}
	b := newBrowser()
	if err := b.signIn(lb); err != nil {
		return false, err.Error()
	}
	base := csvRows(agency, rows, 11)
	c, body, _ := b.upload(lb, agency, base)
	fmt.Fprintf(&ev, "first upload (%d rows) through haproxy: HTTP %d\n", rows, c)
	if c != 200 {
		return false, ev.String() + short(body, 300)
	}
	tables := []string{"figures", "uploads", "submissions", "data_changes", "upload_claims"}
	if err := fetches("ch2", false, tables...); err != nil {
		return false, err.Error()
	}
	defer fetches("ch2", true, tables...)
	acked := csvRows(agency, rows, 22)
	c, body, _ = b.upload(lb, agency, acked)
	fmt.Fprintf(&ev, "ch2 behind (fetches stopped); second upload through haproxy: HTTP %d %s\n", c, short(body, 120))
	if c != 200 {
		return false, ev.String()
	}
	if err := kill9("ch1"); err != nil {
		return false, ev.String() + err.Error()
	}
	fmt.Fprintf(&ev, "kill -9 ch1 right after the 200\n")
	restarted := false
	defer func() {
		if !restarted {
			_ = script("start.sh", "ch1")
		}
	}()
	// The correction: the first upload's values on half the rows, new ones on the rest.
	fixRows := strings.Split(string(csvRows(agency, rows, 33)), "\n")
	baseRows := strings.Split(string(base), "\n")
	for i := 1; i <= rows/2; i++ {
		fixRows[i] = baseRows[i]
	}
	fix := []byte(strings.Join(fixRows, "\n"))
	// The acknowledged upload is on a quorum (ch1 and ch3): ch3 shows it while ch1 is down.
	if got, err := currentValues("ch3", agency); err != nil || !sameValues(got, csvValues(acked)) {
		fmt.Fprintf(&ev, "ch3 with ch1 down: the acknowledged upload is not what it holds (%d figures, err %v)\n", len(got), err)
		return false, ev.String()
	}
	fmt.Fprintf(&ev, "ch3 with ch1 down holds the acknowledged upload, all %d figures\n", rows)
	// ch1 dead and ch2 not fetching: no two replicas can hold a write, so the
	// correction must be refused, not acknowledged and lost.
	start := time.Now()
	c, body, _ = b.upload(lb, agency, fix)
	fmt.Fprintf(&ev, "correction with ch1 down and ch2 not fetching: HTTP %d after %.1f s %s\n",
		c, time.Since(start).Seconds(), short(body, 160))
	if c == 200 {
		return false, ev.String() + "acknowledged without a quorum\n"
	}
	// ch2 was only slow: once it fetches again, a retry is taken within a minute.
	_ = fetches("ch2", true, tables...)
	start = time.Now()
	for time.Since(start) < 60*time.Second {
		c, body, _ = b.upload(lb, agency, fix)
		if c == 200 {
			break
		}
		time.Sleep(time.Second)
	}
	fmt.Fprintf(&ev, "ch2 fetching again; the correction retried: HTTP %d after %.1f s %s\n",
		c, time.Since(start).Seconds(), short(body, 160))
	if c != 200 {
		return false, ev.String()
	}
	_ = fetches("ch2", true, tables...)
	if err := script("start.sh", "ch1"); err != nil {
		return false, ev.String() + err.Error()
	}
	restarted = true
	fmt.Fprintf(&ev, "ch1 back, ch2 fetching again\n")
	want := csvValues(fix)
	ok := true
	for _, r := range replicas {
		var got map[string]string
		var err error
		var same, mixed int
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(time.Second) {
			got, err = currentValues(r, agency)
			same, mixed = 0, 0
			for k, v := range want {
				if got[k] == v {
					same++
				} else if a := csvValues(acked); a[k] == got[k] {
					mixed++
				}
			}
			if err == nil && same == len(want) && len(got) == len(want) {
				break
			}
		}
		fmt.Fprintf(&ev, "%s: %d current figures, %d equal to the correction, %d still the acknowledged upload's (err %v)\n",
			r, len(got), same, mixed, err)
		ok = ok && err == nil && same == len(want) && len(got) == len(want)
	}
	// The servers move back to ch1 within their 30 s connection renewal; restart
	// them so the next cases start on ch1.
	if err := restartWebs(); err != nil {
		return false, ev.String() + err.Error()
	}
	return ok, ev.String()
}

func sameValues(got, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}
