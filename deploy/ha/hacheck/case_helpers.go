package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// Helpers of the replicated-deployment cases (three replicas, quorum writes).

var replicas = []string{"ch1", "ch2", "ch3"}

// fetches stops or starts a replica's fetching of parts written on the others, for the
// tables named: the way to make "a replica behind" happen on purpose.
func fetches(replica string, start bool, tables ...string) error {
	verb := "STOP"
	if start {
		verb = "START"
	}
	for _, t := range tables {
		if out, err := ch(replica, "SYSTEM "+verb+" FETCHES "+database+"."+t); err != nil {
			return fmt.Errorf("%s FETCHES %s on %s: %v %s", verb, t, replica, err, out)
		}
	}
	return nil
}

// addAgencies adds agencies of the fault cases (assigned every HA indicator and zone).
func addAgencies(codes ...string) error {
	ctx := context.Background()
	st, err := queries.Open(ctx, queries.Config{Addr: addrList(replicas...), User: "default", Database: database, Cluster: true})
	if err != nil {
		return err
	}
	defer st.Close()
	var ags []queries.Agency
	var as []queries.Assignment
	for _, c := range codes {
		ags = append(ags, queries.Agency{Code: c, NameVI: "Đơn vị kiểm thử " + c, Level: "province"})
		as = append(as, queries.Assignment{Agency: c, Indicator: "*", Scope: "zone:*"})
	}
	if err := st.SaveAgencies(ctx, ags); err != nil {
		return err
	}
	return st.SaveAssignments(ctx, as)
}

// webEnv is the environment of a chitieu process of the deployment, reading
// ClickHouse at addrs (in that order).
func webEnv(addrs string, extra ...string) []string {
	env := append(os.Environ(), "CLICKHOUSE_ADDR="+addrs, "CLICKHOUSE_DATABASE="+database, "CHITIEU_CLUSTER=true",
		"CHITIEU_TRUSTED_PROXIES=127.0.0.1", "CHITIEU_ADMIN_PASSWORD="+password, "CHITIEU_UPLOAD_LIMIT_MB=100",
		"CHITIEU_LOG_LEVEL=warn")
	return append(env, extra...)
}

// extraServer starts one more chitieu server on port, reading the replicas in the
// order given (the deployment's servers read ch1 first): a server "on the other
// replica". stop ends it.
func extraServer(port string, rs ...string) (base string, stop func(), err error) {
	return extraServerEnv(port, nil, rs...)
}

// extraServerEnv is extraServer with more settings (NAME=value).
func extraServerEnv(port string, env []string, rs ...string) (base string, stop func(), err error) {
	cmd := exec.Command(filepath.Join(top, "bin", "chitieu"), "serve")
	cmd.Env = webEnv(addrList(rs...), append([]string{"CHITIEU_ADDR=127.0.0.1:" + port}, env...)...)
	logf, _ := os.Create(filepath.Join(haDir, "extra-"+port+".log"))
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop = func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if logf != nil {
			logf.Close()
		}
	}
	base = "http://127.0.0.1:" + port
	for i := 0; i < 120; i++ {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base, stop, nil
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	stop()
	return "", nil, fmt.Errorf("extra server on %s did not become ready", port)
}

// ingestCLI runs `chitieu ingest` of file for agency with ClickHouse at addrs.
func ingestCLI(addrs, agency, file string, extra ...string) (string, error) {
	cmd := exec.Command(filepath.Join(top, "bin", "chitieu"), "ingest", "--agency", agency, file)
	cmd.Env = webEnv(addrs, extra...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// restartWebs restarts web1 and web2, so they connect to ch1 (first in their list)
// at once instead of after their 30 s connection renewal.
func restartWebs() error {
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return err
	}
	return script("start.sh", "web1", "web2")
}

// currentValues is agency's current committed figures on a replica: key → value text.
func currentValues(replica, agency string) (map[string]string, error) {
	out, err := ch(replica, `SELECT indicator, scope, year, toString(argMax(value, version)) FROM figures
		WHERE agency = '`+agency+`' AND upload_id IN (SELECT id FROM uploads WHERE outcome = 'accepted')
		GROUP BY indicator, scope, year HAVING argMax(withdrawn, version) = 0`)
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, out)
	}
	m := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 4 {
			m[f[0]+"|"+f[1]+"|"+f[2]] = strings.TrimRight(strings.TrimRight(f[3], "0"), ".")
		}
	}
	return m, nil
}

// csvValues is what csvRows wrote: key → value text as currentValues gives it.
func csvValues(csv []byte) map[string]string {
	m := map[string]string{}
	for i, line := range strings.Split(string(csv), "\n") {
		f := strings.Split(line, ",")
		if i == 0 || len(f) < 5 {
			continue
		}
		v := f[4]
		if strings.Contains(v, ".") {
			v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
		}
		m[f[0]+"|"+f[1]+"|"+f[3]] = v
	}
	return m
}

// writeTemp writes b to a file under the deployment's directory.
func writeTemp(name string, b []byte) (string, error) {
	p := filepath.Join(haDir, name)
	return p, os.WriteFile(p, b, 0o644)
}
