package main

import (
	"fmt"
	"strings"
)

// A cluster that cannot reach its write quorum refuses writes with our message and
// writes nothing; reads go on. Here the quorum is all three replicas
// (CLICKHOUSE_INSERT_QUORUM=3, what two replicas with quorum 2 are when one is down)
// and ch3 is stopped.
func caseShortOfQuorum() (bool, string) {
	var ev strings.Builder
	const agency = "HA10"
	if err := addAgencies(agency); err != nil {
		return false, err.Error()
	}
	srv, stop, err := extraServerEnv(port(8406), []string{"CLICKHOUSE_INSERT_QUORUM=3"}, "ch1", "ch2", "ch3")
	if err != nil {
		return false, err.Error()
	}
	defer stop()
	b := newBrowser()
	if err := b.signIn(srv); err != nil {
		return false, err.Error()
	}
	if err := script("stop.sh", "ch3"); err != nil {
		return false, err.Error()
	}
	defer script("start.sh", "ch3")
	fmt.Fprintf(&ev, "a server writing with quorum 3; ch3 stopped\n")
	c, body, _ := b.upload(srv, agency, csvRows(agency, 500, 3))
	fmt.Fprintf(&ev, "upload: HTTP %d %s\n", c, short(body, 260))
	ok := c == 503 && strings.Contains(body, "đang thiếu bản sao, chưa ghi được gì") && strings.Contains(body, "Too few database replicas")
	n, _ := ch("ch1", "SELECT count() FROM uploads WHERE agency = '"+agency+"' AND outcome = 'accepted'")
	fmt.Fprintf(&ev, "accepted uploads of %s: %s\n", agency, n)
	ok = ok && n == "0"
	c, _, _ = b.get(srv, "/?plan=DHXX-2020&year=2025")
	fmt.Fprintf(&ev, "GET / meanwhile: HTTP %d\n", c)
	return ok && c == 200, ev.String()
}
