package queries

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// ddl is one migration statement as the convergence needs to know it: which table it
// creates or which column it adds or changes, so that each replica can be checked
// (system.columns) before anything runs there.
type ddl struct {
	stmt   string
	kind   ddlKind
	table  string
	column string
	typ    string // MODIFY COLUMN: the new type, spaces removed
}

type ddlKind int

const (
	ddlOther  ddlKind = iota // data (INSERT … SELECT): run once, when the migration is not yet recorded
	ddlCreate                // CREATE TABLE: every replica holds its own copy
	ddlAdd                   // ALTER … ADD COLUMN: reaches every replica through ZooKeeper
	ddlModify                // ALTER … MODIFY COLUMN: likewise
)

var alterColumn = regexp.MustCompile("(?is)^ALTER\\s+TABLE\\s+`?(\\w+)`?\\s+(ADD|MODIFY)\\s+COLUMN\\s+`?(\\w+)`?\\s+(.*)$")

// columnType cuts what follows a column's type in ADD/MODIFY COLUMN.
var typeEnd = regexp.MustCompile(`(?i)\s+(DEFAULT|MATERIALIZED|ALIAS|AFTER|FIRST|COMMENT)\b`)

func parseDDL(stmt string) ddl {
	d := ddl{stmt: stmt}
	trimmed := strings.TrimSpace(stmt)
	if m := createTableName.FindStringSubmatch(trimmed); m != nil && strings.HasPrefix(strings.ToUpper(trimmed), "CREATE") {
		d.kind, d.table = ddlCreate, m[1]
		return d
	}
	// One action per ALTER, as every migration writes them; anything else is run once.
	if m := alterColumn.FindStringSubmatch(trimmed); m != nil && !strings.Contains(m[4], ",\n") {
		d.table, d.column = m[1], m[3]
		if strings.EqualFold(m[2], "ADD") {
			d.kind = ddlAdd
			return d
		}
		typ := m[4]
		if loc := typeEnd.FindStringIndex(typ); loc != nil {
			typ = typ[:loc[0]]
		}
		d.kind, d.typ = ddlModify, squeeze(typ)
		return d
	}
	return d
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// schema is one replica's tables and columns (name → type) in the store's database.
type schema map[string]map[string]string

func readSchema(ctx context.Context, s *Store) (schema, error) {
	rows, err := s.conn.Query(ctx, "SELECT table, name, type FROM system.columns WHERE database = ?", s.database)
	if err != nil {
		return nil, fmt.Errorf("read system.columns: %w", Classify(err))
	}
	defer rows.Close()
	out := schema{}
	for rows.Next() {
		var table, name, typ string
		if err := rows.Scan(&table, &name, &typ); err != nil {
			return nil, err
		}
		if out[table] == nil {
			out[table] = map[string]string{}
		}
		out[table][name] = squeeze(typ)
	}
	return out, rows.Err()
}

// holds reports whether a replica with this schema already has what d makes. Data
// statements (ddlOther) cannot be checked; the migration's record decides for them.
func (sc schema) holds(d ddl) bool {
	cols, ok := sc[d.table]
	switch d.kind {
	case ddlCreate:
		return ok
	case ddlAdd:
		_, has := cols[d.column]
		return has
	case ddlModify:
		return cols[d.column] == d.typ
	}
	return true
}
