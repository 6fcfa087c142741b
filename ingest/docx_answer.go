package ingest

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/letter"
	"github.com/quangngai/chitieu/locale"
	rules "github.com/quangngai/chitieu/plan" // ingest has its own plan()
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// ErrNotDocx means the file is not a letter that can be read.
var ErrNotDocx = report.ErrNotDocx

// ParseDocxAnswer reads an agency's reply letter in any form package letter reads
// (.docx, .doc, PDF, signed PDF, scan) and places it along the round's outline for the
// preview. moves are the analyst's choices from the preview (paragraph key → item, table
// row key → project code or policy status); nil for none.
func ParseDocxAnswer(data []byte, o queries.Outline, projects []queries.Project, moves map[string]string) (report.DocxAnswer, error) {
	l, err := letter.Read(context.Background(), data, letter.DefaultLimits)
	if err != nil {
		var le *letter.Error
		if errors.As(err, &le) {
			if errors.Is(err, letter.ErrFormat) {
				return report.DocxAnswer{}, &report.ReadError{Key: le.Key, Args: le.Args, Err: report.ErrNotDocx}
			}
			return report.DocxAnswer{}, &report.ReadError{Key: le.Key, Args: le.Args, Err: le.Err}
		}
		return report.DocxAnswer{}, err
	}
	items := make([]letter.Item, 0, len(o.Items))
	for _, it := range o.Items {
		items = append(items, letter.Item{Number: it.Number, Title: it.Title, Kind: it.Kind, Guidance: it.Guidance})
	}
	cat := make([]letter.Project, 0, len(projects))
	for _, p := range projects {
		cat = append(cat, letter.Project{Code: p.Code, Name: p.NameVI})
	}
	res := letter.Match(l, items, cat, letter.Options{Moves: moves,
		Limits: letter.AnswerLimits{ItemText: report.AnswerTextMax, TableRows: report.AnswerPoliciesMax}})
	return answerOf(l, res, o, moves), nil
}

// answerOf turns the placement into what the preview shows and what a confirm saves.
func answerOf(l letter.Letter, res letter.Result, o queries.Outline, moves map[string]string) report.DocxAnswer {
	var out report.DocxAnswer
	out.Format, out.Nil, out.Moves = l.Format, res.Nil, moves
	for _, n := range l.Notes {
		// Worded here: the preview's JSON is archived with the upload as both texts.
		out.Notes = append(out.Notes, report.DocxProblem{VI: locale.Render("vi", n), EN: locale.Render("en", n), Error: false})
	}
	if l.Signature != nil {
		out.SignatureVI, out.SignatureEN = l.Signature.Text()
	}
	titles := map[string]string{}
	for _, it := range o.Items {
		titles[it.Number] = it.Title
	}
	place := map[string]*report.DocxPlacement{}
	var order []string
	for _, d := range res.Decisions {
		p := report.DocxParagraph{Key: d.Key(), Para: d.Block, Row: d.Row, Text: d.Text, State: d.State, Item: d.Item,
			Heading: d.Heading, VI: d.Words("vi"), EN: d.Words("en"), Error: d.Error}
		_, p.Moved = moves[p.Key]
		for _, pk := range d.Picks {
			p.Picks = append(p.Picks, report.DocxPick{Value: pk.Value, Label: pk.Label})
		}
		out.Paragraphs = append(out.Paragraphs, p)
		if d.Error {
			out.Problems = append(out.Problems, report.DocxProblem{Para: d.Block, Error: true,
				VI: locale.Text("vi", "let.para.problem", d.Block, d.Words("vi")), EN: locale.Text("en", "let.para.problem", d.Block, d.Words("en"))})
		}
		if d.Item == "" || d.Item == letter.NilItem || d.State == letter.LeftOut || d.State == letter.Unplaced {
			continue
		}
		pl := place[d.Item]
		if pl == nil {
			pl = &report.DocxPlacement{Item: d.Item, Title: titles[d.Item], Heading: d.Block}
			place[d.Item] = pl
			order = append(order, d.Item)
		}
		switch {
		case d.Heading:
		case d.Row > 0:
			pl.Rows++
		default:
			pl.Paragraphs++
			if pl.Excerpt == "" {
				pl.Excerpt = d.Text
			}
		}
	}
	for _, num := range order {
		out.Placements = append(out.Placements, *place[num])
	}
	for _, p := range res.Problems {
		out.Problems = append(out.Problems, report.DocxProblem{Error: p.Error, VI: p.Words("vi"), EN: p.Words("en")})
	}
	for _, it := range res.Items {
		out.Answer.Items = append(out.Answer.Items, queries.AnswerItem{Number: it.Number, Title: it.Title, Text: report.CleanText(it.Text), Nothing: it.Nothing})
	}
	for _, p := range res.Projects {
		out.Answer.Projects = append(out.Answer.Projects, queries.ProjectProgress{Project: p.Code, Status: report.CleanText(p.Status), Percent: p.Percent,
			Milestones: report.CleanText(p.Progress), Obstacles: report.CleanText(p.Obstacles), Proposals: report.CleanText(p.Proposals)})
	}
	for _, p := range res.Policies {
		pd := queries.PolicyDoc{Key: strconv.Itoa(len(out.Answer.Policies) + 1), Number: report.CleanText(p.Number), Title: report.CleanText(p.Title),
			Issuer: report.CleanText(p.Issuer), Status: p.Status}
		if pd.Status == "" {
			pd.Status = queries.PolicyDrafted // the preview warned and offered the choice
		}
		if d, ok := rules.ParseFormDate(p.Date); ok {
			pd.Date = &d
		}
		out.Answer.Policies = append(out.Answer.Policies, pd)
	}
	det := res.Details
	out.Answer.Letter = queries.AnswerLetter{Number: det.Number, Signer: det.Signer, Position: det.Position}
	if d, ok := rules.ParseFormDate(det.Date); ok {
		out.Answer.Letter.Date = &d
	}
	if l.Signature != nil && strings.TrimSpace(out.Answer.Letter.Signer) == "" {
		out.Notes = append(out.Notes, report.DocxProblem{VI: locale.Text("vi", "let.note.nosigner", l.Signature.Signer),
			EN: locale.Text("en", "let.note.nosigner", l.Signature.Signer)})
	}
	return out
}
