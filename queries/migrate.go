package queries

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one numbered .sql file.
type Migration struct {
	Version    uint32
	Name       string
	Statements []string
}

// Migrations lists the embedded migrations in order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.ParseUint(num, 10, 32)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: uint32(v), Name: e.Name(), Statements: splitStatements(string(body))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s share a number", out[i-1].Name, out[i].Name)
		}
	}
	return out, nil
}

// splitStatements cuts a file at semicolons that end a line, dropping comment lines.
func splitStatements(body string) []string {
	var stmts []string
	var cur strings.Builder
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "--") || trimmed == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(trimmed, ";") {
			stmts = append(stmts, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		stmts = append(stmts, s)
	}
	return stmts
}

// Migrate applies the migrations not yet recorded in schema_migrations and returns
// the names it applied. Statements are idempotent (IF NOT EXISTS), so a run cut
// short is finished by the next one. Several servers may start at once: a claim in
// schema_migration_claims (see 0000_migrations.sql) lets one of them apply each
// pending set while the others wait for it. With Config.Cluster every table is
// created Replicated…, on every address in Config.Addr.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	migs, err := Migrations()
	if err != nil {
		return nil, err
	}
	if len(migs) == 0 || migs[0].Version != 0 {
		return nil, fmt.Errorf("migration 0000 (the migrations table) is missing")
	}
	if err := s.applyDDL(ctx, migs[0], false); err != nil {
		return nil, err
	}
	owner := newOwner()
	var applied []string
	for {
		done, err := s.appliedSet(ctx)
		if err != nil {
			return applied, err
		}
		var pending []Migration
		for _, m := range migs[1:] {
			if !done[m.Version] {
				pending = append(pending, m)
			}
		}
		if len(pending) == 0 {
			return applied, nil
		}
		last := pending[len(pending)-1]
		won, err := s.claim(ctx, last.Version, owner)
		if err != nil {
			return applied, err
		}
		if !won {
			if err := s.waitApplied(ctx, last.Version); err != nil {
				return applied, err
			}
			continue
		}
		for _, m := range pending {
			if err := s.applyDDL(ctx, m, true); err != nil {
				if rerr := s.releaseMigrationClaims(ctx, owner); rerr != nil {
					err = fmt.Errorf("%w; %w", err, rerr)
				}
				return applied, err
			}
			if err := s.insertRows(ctx, "INSERT INTO schema_migrations (version, name, applied_at)", 1, func(int) []any {
				return []any{m.Version, m.Name, time.Now().UTC()}
			}); err != nil {
				return applied, fmt.Errorf("record migration %s: %w", m.Name, Classify(err))
			}
			applied = append(applied, m.Name)
		}
	}
}

// How long a claim waits for earlier claims still on their way (an insert in flight on
// this server, or one replicating from the other replica), and how long a claim lives
// before others may take over from a server that died while migrating.
const (
	claimSettleSingle  = 150 * time.Millisecond
	claimSettleCluster = 2 * time.Second
	claimLifetime      = 2 * time.Minute
)

// claim records owner's wish to apply migrations up to version and reports whether
// owner holds the lock: its claim is the earliest live one once the settle time has passed.
func (s *Store) claim(ctx context.Context, version uint32, owner string) (bool, error) {
	now := uint64(time.Now().UnixNano())
	if err := s.insertRows(ctx, "INSERT INTO schema_migration_claims (version, owner, claimed_at)", 1, func(int) []any {
		return []any{version, owner, now}
	}); err != nil {
		return false, fmt.Errorf("claim migration %d: %w", version, Classify(err))
	}
	settle := claimSettleSingle
	if s.cfg.Cluster {
		settle = claimSettleCluster
	}
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-time.After(settle):
	}
	var first string
	err := s.conn.QueryRow(ctx, `SELECT owner FROM schema_migration_claims
		WHERE version = ? AND claimed_at > ? ORDER BY claimed_at, owner LIMIT 1`,
		version, now-uint64(claimLifetime)).Scan(&first)
	if err != nil {
		return false, fmt.Errorf("read migration claims: %w", Classify(err))
	}
	return first == owner, nil
}

// waitApplied waits until version is recorded, or until the claims that stood
// before it have all expired (their server died), when the caller claims again.
func (s *Store) waitApplied(ctx context.Context, version uint32) error {
	for {
		var n, live uint64
		err := s.conn.QueryRow(ctx, `SELECT
			(SELECT count() FROM schema_migrations WHERE version = ?),
			(SELECT count() FROM schema_migration_claims WHERE version = ? AND claimed_at > ?)`,
			version, version, uint64(time.Now().Add(-claimLifetime).UnixNano())).Scan(&n, &live)
		if err != nil {
			return fmt.Errorf("wait for migration %d: %w", version, Classify(err))
		}
		if n > 0 || live == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func (s *Store) appliedSet(ctx context.Context) (map[uint32]bool, error) {
	done := map[uint32]bool{}
	rows, err := s.conn.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", Classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var v uint32
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

func newOwner() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	return host + "/" + hex.EncodeToString(b)
}

// applyDDL runs a migration's statements: on this store's server, or with
// Config.Cluster on every replica in Config.Addr (a Replicated… table is created per
// replica; its rows then replicate by themselves). everyReplica: a replica that does
// not answer is an error; otherwise (migration 0000, run at every start) it is skipped,
// so a server can start while one replica is down.
func (s *Store) applyDDL(ctx context.Context, m Migration, everyReplica bool) error {
	if !s.cfg.Cluster {
		for _, stmt := range m.Statements {
			if err := execTolerant(ctx, s.conn, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, Classify(err))
			}
		}
		return nil
	}
	reached := 0
	for _, addr := range s.cfg.Addrs() {
		one := s.cfg
		one.Addr = addr
		st, err := Open(ctx, one)
		if err != nil {
			if everyReplica {
				return fmt.Errorf("migration %s needs every replica; %s: %w", m.Name, addr, err)
			}
			continue
		}
		for _, stmt := range m.Statements {
			// An ALTER of a Replicated… table reaches every replica through ZooKeeper by
			// itself: run it once, on the first replica that answers.
			if reached > 0 && isAlter(stmt) {
				continue
			}
			if err = execTolerant(ctx, st.conn, ReplicatedDDL(stmt, s.database)); err != nil {
				break
			}
		}
		st.Close()
		if err != nil {
			return fmt.Errorf("migration %s on %s: %w", m.Name, addr, Classify(err))
		}
		reached++
	}
	if reached == 0 {
		return fmt.Errorf("%w: no replica of %s answers", ErrUnavailable, s.cfg.Addr)
	}
	return nil
}

func isAlter(stmt string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(stmt)), "ALTER")
}

// execTolerant runs one DDL statement; two servers creating the same table at the same
// moment may see "already exists" (code 57) despite IF NOT EXISTS, which is success.
func execTolerant(ctx context.Context, conn driver.Conn, stmt string) error {
	err := conn.Exec(ctx, stmt)
	var ex *clickhouse.Exception
	if errors.As(err, &ex) && ex.Code == 57 {
		return nil
	}
	return err
}

var (
	createTableName = regexp.MustCompile(`(?i)CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?` + "`?" + `(\w+)`)
	mergeTreeEngine = regexp.MustCompile(`(?i)ENGINE\s*=\s*(\w*)MergeTree\b(\s*\(([^)]*)\))?`)
)

// ReplicatedDDL turns a CREATE TABLE with a …MergeTree engine into its Replicated…
// counterpart, with the table's ZooKeeper path under /clickhouse/tables/{shard}/<database>/
// and the replica named by the server's {replica} macro. The engine arguments (the
// version column of ReplacingMergeTree) follow the two replication ones. This syntax
// is the same on ClickHouse 18.16 and current releases. Other statements are returned unchanged.
func ReplicatedDDL(stmt, database string) string {
	table := createTableName.FindStringSubmatch(stmt)
	if table == nil {
		return stmt
	}
	return mergeTreeEngine.ReplaceAllStringFunc(stmt, func(engine string) string {
		m := mergeTreeEngine.FindStringSubmatch(engine)
		kind := m[1]
		if strings.HasPrefix(strings.ToLower(kind), "replicated") {
			return engine
		}
		args := "'/clickhouse/tables/{shard}/" + database + "/" + table[1] + "', '{replica}'"
		if extra := strings.TrimSpace(m[3]); extra != "" {
			args += ", " + extra
		}
		return "ENGINE = Replicated" + kind + "MergeTree(" + args + ")"
	})
}

// AppliedMigrations lists the versions recorded in schema_migrations, duplicates included,
// so a test can prove that migrating twice records each migration once.
func (s *Store) AppliedMigrations(ctx context.Context) ([]uint32, error) {
	rows, err := s.conn.Query(ctx, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []uint32
	for rows.Next() {
		var v uint32
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
