// Package ingest turns analysts' uploads (the .xlsx template, CSV bulk files, JSON from
// the API) into validated figures and writes them through queries: every error of a file
// at once, located and in Vietnamese and English; nothing written from a file with an
// error; the figures of a good file made visible at once by one commit marker; every
// file archived.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/quangngai/chitieu/queries"
)

// Limits bound what one upload may cost. Zero fields take the defaults.
type Limits struct {
	MaxBytes          int64         // largest file (default 20 MB)
	MaxRows           int           // most figure rows (default 1,000,000)
	MaxErrors         int           // errors listed in a report; all are counted (default 1,000)
	MaxItems          int           // preview items kept in a report (default 2,000)
	UnzipSizeLimit    int64         // .xlsx: total unpacked size (default 256 MB): zip bombs
	UnzipXMLSizeLimit int64         // .xlsx: sheet XML kept in memory, larger goes to a temp file (default 16 MB)
	Timeout           time.Duration // reading and checking one file (default 2 min)
	MaxSharedStrings  int           // .xlsx: distinct shared strings (default 1,000,000)
	MaxCells          int           // .xlsx: cells in all worksheets (default 10,000,000)
	MaxConcurrent     int           // uploads read and written at once (default 2); others queue
	QueueWait         time.Duration // how long a queued upload waits for its turn (default 2 min)
	ClaimWait         time.Duration // waiting for another upload of the same agency and year (default: the claim lapse + 15 s)
	// ExcelizeOnly reads .xlsx data sheets with excelize alone, without the fast
	// scanner of xlsx_scan.go (tests compare both paths).
	ExcelizeOnly bool
}

func (l Limits) withDefaults() Limits {
	defaultIfUnset(&l.MaxBytes, 20<<20)
	defaultIfUnset(&l.MaxRows, 1_000_000)
	defaultIfUnset(&l.MaxErrors, 1000)
	defaultIfUnset(&l.MaxItems, 2000)
	defaultIfUnset(&l.UnzipSizeLimit, 256<<20)
	defaultIfUnset(&l.UnzipXMLSizeLimit, 16<<20)
	l.UnzipXMLSizeLimit = min(l.UnzipXMLSizeLimit, l.UnzipSizeLimit)
	defaultIfUnset(&l.MaxSharedStrings, 1_000_000)
	defaultIfUnset(&l.MaxCells, 10_000_000)
	defaultIfUnset(&l.MaxConcurrent, 2)
	defaultIfUnset(&l.QueueWait, 2*time.Minute)
	defaultIfUnset(&l.Timeout, 2*time.Minute)
	return l
}

// defaultIfUnset sets *v to def when it is zero or less (unset).
func defaultIfUnset[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Ingester checks and writes uploads. It is safe for concurrent use.
type Ingester struct {
	st    *queries.Store
	lim   Limits
	now   func() time.Time
	slots chan struct{} // acquireSlot
}

// New returns an Ingester writing to st within lim.
func New(st *queries.Store, lim Limits) *Ingester {
	lim = lim.withDefaults()
	// Long enough for a dead writer's claim to lapse while we wait: a refusal after it
	// means the holder is alive.
	defaultIfUnset(&lim.ClaimWait, st.ClaimLapse()+15*time.Second)
	return &Ingester{st: st, lim: lim, now: time.Now, slots: make(chan struct{}, lim.MaxConcurrent)}
}

// Ingest reads, checks and (unless req.DryRun or the file has errors) writes one upload,
// and archives it whatever its outcome. Problems of the file are in the report, with
// Outcome "rejected"; the error is only for a failure of ClickHouse, after which nothing
// of the file's figures is visible (no commit marker) or all of it is.
func (in *Ingester) Ingest(ctx context.Context, req queries.UploadRequest) (queries.IngestReport, error) {
	rep, err := in.ingest(ctx, req)
	if err == nil {
		in.auditUpload(ctx, req, rep)
	}
	return rep, err
}

func (in *Ingester) ingest(ctx context.Context, req queries.UploadRequest) (queries.IngestReport, error) {
	sum := sha256.Sum256(req.Content)
	rep := queries.IngestReport{UploadID: uuid.NewString(), FileName: req.FileName, Size: len(req.Content),
		SHA256: hex.EncodeToString(sum[:]), Agency: clean(req.Agency), User: req.User, At: in.now().UTC()}
	if req.Year != 0 {
		rep.Years = []uint16{req.Year}
	}
	switch {
	case len(bytes.TrimSpace(req.Content)) == 0:
		return in.reject(ctx, rep, req.Content, problem("file_empty", Location{}, ""))
	case int64(len(req.Content)) > in.lim.MaxBytes:
		// Too large to keep: the archive records its name, size and hash, not its bytes.
		return in.reject(ctx, rep, nil, problem("file_too_large", Location{}, "", formatBytes(in.lim.MaxBytes)))
	}
	release, ok := in.acquireSlot(ctx, req.FileName)
	if !ok {
		// Recorded without its bytes: nothing of it was read, the sender sends it again.
		return in.reject(ctx, rep, nil, problem("server_busy", Location{}, ""))
	}
	defer release()
	cat, err := loadCatalogue(ctx, in.st)
	if err != nil {
		return rep, err
	}
	v, probs := in.read(ctx, req, cat, &rep)
	if len(probs) > 0 {
		return in.reject(ctx, rep, req.Content, probs...)
	}
	if v.agency != "" {
		rep.Agency = v.agency
	}
	rep.Rows = v.rows
	rep.Warnings = v.warns
	rep.Years = yearsOf(v.figs, req.Year)
	if v.errTotal > 0 {
		rep.ErrorsTotal = v.errTotal
		return in.reject(ctx, rep, req.Content, v.errs...)
	}
	if req.DryRun {
		// A preview writes no figure, so it takes no claim: a dead writer's claim never
		// blocks it. It diffs against the committed figures as they are now, which is
		// all a preview can promise; the real upload diffs again under the claim.
		if _, err := in.preview(ctx, v, &rep); err != nil {
			return rep, err
		}
		rep.Outcome = queries.UploadDryRun
		summarize(&rep, time.Time{})
		return rep, in.record(ctx, rep, req.Content)
	}
	// From the preview to the commit marker, this upload holds the agency's claim on its
	// years, on every server: the diff is against the latest committed upload, and the
	// same file sent twice at once is accepted once (the second sees no change).
	claim, err := in.st.ClaimAgencyYears(ctx, rep.Agency, rep.Years,
		queries.ClaimHolder{UploadID: rep.UploadID, User: rep.User, Channel: req.Channel}, in.lim.ClaimWait)
	if err != nil {
		return in.refused(ctx, rep, req.Content, err)
	}
	defer func() {
		if err := claim.Release(context.WithoutCancel(ctx)); err != nil {
			slog.Warn("ingest: release claim (it lapses by itself)", "upload", rep.UploadID, "err", err)
		}
	}()
	plan, err := in.preview(ctx, v, &rep)
	if err != nil {
		return rep, err
	}
	changes := rep.Counts.New + rep.Counts.Changed + rep.Counts.Withdrawn
	if changes == 0 {
		if prev, err := in.st.AcceptedUploadBySHA(ctx, rep.SHA256, rep.Agency); err == nil {
			rep.Outcome, rep.DuplicateOf = queries.UploadDuplicate, prev.ID
			summarize(&rep, prev.UploadedAt)
			// Same bytes as an archived upload: record the attempt, not the bytes again.
			return rep, in.record(ctx, rep, nil)
		} else if err != queries.ErrNotFound {
			return rep, err
		}
	}
	if err := in.commit(ctx, &rep, plan, claim, req.Content); err != nil {
		return rep, err
	}
	return rep, nil
}

// refused archives an attempt the claim refused (another writer really holds it, or
// ClickHouse failed while claiming) like any other file, and returns the refusal: a
// *queries.BusyError says who holds the claim and since when.
func (in *Ingester) refused(ctx context.Context, rep queries.IngestReport, content []byte, err error) (queries.IngestReport, error) {
	var busy *queries.BusyError
	if !errors.As(err, &busy) {
		// ClickHouse failed: try to keep the record, but the error is what matters.
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		rep.Outcome, rep.SummaryVI, rep.SummaryEN = queries.UploadFailed,
			"Không ghi được: hệ thống dữ liệu gặp lỗi. Hãy gửi lại tệp.", "Not written: the data store failed. Send the file again."
		if rerr := in.record(wctx, rep, content); rerr != nil {
			slog.Warn("ingest: record refused attempt", "upload", rep.UploadID, "err", rerr)
		}
		return rep, err
	}
	vi, en := busy.Messages()
	rep, rerr := in.reject(ctx, rep, content, problem("upload_busy", Location{}, "", vi, en))
	if rerr != nil {
		return rep, rerr
	}
	return rep, err
}

// read detects the kind of file and streams it through the validator. A panic in a
// parser (a library bug meeting a hostile file) becomes a file problem, never a crash.
func (in *Ingester) read(ctx context.Context, req queries.UploadRequest, cat *catalogue, rep *queries.IngestReport) (v *validator, probs []queries.IngestError) {
	ctx, cancel := context.WithTimeout(ctx, in.lim.Timeout)
	defer cancel()
	v = newValidator(cat, req, in.lim)
	defer func() {
		if r := recover(); r != nil {
			probs = []queries.IngestError{internalProblem(rep.UploadID, req.FileName, r, debug.Stack())}
		}
	}()
	kind, kprob := detectKind(req.Content)
	rep.Kind = kind
	if kprob != nil {
		return v, []queries.IngestError{*kprob}
	}
	info := &sourceInfo{}
	v.info = info
	switch kind {
	case queries.KindXLSX:
		probs = readXLSX(ctx, req.Content, in.lim, info, v.row)
	case queries.KindJSON:
		probs = readJSON(req.Content, info, v.row)
	default:
		v.expect(bytes.Count(req.Content, []byte{'\n'}))
		probs = readCSV(ctx, req.Content, info, v.row)
	}
	if len(probs) > 0 {
		return v, probs
	}
	v.warns = append(info.warnings, v.warns...)
	if ctx.Err() != nil {
		return v, []queries.IngestError{problem("file_timeout", Location{}, "")}
	}
	if v.tooMany {
		return v, []queries.IngestError{problem("file_too_many_rows", Location{}, "", in.lim.MaxRows)}
	}
	v.duplicates()
	v.resolve()
	return v, nil
}

// detectKind looks at the bytes, not the name: people rename files.
func detectKind(b []byte) (string, *queries.IngestError) {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		if ext, vi, en, ok := zipDocument(b); ok {
			code := "file_zip_document"
			if ext == ".ods" {
				code = "file_ods"
			}
			e := problem(code, Location{}, "", ext, vi, en)
			return strings.TrimPrefix(ext, "."), &e
		}
		return queries.KindXLSX, nil
	case bytes.HasPrefix(b, oleMagic):
		e := problem("file_xls", Location{}, "")
		return "xls", &e
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return queries.KindCSV, nil
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))
	switch {
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		return queries.KindJSON, nil
	case bytes.IndexByte(head, 0) >= 0 || (len(t) > 0 && t[0] == '<'):
		e := problem("file_binary", Location{}, "")
		return "binary", &e
	}
	return queries.KindCSV, nil
}

func yearsOf(figs []figure, reqYear uint16) []uint16 {
	seen := map[uint16]bool{}
	var out []uint16
	for _, f := range figs {
		if f.year != 0 && !seen[f.year] {
			seen[f.year] = true
			out = append(out, f.year)
		}
	}
	if len(out) == 0 && reqYear != 0 {
		out = append(out, reqYear)
	}
	sortYears(out)
	return out
}

func sortYears(ys []uint16) {
	for i := 1; i < len(ys); i++ {
		for j := i; j > 0 && ys[j] < ys[j-1]; j-- {
			ys[j], ys[j-1] = ys[j-1], ys[j]
		}
	}
}

// reject archives a refused file with its report: nothing a user sends is lost.
func (in *Ingester) reject(ctx context.Context, rep queries.IngestReport, content []byte, probs ...queries.IngestError) (queries.IngestReport, error) {
	rep.Outcome = queries.UploadRejected
	rep.Errors = probs
	if rep.ErrorsTotal < len(probs) {
		rep.ErrorsTotal = len(probs)
	}
	rep.Items, rep.Counts = nil, queries.ChangeCounts{}
	summarize(&rep, time.Time{})
	return rep, in.record(ctx, rep, content)
}

// internalProblem is what the user sees of a bug met while reading a file (a panic in
// a library or in our code): a generic message with the upload id to quote, never
// the runtime's text, which goes to the log with the stack.
func internalProblem(ref, file string, panicked any, stack []byte) queries.IngestError {
	slog.Error("ingest: panic while reading a file", "upload", ref, "file", file, "panic", panicked, "stack", string(stack))
	return problem("file_internal", Location{}, "", ref)
}
