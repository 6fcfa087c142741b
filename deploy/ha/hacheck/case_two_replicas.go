package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"
)

// The same file sent at once through two servers that read different replicas (web1
// on ch1, an extra server on ch2) is accepted once. ch1 and ch2 do not fetch claims
// or markers from each other during the trials, so each sees the other's writes only
// through a quorum read.
func caseSameFileTwoReplicas() (bool, string) {
	var ev strings.Builder
	const agency, trials = "HA5", 6
	if err := addAgencies(agency); err != nil {
		return false, err.Error()
	}
	// Two servers of their own, each kept on its replica for the whole case (the stopped
	// fetches make both look behind; at the usual 5 s they would both move to ch3, and
	// the case is about two servers that have not).
	pin := []string{"CLICKHOUSE_MAX_REPLICA_DELAY=10m"}
	one, stop1, err := extraServerEnv(port(8407), pin, "ch1", "ch2", "ch3")
	if err != nil {
		return false, err.Error()
	}
	defer stop1()
	other, stop, err := extraServerEnv(port(8403), pin, "ch2", "ch1", "ch3")
	if err != nil {
		return false, err.Error()
	}
	defer stop()
	fmt.Fprintf(&ev, "a server on %s reads ch1 first; another on %s reads ch2 first\n", one, other)
	b1, b2 := newBrowser(), newBrowser()
	if err := b1.signIn(one); err != nil {
		return false, err.Error()
	}
	if err := b2.signIn(other); err != nil {
		return false, err.Error()
	}
	tables := []string{"uploads", "upload_claims", "figures", "submissions"}
	for _, r := range []string{"ch1", "ch2"} {
		if err := fetches(r, false, tables...); err != nil {
			return false, err.Error()
		}
		defer fetches(r, true, tables...)
	}
	fmt.Fprintf(&ev, "ch1 and ch2 do not fetch %v from each other (ch3 does)\n", tables)
	twice := 0
	for t := 0; t < trials; t++ {
		csv := csvRows(agency, 3000, 100+t)
		sum := sha256.Sum256(csv)
		var wg sync.WaitGroup
		codes := make([]int, 2)
		bodies := make([]string, 2)
		for i, pair := range []struct {
			b    *browser
			base string
		}{{b1, one}, {b2, other}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], bodies[i], _ = pair.b.upload(pair.base, agency, csv)
			}()
		}
		wg.Wait()
		n, _ := ch("ch3", "SELECT count() FROM uploads WHERE agency = '"+agency+"' AND sha256 = '"+hex.EncodeToString(sum[:])+"' AND outcome = 'accepted'")
		fmt.Fprintf(&ev, "trial %d: ch1 server HTTP %d, ch2 server HTTP %d; accepted records of the file: %s\n", t+1, codes[0], codes[1], n)
		if n != "1" {
			twice++
			fmt.Fprintf(&ev, "  ch1 server: %s\n  ch2 server: %s\n", short(bodies[0], 160), short(bodies[1], 160))
		}
	}
	for _, r := range []string{"ch1", "ch2"} {
		_ = fetches(r, true, tables...)
	}
	time.Sleep(time.Second)
	fmt.Fprintf(&ev, "trials where the file was not accepted exactly once: %d of %d\n", twice, trials)
	return twice == 0, ev.String()
}
