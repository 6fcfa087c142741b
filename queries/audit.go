package queries

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// RecordAudit appends events to the audit trail; At defaults to now. The error means
// nothing was recorded.
func (s *Store) RecordAudit(ctx context.Context, events ...AuditEvent) error {
	now := time.Now()
	for i := range events {
		e := &events[i]
		if e.At.IsZero() {
			e.At = now
		}
		e.NS = uint64(e.At.UnixNano()) + uint64(i)
		e.Actor = clip(e.Actor, 200)
		e.UserAgent = clip(e.UserAgent, 300)
		e.Detail = clip(e.Detail, 4000)
	}
	err := s.insertRows(ctx, `INSERT INTO audit_log (at, ns, actor, action, object_kind, object_id, agency,
		detail, ip, user_agent)`, len(events), func(i int) []any {
		e := events[i]
		return []any{e.At.UTC(), e.NS, e.Actor, e.Action, e.ObjectKind, e.ObjectID, e.Agency, e.Detail, e.IP, e.UserAgent}
	})
	if err != nil {
		return fmt.Errorf("record audit: %w", err)
	}
	return nil
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// AuditFilter narrows an audit read; empty fields match everything. Action matches a
// prefix ("user." finds every user change). Text searches object id and detail.
type AuditFilter struct {
	Actor  string
	Action string
	Agency string
	Text   string
	From   time.Time // inclusive
	To     time.Time // exclusive
	Limit  int       // 0: 500
	Offset int
}

func (f AuditFilter) where() (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	if f.Actor != "" {
		conds = append(conds, "actor = ?")
		args = append(args, f.Actor)
	}
	if f.Action != "" {
		conds = append(conds, "startsWith(action, ?)")
		args = append(args, f.Action)
	}
	if f.Agency != "" {
		conds = append(conds, "agency = ?")
		args = append(args, f.Agency)
	}
	if f.Text != "" {
		conds = append(conds, "(positionCaseInsensitiveUTF8(object_id, ?) > 0 OR positionCaseInsensitiveUTF8(detail, ?) > 0)")
		args = append(args, f.Text, f.Text)
	}
	if !f.From.IsZero() {
		conds = append(conds, "at >= ?")
		args = append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		conds = append(conds, "at < ?")
		args = append(args, f.To.UTC())
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// AuditEvents lists matching events, newest first.
func (s *Store) AuditEvents(ctx context.Context, f AuditFilter) ([]AuditEvent, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	where, args := f.where()
	args = append(args, uint64(f.Offset), uint64(f.Limit))
	rows, err := s.conn.Query(ctx, `SELECT at, ns, actor, action, object_kind, object_id, agency, detail, ip, user_agent
		FROM audit_log `+where+` ORDER BY at DESC, ns DESC LIMIT ?, ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("audit events: %w", err)
	}
	defer rows.Close()
	var out []AuditEvent
	for rows.Next() {
		var e AuditEvent
		if err := rows.Scan(&e.At, &e.NS, &e.Actor, &e.Action, &e.ObjectKind, &e.ObjectID, &e.Agency, &e.Detail,
			&e.IP, &e.UserAgent); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
