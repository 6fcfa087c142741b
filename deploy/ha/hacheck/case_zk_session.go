package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// tcpProxy forwards a port to ZooKeeper until cut: then it refuses and drops every
// connection, as a firewall rule would (iptables may be unavailable here).
type tcpProxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newTCPProxy(target string) (*tcpProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &tcpProxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	return p, nil
}

func (p *tcpProxy) port() string { return strings.TrimPrefix(p.ln.Addr().String(), "127.0.0.1:") }

func (p *tcpProxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

type readyzBody struct {
	Status    string   `json:"status"`
	Replica   string   `json:"replica"`
	Reasons   []string `json:"reasons"`
	ReasonsEN []string `json:"reasons_en"`
}

func readyzOf(name string) (int, readyzBody) {
	var b readyzBody
	resp, err := http.Get(web[name] + "/readyz")
	if err != nil {
		return 0, b
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(&b)
	return resp.StatusCode, b
}

// Case 20. ch1, the replica both servers prefer, loses its ZooKeeper session (its ZooKeeper
// connection runs through a proxy that the case cuts). ch1 still answers but can no
// longer write: uploads must go to ch2, and /readyz must say "degraded" and why.
func caseZooKeeperSessionCut() (bool, string) {
	var ev strings.Builder
	proxy, err := newTCPProxy("127.0.0.1:" + port(19281))
	if err != nil {
		return false, err.Error()
	}
	defer proxy.cut()
	if err := script("stop.sh", "ch1"); err != nil {
		return false, err.Error()
	}
	defer func() { _ = script("stop.sh", "ch1"); _ = script("start.sh", "ch1") }()
	if err := scriptEnv([]string{"CH_ZK_PORT=" + proxy.port()}, "start.sh", "ch1"); err != nil {
		return false, err.Error()
	}
	back := waitFor(90*time.Second, func() bool {
		for _, w := range []string{"web1", "web2"} {
			if _, b := readyzOf(w); b.Replica != chAddr("ch1") || b.Status != "ready" {
				return false
			}
		}
		return true
	})
	fmt.Fprintf(&ev, "ch1 restarted with its ZooKeeper through a proxy; both servers back on ch1 and ready: %v\n", back)
	proxy.cut()
	cut := time.Now()
	var code int
	var b readyzBody
	// The probes record each replica as it answers and choose once all have: for up to a
	// probe's deadline /readyz can say "degraded" while still naming ch1.
	degraded := waitFor(30*time.Second, func() bool {
		code, b = readyzOf("web1")
		return b.Status == "degraded" && b.Replica == chAddr("ch2")
	})
	fmt.Fprintf(&ev, "proxy cut; web1 /readyz after %.1f s: HTTP %d %s, replica %s, reasons %q\n", time.Since(cut).Seconds(), code, b.Status, b.Replica, b.Reasons)
	ok := back && degraded && code == 200 && b.Replica == chAddr("ch2") && len(b.Reasons) > 0
	ro, _ := ch("ch1", "SELECT max(is_readonly), max(is_session_expired) FROM system.replicas WHERE database = currentDatabase()")
	fmt.Fprintf(&ev, "ch1 system.replicas (is_readonly, is_session_expired): %s\n", strings.ReplaceAll(ro, "\t", ", "))
	br := newBrowser()
	if err := br.signIn(lb); err != nil {
		return false, ev.String() + err.Error() + "\n" + sessionWhere(br)
	}
	accepted := 0
	for i := 0; i < 3; i++ {
		c, body, err := br.upload(lb, "HA3", csvRows("HA3", 100, int(time.Now().UnixNano()%1000000)))
		fmt.Fprintf(&ev, "upload %d through haproxy: HTTP %d %v %s\n", i+1, c, err, short(body, 120))
		if c == 200 {
			accepted++
		} else {
			ev.WriteString(claimsOf("HA3"))
		}
	}
	return ok && accepted == 3, ev.String()
}

// sessionWhere says which replicas hold the browser's session and each web server's
// replica health: evidence for a sign-in whose session the next request did not find.
func sessionWhere(br *browser) string {
	var out strings.Builder
	sum := sha256.Sum256([]byte(br.session))
	for _, r := range replicas {
		n, err := ch(r, "SELECT count(), max(version), max(issued) FROM sessions WHERE token_hash = '"+hex.EncodeToString(sum[:])+"'")
		fmt.Fprintf(&out, "session on %s: %s %v\n", r, strings.ReplaceAll(n, "\t", ", "), err)
		u, err := ch(r, "SELECT version, sessions_after FROM users FINAL WHERE username = 'admin'")
		fmt.Fprintf(&out, "admin on %s (version, sessions_after): %s %v\n", r, strings.ReplaceAll(u, "\t", ", "), err)
	}
	// The same cookie straight to each server, now and a little later: which server does
	// not find the session, and whether it finds it once the replicas settle.
	for _, wait := range []time.Duration{0, 2 * time.Second} {
		time.Sleep(wait)
		for _, w := range []string{"web1", "web2"} {
			req, _ := http.NewRequest(http.MethodGet, web[w]+"/upload", nil)
			req.AddCookie(&http.Cookie{Name: "chitieu_session", Value: br.session})
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				fmt.Fprintf(&out, "after %v, %s /upload with the cookie: %v\n", wait, w, err)
				continue
			}
			resp.Body.Close()
			fmt.Fprintf(&out, "after %v, %s /upload with the cookie: %d %s\n", wait, w, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	for _, w := range []string{"web1", "web2"} {
		code, b := readyzOf(w)
		fmt.Fprintf(&out, "%s /readyz: %d %s %s %q\n", w, code, b.Status, b.Replica, b.Reasons)
	}
	return out.String()
}

// claimsOf is each replica's latest upload claims of an agency: evidence for a refusal
// that names a claim nobody should still hold.
func claimsOf(agency string) string {
	var out strings.Builder
	for _, r := range replicas {
		rows, err := ch(r, "SELECT claimed_at, claim, released, host, channel, upload_id FROM upload_claims WHERE agency = '"+agency+
			"' ORDER BY claimed_at DESC LIMIT 12 FORMAT TSV")
		fmt.Fprintf(&out, "  claims on %s at %s (%v):\n    %s\n", r, time.Now().Format("15:04:05"), err, strings.ReplaceAll(rows, "\n", "\n    "))
	}
	return out.String()
}
