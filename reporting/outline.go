package reporting

import (
	"context"
	"fmt"
	"strconv"

	"github.com/quangngai/chitieu/domain"
)

// SetRoundOutline names the outline a year's round answers, and audits it.
func (s *Service) SetRoundOutline(ctx context.Context, year uint16, code string, by domain.Actor) error {
	if err := s.Store.SetRoundOutline(ctx, year, code); err != nil {
		return outlineErr(err, code)
	}
	return s.audit(ctx, by, domain.AuditEvent{Action: "round.outline", ObjectKind: "round", ObjectID: strconv.Itoa(int(year)), Detail: code})
}

// CopyOutline copies an outline under a new code (a new round's outline), and audits it.
func (s *Service) CopyOutline(ctx context.Context, from, to, name string, by domain.Actor) error {
	if err := s.Store.CopyOutline(ctx, from, to, name); err != nil {
		if e := outlineErr(err, from); e != err {
			return e
		}
		return domain.NewError(domain.Invalid, "rule.rep.copyfailed", err.Error())
	}
	return s.audit(ctx, by, domain.AuditEvent{Action: "outline.copy", ObjectKind: "outline", ObjectID: to, Detail: "từ " + from + ": " + name})
}

// SaveOutline writes an outline's whole item list: items no longer listed are
// deleted (answers already written keep their own titles); an item keeps the guidance
// it had. An empty name keeps the outline's. Audited.
func (s *Service) SaveOutline(ctx context.Context, code, name string, items []domain.OutlineItem, by domain.Actor) error {
	o, err := s.Store.OutlineByCode(ctx, code)
	if err != nil {
		return outlineErr(err, code)
	}
	seen := map[string]bool{}
	for i, it := range items {
		seen[it.Number] = true
		for _, old := range o.Items {
			if old.Number == it.Number && it.Guidance == "" {
				items[i].Guidance = old.Guidance
			}
		}
	}
	if name != "" {
		o.Name = name
	}
	old := o.Items
	o.Items = items
	if err := s.Store.SaveOutline(ctx, o); err != nil {
		return err
	}
	for _, it := range old {
		if !seen[it.Number] {
			if err := s.Store.DeleteOutlineItem(ctx, o.Code, it.Number); err != nil {
				return err
			}
		}
	}
	return s.audit(ctx, by, domain.AuditEvent{Action: "outline.save", ObjectKind: "outline", ObjectID: o.Code, Detail: fmt.Sprintf("%d mục", len(items))})
}
