package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"sync"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// cutRelay is a TCP relay between the driver and the test ClickHouse that cuts one
// connection at a chosen point of the client's traffic: `after` bytes past the start of
// the nth time `pattern` (a statement's text) is sent, counted over all connections.
// The server then sees a connection die mid-statement, as when a machine dies.
type cutRelay struct {
	ln      net.Listener
	target  string
	mu      sync.Mutex
	pattern []byte
	nth     int
	after   int
	seen    int
	cut     bool
	cutAt   int64 // bytes the cut connection had sent when it was cut
	// dies: at the cut, every connection closes and new ones are refused, as when the
	// writer's machine dies or ClickHouse is killed under it.
	dies    bool
	dead    bool
	conns   map[net.Conn]bool
	onDeath func() // called at the death, before the connections close
}

func newCutRelay(t *testing.T, target string) *cutRelay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &cutRelay{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go r.serve(c)
		}
	}()
	return r
}

// arm sets the next cut; counting starts now.
func (r *cutRelay) arm(pattern string, nth, after int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pattern, r.nth, r.after, r.seen, r.cut, r.cutAt = []byte(pattern), nth, after, 0, false, 0
}

// armDeath is arm, after which the relay passes nothing any more.
func (r *cutRelay) armDeath(pattern string, nth, after int) {
	r.arm(pattern, nth, after)
	r.mu.Lock()
	r.dies = true
	r.mu.Unlock()
}

// track registers a connection; false when the relay is dead.
func (r *cutRelay) track(cs ...net.Conn) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dead {
		return false
	}
	if r.conns == nil {
		r.conns = map[net.Conn]bool{}
	}
	for _, c := range cs {
		r.conns[c] = true
	}
	return true
}

// dieLocked closes every connection; r.mu is held.
func (r *cutRelay) dieLocked() {
	r.dead = true
	if r.onDeath != nil {
		r.onDeath()
	}
	for c := range r.conns {
		c.Close()
	}
}

func (r *cutRelay) result() (bool, int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cut, r.cutAt
}

func (r *cutRelay) serve(client net.Conn) {
	server, err := net.Dial("tcp", r.target)
	if err != nil {
		client.Close()
		return
	}
	if !r.track(client, server) {
		client.Close()
		server.Close()
		return
	}
	closeBoth := func() { client.Close(); server.Close() }
	go func() { _, _ = io.Copy(client, server); closeBoth() }()
	defer closeBoth()
	buf := make([]byte, 32<<10)
	var tail []byte
	var sent int64
	left := -1 // bytes still to forward before the cut; -1: no cut due on this connection
	for {
		n, err := client.Read(buf)
		chunk := buf[:n]
		if left < 0 && n > 0 {
			r.mu.Lock()
			if !r.cut && r.pattern != nil {
				hay := append(append([]byte(nil), tail...), chunk...)
				for from := 0; ; {
					i := bytes.Index(hay[from:], r.pattern)
					if i < 0 {
						break
					}
					r.seen++
					if r.seen == r.nth {
						r.cut = true
						left = max(from+i-len(tail)+r.after, 0)
						break
					}
					from += i + len(r.pattern)
				}
				if k := len(r.pattern) - 1; len(hay) > k {
					tail = append(tail[:0], hay[len(hay)-k:]...)
				}
			}
			r.mu.Unlock()
		}
		if left >= 0 && left < len(chunk) {
			_, _ = server.Write(chunk[:left])
			sent += int64(left)
			r.mu.Lock()
			r.cutAt = sent
			if r.dies {
				r.dieLocked()
			}
			r.mu.Unlock()
			return
		}
		if left >= 0 {
			left -= len(chunk)
		}
		if _, werr := server.Write(chunk); werr != nil {
			return
		}
		sent += int64(n)
		if err != nil {
			return
		}
	}
}

// faultCatalogue: 25 indicators × 40 zones for agency BENCH, a plan over 2021–2030.
func faultCatalogue(t *testing.T, st *queries.Store) { saveBenchCatalogue(t, st, 25, 40) }

// faultCSV: 25 × 40 × 5 years = 5,000 figures, about 100 kB of column data on the wire.
func faultCSV() []byte {
	var buf bytes.Buffer
	buf.WriteString(csvHeader)
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&buf, "ind%03d,Z%04d,BENCH,%d,%d.%02d,tỷ đồng,actual,Báo cáo thử nghiệm số %d,\n", i%25, (i/25)%40, 2021+i/1000, (i*7919)%1000000, i%100, i%50)
	}
	return buf.Bytes()
}

// TestCommitSurvivesCutConnection cuts the connection to ClickHouse at each boundary of
// an upload's commit, then checks what readers see and that sending the file again
// gives exactly the file's figures once.
func TestCommitSurvivesCutConnection(t *testing.T) {
	file := faultCSV()
	const rows = 5000
	cases := []struct {
		name, pattern string
		nth, after    int
		committed     bool // the marker landed before the cut
	}{
		{"during the figures INSERT", "INSERT INTO figures (", 1, 40_000, false},
		{"after the figures, before the commit marker", "INSERT INTO submissions (", 1, 0, false},
		{"during the commit marker (upload record)", "INSERT INTO uploads (", 2, 3000, false},
		{"after the commit marker (claim release)", "INSERT INTO upload_claims (", 2, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st := querytest.MustOpen(t)
			faultCatalogue(t, st)
			relay, viaRelay := openViaRelay(t, st)
			req := queries.UploadRequest{FileName: "bench.csv", Content: file, User: "analyst"}

			relay.arm(tc.pattern, tc.nth, tc.after)
			rep, ingErr := New(viaRelay, Limits{}).Ingest(ctx, req)
			cut, cutAt := relay.result()
			if !cut {
				t.Fatalf("the relay never saw %q #%d", tc.pattern, tc.nth)
			}
			cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
			if err != nil {
				t.Fatal(err)
			}
			up, err := st.UploadByID(ctx, rep.UploadID)
			if err != nil {
				t.Fatalf("no upload record for the attempt %s: %v", rep.UploadID, err)
			}
			raw, _ := st.FigureRowsOfUpload(ctx, rep.UploadID)
			subs, _ := st.CurrentSubmissions(ctx, 2021, 2030)
			t.Logf("cut after %d bytes of the connection (%q #%d +%d): ingest error = %v", cutAt, tc.pattern, tc.nth, tc.after, ingErr)
			t.Logf("readers see %d figures and %d reports; record %s = %s; figure rows stored under it = %d",
				len(cur), len(subs), rep.UploadID[:8], up.Outcome, raw)
			if tc.committed {
				if ingErr != nil || up.Outcome != queries.UploadAccepted || len(cur) != rows || len(subs) != 5 {
					t.Fatalf("want the whole upload visible and accepted")
				}
			} else {
				if ingErr == nil || len(cur) != 0 || len(subs) != 0 {
					t.Fatalf("want an error and nothing visible")
				}
				if up.Outcome != queries.UploadPending && up.Outcome != queries.UploadFailed {
					t.Fatalf("record says %s, want pending or failed", up.Outcome)
				}
				// /reporting counts the figures of committed uploads only.
				rr, err := st.ReportingRows(ctx, 2021, 2030)
				if err != nil {
					t.Fatal(err)
				}
				if len(rr.WithFigures) != 0 {
					t.Fatalf("/reporting counts figures of the uncommitted attempt: %v", rr.WithFigures)
				}
			}

			// The same file again, on a healthy connection.
			retry, err := New(st, Limits{}).Ingest(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			cur, err = st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
			if err != nil {
				t.Fatal(err)
			}
			versions := uint64(0)
			for _, c := range cur {
				versions += c.Versions
			}
			subs, _ = st.CurrentSubmissions(ctx, 2021, 2030)
			t.Logf("retry: %s (%d new); readers see %d figures, %d versions in all, %d reports", retry.Outcome, retry.Counts.New, len(cur), versions, len(subs))
			want := queries.UploadAccepted
			if tc.committed {
				want = queries.UploadDuplicate
			}
			if retry.Outcome != want || len(cur) != rows || versions != rows || len(subs) != 5 {
				t.Fatalf("retry: want %s and %d figures of one version each", want, rows)
			}
			if !tc.committed {
				if old, _ := st.FigureHistory(ctx, queries.FigureKey{Indicator: "ind000", Scope: "Z0000", Agency: "BENCH", Year: 2021}); len(old) != 1 || old[0].UploadID != retry.UploadID {
					t.Fatalf("history = %+v", old)
				}
			}
		})
	}
}

// openViaRelay opens a second store on st's database whose connection runs through a
// relay the test can arm to cut it; both close when the test ends.
func openViaRelay(t *testing.T, st *queries.Store) (*cutRelay, *queries.Store) {
	t.Helper()
	cfg := querytest.Config(st.Database())
	relay := newCutRelay(t, cfg.Addr)
	cfg.Addr = relay.ln.Addr().String()
	viaRelay, err := queries.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = viaRelay.Close() })
	return relay, viaRelay
}
