package queries

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
