// Package demo loads the real published dataset (figures, targets, zones, agencies,
// key projects of Quảng Ngãi, each with its source) and generates synthetic data for
// scale tests. The CSV files in data/ are copies of ../shared/data plus the small
// tables this project adds (scopes, plans, rounds, the seed's nil report).
package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
)

//go:embed data/*.csv
var dataFiles embed.FS

// Uploader is the name recorded as the uploader of demo rows.
const Uploader = "demo-loader"

// Result says what Load did.
type Result struct {
	UploadID string
	Skipped  bool // the same dataset was loaded before: nothing written
	Figures  int  // figure versions written (unchanged figures are not rewritten)
	Targets  int
}

// Load writes the real dataset. Loading the same dataset again writes nothing;
// loading a changed dataset writes only the figures whose value, status, source or
// note changed (or its price-basis flag), as new versions.
func Load(ctx context.Context, st *queries.Store) (Result, error) {
	sum, size, err := datasetSHA()
	if err != nil {
		return Result{}, err
	}
	if prev, err := st.AcceptedUploadBySHA(ctx, sum, ""); err == nil {
		return Result{UploadID: prev.ID, Skipped: true}, loadReportAnswers(ctx, st, time.Now().UTC())
	} else if !errors.Is(err, queries.ErrNotFound) {
		return Result{}, err
	}
	ds, err := Parse()
	if err != nil {
		return Result{}, err
	}
	now := time.Now().UTC()
	uploadID := "demo-" + sum[:16]
	steps := []func() error{
		func() error { return st.SaveIndicators(ctx, ds.Indicators) },
		func() error { return st.SaveScopes(ctx, ds.Scopes) },
		func() error { return st.SaveZones(ctx, ds.Zones) },
		func() error { return st.SaveAgencies(ctx, ds.Agencies) },
		func() error { return st.SaveProjects(ctx, ds.Projects) },
		func() error { return st.SavePlans(ctx, ds.Plans) },
		func() error { return st.SaveTargets(ctx, ds.Targets) },
		func() error { return st.SaveRounds(ctx, ds.Rounds) },
		func() error { return ingest.SeedAssignments(ctx, st) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	changed, err := changedFigures(ctx, st, ds.Figures)
	if err != nil {
		return Result{}, err
	}
	version := st.NewVersion()
	for i := range changed {
		changed[i].UploadID, changed[i].UploadedBy, changed[i].UploadedAt, changed[i].Version = uploadID, Uploader, now, version
	}
	if err := st.InsertFigures(ctx, changed); err != nil {
		return Result{}, err
	}
	if err := loadSubmissions(ctx, st, ds.Submissions, uploadID, now); err != nil {
		return Result{}, err
	}
	if err := loadReportAnswers(ctx, st, now); err != nil {
		return Result{}, err
	}
	// Recorded last: a load cut short is redone in full by the next start.
	err = st.InsertUpload(ctx, queries.Upload{ID: uploadID, FileName: "ingest/demo/data (published sources)",
		SHA256: sum, Size: size, RowCount: uint32(len(ds.Figures)), Outcome: queries.UploadAccepted,
		UploadedBy: Uploader, UploadedAt: now, SourceKind: queries.KindDemo}, nil)
	if err != nil {
		return Result{}, err
	}
	return Result{UploadID: uploadID, Figures: len(changed), Targets: len(ds.Targets)}, nil
}

// changedFigures drops the figures whose current version already says the same thing.
func changedFigures(ctx context.Context, st *queries.Store, figs []queries.Figure) ([]queries.Figure, error) {
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{})
	if err != nil {
		return nil, err
	}
	have := make(map[queries.FigureKey]queries.CurrentFigure, len(cur))
	for _, c := range cur {
		have[c.FigureKey] = c
	}
	var out []queries.Figure
	for _, f := range figs {
		c, ok := have[f.FigureKey]
		if ok && c.Value.Equal(f.Value) && c.Status == f.Status && c.Source == f.Source && c.Note == f.Note && c.Unit == f.Unit &&
			c.PriceBasisBreak == f.PriceBasisBreak {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

func loadSubmissions(ctx context.Context, st *queries.Store, subs []queries.Submission, uploadID string, now time.Time) error {
	have, err := st.CurrentSubmissions(ctx, 0, 65535)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, h := range have {
		seen[h.Agency+"/"+strconv.Itoa(int(h.Year))] = true
	}
	for _, s := range subs {
		if seen[s.Agency+"/"+strconv.Itoa(int(s.Year))] {
			continue
		}
		s.UploadID, s.SubmittedBy, s.SubmittedAt = uploadID, Uploader, now
		if err := st.InsertSubmission(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// datasetSHA hashes every embedded file, so any edit of the data is a new dataset,
// and adds up their bytes (the size its upload record shows).
func datasetSHA() (string, uint64, error) {
	h := sha256.New()
	names, err := fs.Glob(dataFiles, "data/*.csv")
	if err != nil {
		return "", 0, err
	}
	sort.Strings(names)
	var size uint64
	for _, n := range names {
		b, err := dataFiles.ReadFile(n)
		if err != nil {
			return "", 0, err
		}
		fmt.Fprintf(h, "%s\n%d\n", n, len(b))
		h.Write(b)
		size += uint64(len(b))
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}

// readCSV returns the rows of an embedded file as maps from header to cell.
func readCSV(name string) ([]map[string]string, error) {
	b, err := dataFiles.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []map[string]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", name, line, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = strings.TrimSpace(rec[i])
		}
		out = append(out, row)
	}
}
