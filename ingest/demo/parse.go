package demo

import (
	"fmt"
	"strconv"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// Dataset is the real demo data, parsed.
type Dataset struct {
	Indicators  []queries.Indicator
	Scopes      []queries.Scope
	Zones       []queries.Zone
	Agencies    []queries.Agency
	Projects    []queries.Project
	Plans       []queries.Plan
	Targets     []queries.Target
	Rounds      []queries.Round
	Figures     []queries.Figure
	Submissions []queries.Submission
}

// Parse reads the embedded CSV files. Any malformed cell is an error: the data is ours.
func Parse() (*Dataset, error) {
	p := &parser{}
	ds := &Dataset{}
	rows := p.rows("indicators.csv")
	for i, r := range rows {
		ds.Indicators = append(ds.Indicators, queries.Indicator{Code: r["key"], OutlineSection: r["outline_section"],
			NameVI: r["name_vi"], NameEN: r["name_en"], Unit: r["unit"], Kind: r["kind"], Aggregation: r["aggregation"],
			HigherIsBetter: r["higher_is_better"] == "true", SortOrder: uint16(i + 1)})
	}
	for _, r := range p.rows("scopes.csv") {
		ds.Scopes = append(ds.Scopes, queries.Scope{Code: r["code"], NameVI: r["name_vi"], NameEN: r["name_en"],
			Kind: r["kind"], ValidFrom: p.date(r["valid_from"]), ValidTo: p.date(r["valid_to"]),
			Successor: r["successor"], Note: r["note"], NoteEN: r["note_en"]})
	}
	for _, r := range p.rows("zones.csv") {
		ds.Zones = append(ds.Zones, queries.Zone{Code: r["code"], NameVI: r["name_vi"], Type: r["type"], Parent: r["parent"],
			Location: r["location_before_7_2025"], AreaHa: p.optDec(r["area_ha"]), Status: r["status"], Source: r["source"]})
	}
	for _, r := range p.rows("agencies.csv") {
		ds.Agencies = append(ds.Agencies, queries.Agency{Code: r["code"], NameVI: r["name_vi"], Level: r["level"],
			ValidFrom: p.date(r["valid_from"]), ValidTo: p.date(r["valid_to"]), Successor: r["successor"], Source: r["source"]})
	}
	for _, r := range p.rows("projects.csv") {
		ds.Projects = append(ds.Projects, queries.Project{Code: r["code"], NameVI: r["name_vi"], Zone: r["zone"],
			Investor: r["investor"], CapitalVNDbn: p.optDec(r["capital_vnd_bn"]), Capacity: r["capacity"],
			Milestones: r["milestones"], Status: r["status"], Source: r["source"],
			CapacityEN: r["capacity_en"], MilestonesEN: r["milestones_en"]})
	}
	for _, r := range p.rows("plans.csv") {
		ds.Plans = append(ds.Plans, queries.Plan{Code: r["code"], NameVI: r["name_vi"], NameEN: r["name_en"],
			Document: r["document"], DocumentEN: r["document_en"], PeriodStart: p.year(r["period_start"]), PeriodEnd: p.year(r["period_end"])})
	}
	for _, r := range p.rows("targets.csv") {
		ds.Targets = append(ds.Targets, queries.Target{Plan: r["plan"], Indicator: r["indicator"], Scope: r["scope"],
			PeriodStart: p.year(r["period_start"]), PeriodEnd: p.year(r["period_end"]), Kind: r["kind"],
			Comparator: r["comparator"], ValueMin: p.optDec(r["value_min"]), ValueMax: p.optDec(r["value_max"]),
			Unit: r["unit"], Source: r["source"]})
	}
	for _, r := range p.rows("rounds.csv") {
		ds.Rounds = append(ds.Rounds, queries.Round{Year: p.year(r["year"]), LetterNo: r["letter_no"],
			LetterDate: p.date(r["letter_date"]), Deadline: p.date(r["deadline"])})
	}
	// A price-basis break is data on the figure. figures.csv is the published data as
	// the shared upstream holds it; the breaks we read in its sources are listed beside it.
	breaks := map[queries.FigureKey]bool{}
	for _, r := range p.rows("price_basis.csv") {
		breaks[queries.FigureKey{Indicator: r["indicator"], Scope: r["scope"], Agency: ReportingAgency(r["scope"]), Year: p.year(r["year"])}] = true
	}
	for _, r := range p.rows("figures.csv") {
		key := queries.FigureKey{Indicator: r["indicator"], Scope: r["scope"], Agency: ReportingAgency(r["scope"]), Year: p.year(r["year"])}
		ds.Figures = append(ds.Figures, queries.Figure{
			FigureKey: key,
			Value:     p.dec(r["value"]), Unit: r["unit"], Status: r["status"], Source: r["source"], Note: r["note"],
			NoteEN: r["note_en"], PriceBasisBreak: breaks[key]})
		delete(breaks, key)
	}
	for k := range breaks {
		if p.err == nil {
			p.err = fmt.Errorf("price_basis.csv: no figure %d %s %s", k.Year, k.Indicator, k.Scope)
		}
	}
	for _, r := range p.rows("submissions.csv") {
		ds.Submissions = append(ds.Submissions, queries.Submission{Agency: r["agency"], Year: p.year(r["year"]),
			Status: r["status"], LetterNo: r["letter_no"], LetterDate: p.date(r["letter_date"]), Signer: r["signer"], Note: r["note"]})
	}
	if p.err != nil {
		return nil, p.err
	}
	return ds, nil
}

// ReportingAgency attributes a published figure to the agency that produces such
// figures: the statistics office for the province, the EZ and parks board for zones.
// The figure's source still names the publication it was read in.
func ReportingAgency(scope string) string {
	switch scope {
	case "province_old", "province_new":
		return "CTK"
	case "national":
		return ""
	default:
		return "BQL"
	}
}

// parser keeps the first error so Parse reads as a list of fields.
type parser struct{ err error }

func (p *parser) rows(name string) []map[string]string {
	if p.err != nil {
		return nil
	}
	rows, err := readCSV(name)
	if err != nil {
		p.err = err
	}
	return rows
}

func (p *parser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

func (p *parser) year(s string) uint16 {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1900 || n > 2100 {
		p.fail("bad year %q", s)
	}
	return uint16(n)
}

func (p *parser) dec(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		p.fail("bad number %q", s)
	}
	return d
}

func (p *parser) optDec(s string) *decimal.Decimal {
	if s == "" {
		return nil
	}
	d := p.dec(s)
	return &d
}

func (p *parser) date(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		p.fail("bad date %q", s)
		return nil
	}
	return &t
}
