package reporting

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// RoundRequest opens (or re-opens) a year's round, with dates as typed (DD/MM/YYYY or
// YYYY-MM-DD). An empty letter number or date keeps the round's current one: the
// rounds table keeps only a year's newest row, so a form that does not show a field
// must not erase it. An empty outline keeps the round's outline; a round without one
// opens from the template (domain.TemplateOutline). An outline with year placeholders
// is copied to the round's own, DC-<year>, placeholders resolved.
type RoundRequest struct {
	Year       uint16
	LetterNo   string
	LetterDate string
	Deadline   string // required for a new round; empty keeps an open round's
	Outline    string
	Document   DocumentFields
}

// OpenRound checks the request (the outline first, so a typo changes nothing), writes
// the round and its outline, and audits it. It returns the round as stored and the
// outline it answers. Broken rules are *domain.Error.
func (s *Service) OpenRound(ctx context.Context, req RoundRequest, by domain.Actor) (domain.Round, string, error) {
	if !plan.ValidYear(int(req.Year)) {
		return domain.Round{}, "", domain.NewError(domain.Invalid, "rule.rep.year")
	}
	deadline, err := ParseDate(req.Deadline, "rule.rep.deadlinelabel")
	if err != nil {
		return domain.Round{}, "", err
	}
	letterDate, err := ParseDate(req.LetterDate, "rule.rep.letterdatelabel")
	if err != nil {
		return domain.Round{}, "", err
	}
	outline, resolved, err := s.roundOutline(ctx, req.Year, req.Outline)
	if err != nil {
		return domain.Round{}, "", err
	}
	doc, err := s.Document(ctx, req.Year)
	if err != nil {
		return domain.Round{}, "", err
	}
	if err := s.applyFields(ctx, &doc, req.Document); err != nil {
		return domain.Round{}, "", err
	}
	r := domain.Round{Year: req.Year, LetterNo: strings.TrimSpace(req.LetterNo), LetterDate: letterDate, Deadline: deadline}
	rounds, err := s.Store.Rounds(ctx)
	if err != nil {
		return domain.Round{}, "", err
	}
	for _, old := range rounds {
		if old.Year != r.Year {
			continue
		}
		if r.LetterNo == "" {
			r.LetterNo = old.LetterNo
		}
		if r.LetterDate == nil {
			r.LetterDate = old.LetterDate
		}
		if r.Deadline == nil {
			r.Deadline = old.Deadline
		}
	}
	if r.Deadline == nil {
		return domain.Round{}, "", domain.NewError(domain.Invalid, "rule.rep.deadline")
	}
	if err := s.Store.SaveRounds(ctx, []domain.Round{r}); err != nil {
		return domain.Round{}, "", err
	}
	if err := s.Store.SaveRoundDocument(ctx, doc); err != nil {
		return domain.Round{}, "", err
	}
	if outline.Code != "" {
		if resolved {
			if err := s.Store.SaveOutline(ctx, outline); err != nil {
				return domain.Round{}, "", err
			}
		}
		if err := s.Store.SetRoundOutline(ctx, r.Year, outline.Code); err != nil {
			return domain.Round{}, "", outlineErr(err, outline.Code)
		}
	}
	code, err := s.Store.RoundOutlineCode(ctx, r.Year)
	if err != nil {
		return r, "", err
	}
	detail := fmt.Sprintf("công văn %s ngày %s, hạn %s, đề cương %s, %s", r.LetterNo, dateText(r.LetterDate), dateText(r.Deadline), code,
		documentDetail(doc))
	err = s.audit(ctx, by, domain.AuditEvent{Action: "round.open", ObjectKind: "round", ObjectID: strconv.Itoa(int(r.Year)), Detail: detail})
	return r, code, err
}

// roundOutline is the outline a round opens with: the one named, or for a round
// without one its own DC-<year> when it exists, else the template. A template (year
// placeholders) comes back resolved as DC-<year>, to be saved (resolved is true); when
// DC-<year> exists already it is kept as edited. An empty Code: keep the round's outline.
func (s *Service) roundOutline(ctx context.Context, year uint16, named string) (o domain.Outline, resolved bool, err error) {
	own := fmt.Sprintf("DC-%d", year)
	if named == "" {
		has, err := s.Store.HasRoundOutline(ctx, year)
		if err != nil || has {
			return domain.Outline{}, false, err
		}
		named = domain.TemplateOutline
		if _, err := s.Store.OutlineByCode(ctx, own); err == nil {
			named = own
		} else if !errors.Is(err, domain.ErrOutlineUnknown) {
			return domain.Outline{}, false, err
		}
	}
	o, err = s.Store.OutlineByCode(ctx, named)
	if err != nil {
		if named == domain.TemplateOutline && errors.Is(err, domain.ErrOutlineUnknown) {
			return domain.Outline{}, false, nil // no template (deleted): the default outline stays
		}
		return domain.Outline{}, false, outlineErr(err, named)
	}
	if !o.HasPlaceholders() {
		return o, false, nil
	}
	if existing, err := s.Store.OutlineByCode(ctx, own); err == nil {
		existing.Items = nil // already resolved and maybe edited: named, not rewritten
		return existing, false, nil
	} else if !errors.Is(err, domain.ErrOutlineUnknown) {
		return domain.Outline{}, false, err
	}
	return o.ResolvedFor(year, own), true, nil
}

// ParseDate reads a date a person typed (plan.ParseFormDate); empty is nil. label
// is the catalogue key naming the field in the error.
func ParseDate(s string, label domain.Phrase) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	t, ok := plan.ParseFormDate(s)
	if !ok {
		return nil, domain.NewError(domain.Invalid, "rule.rep.date", label, shorten(s))
	}
	return &t, nil
}

func outlineErr(err error, code string) error {
	if errors.Is(err, domain.ErrOutlineUnknown) {
		return domain.NewError(domain.Invalid, "rule.rep.nooutline", shorten(code))
	}
	return err
}

func dateText(t *time.Time) string {
	if t == nil {
		return "…"
	}
	return t.Format("02/01/2006")
}

// shorten keeps what a person typed short enough for a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
